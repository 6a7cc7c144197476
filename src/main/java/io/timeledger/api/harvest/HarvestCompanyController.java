package io.timeledger.api.harvest;

import io.timeledger.api.common.Accepts;
import io.timeledger.api.common.JsonFields;
import io.timeledger.api.common.RequestBodies;
import io.timeledger.core.account.Account;
import io.timeledger.core.account.AccountChanges;
import io.timeledger.core.account.Accounts;
import io.timeledger.core.account.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /v2/company}: the account as Harvest shows it. PATCH takes Harvest's
 * {@code wants_timestamp_timers}, and as extensions {@code name}, {@code week_start_day}, {@code expense_feature},
 * {@code clock}, {@code time_format}, {@code time_rounding_minutes} and {@code time_rounding_mode}.
 */
@RestController
@RequestMapping("/v2/company")
class HarvestCompanyController {

    private final Accounts accounts;
    private final RequestBodies bodies;

    HarvestCompanyController(Accounts accounts, RequestBodies bodies) {
        this.accounts = accounts;
        this.bodies = bodies;
    }

    @GetMapping
    HtCompany company(Actor actor, HttpServletRequest request) {
        return HtCompany.from(actor.tenant(), request);
    }

    @PatchMapping
    @Accepts(HtCompanyFields.class)
    HtCompany change(Actor actor, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "company");
        var weekStart = fields.string("week_start_day").map(day -> day == null ? null : weekDay(fields, day));
        var roundingMode = fields.string("time_rounding_mode").map(mode -> {
            if (mode != null && !mode.equals("up") && !mode.equals("nearest")) {
                fields.reject("time_rounding_mode", "must be up or nearest");
            }
            return mode == null ? null : mode.equals("up");
        });
        var changes = AccountChanges.NONE.name(fields.string("name")).weekStart(weekStart)
            .timestampTimers(fields.bool("wants_timestamp_timers"))
            .roundingMinutes(fields.integer("time_rounding_minutes")
                .map(m -> m == null ? null : (int) Math.max(-1, Math.min(m, 1000))))
            .roundingUp(roundingMode).clock(fields.string("clock")).timeFormat(fields.string("time_format"))
            .expensesEnabled(fields.bool("expense_feature"));
        fields.validate();
        return HtCompany.from(accounts.change(actor, changes), request);
    }

    private static DayOfWeek weekDay(JsonFields fields, String day) {
        for (var candidate : DayOfWeek.values()) {
            if (candidate.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equalsIgnoreCase(day.strip())) {
                return candidate;
            }
        }
        fields.reject("week_start_day", "must be a day of the week, such as Monday");
        return null;
    }

    /** Harvest's company; the features this server does not have yet say false. */
    /**
     * What an administrator changes of the account: {@code week_start_day} (Monday …),
     * {@code time_rounding_mode} up or nearest, {@code clock} 12h or 24h, {@code time_format}
     * decimal or hours_minutes, {@code expense_feature} whether expenses are tracked.
     */
    record HtCompanyFields(String name, String weekStartDay, Boolean wantsTimestampTimers, Integer timeRoundingMinutes,
                           String timeRoundingMode, String clock, String timeFormat, Boolean expenseFeature) { }

    record HtCompany(String baseUri, String fullDomain, String name, boolean isActive, String weekStartDay,
                     boolean wantsTimestampTimers, String timeFormat, String dateFormat, String planType, String clock,
                     String currencyCodeDisplay, String currencySymbolDisplay, String decimalSymbol,
                     String thousandsSeparator, String colorScheme, int weeklyCapacity, boolean expenseFeature,
                     boolean invoiceFeature, boolean estimateFeature, boolean approvalFeature, boolean teamFeature,
                     String currency, String currencySymbol, String timeZone, int timeRoundingMinutes,
                     String timeRoundingMode) {

        /** 35 hours a week, in seconds: Harvest's default capacity. */
        private static final int WEEKLY_CAPACITY = 126_000;

        static HtCompany from(Account account, HttpServletRequest request) {
            var base = ServletUriComponentsBuilder.fromContextPath(request).build();
            var preferences = account.preferences();
            return new HtCompany(base.toUriString(), base.getHost(), account.name(), true,
                account.weekStart().getDisplayName(TextStyle.FULL, Locale.ENGLISH), preferences.timestampTimers(),
                preferences.timeFormat(), "%Y-%m-%d", "self_hosted", preferences.clock(), "iso_code_with_symbol",
                "symbol_before", ".", ",", "orange", WEEKLY_CAPACITY, preferences.expensesEnabled(), true, false, false,
                true,
                account.currency(), Currency.getInstance(account.currency()).getSymbol(Locale.ENGLISH),
                account.timeZone().getId(), preferences.roundingMinutes(),
                preferences.roundingUp() ? "up" : "nearest");
        }
    }
}
