package io.timeledger.web.manage;

import io.timeledger.core.account.AccountChanges;
import io.timeledger.core.account.Accounts;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.money.InvoiceSender;
import io.timeledger.core.money.Invoices;
import io.timeledger.web.Forms;
import io.timeledger.web.Header;
import io.timeledger.web.SignedIn;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account's settings ({@code /manage/settings}, administrators): its name, the day weeks start
 * on, whether time is tracked by start and end, how reported hours are rounded and shown, and
 * whether it tracks expenses — what Harvest's company settings change, through the same service.
 */
@Controller
class SettingsController {

    private static final Map<String, String> LABELS = Map.of("week_start_day", "Week start",
        "wants_timestamp_timers", "Timestamps", "rounding_minutes", "Rounding", "rounding_mode", "Rounding",
        "time_format", "Time format", "expenses_enabled", "Expenses", "time_zone", "Time zone");

    private final SignedIn signedIn;
    private final Header header;
    private final Accounts accounts;
    private final Invoices invoices;

    SettingsController(SignedIn signedIn, Header header, Accounts accounts, Invoices invoices) {
        this.signedIn = signedIn;
        this.header = header;
        this.accounts = accounts;
        this.invoices = invoices;
    }

    @GetMapping("/manage/settings")
    String settings(Principal principal, HttpSession session, Model model) {
        var place = signedIn.place(principal, session);
        place.actor().requireAdmin();
        header.show(model, place, "manage");
        model.addAttribute("settings", accounts.get(place.actor().account()));
        model.addAttribute("weekDays", DayOfWeek.values());
        model.addAttribute("roundings", AccountChanges.ROUNDING_MINUTES);
        model.addAttribute("sender", invoices.sender(place.actor()));
        model.addAttribute("zones", Forms.timeZones(place.actor().tenant().timeZone().getId()));
        return "manage/settings";
    }

    /** What the account prints on its invoices: address, tax id, payment terms, bank details. */
    @PostMapping("/manage/settings/invoices")
    String invoiceDetails(Principal principal, HttpSession session, @RequestParam(defaultValue = "") String address,
                          @RequestParam(name = "tax_id", defaultValue = "") String taxId,
                          @RequestParam(name = "payment_terms", defaultValue = "30") String terms,
                          @RequestParam(name = "bank_details", defaultValue = "") String bank,
                          @RequestParam(name = "next_number", defaultValue = "") String nextNumber,
                          RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        Forms.act(redirect, Map.of("invoice_payment_terms", "Payment terms", "invoice_next_number",
            "Next invoice number"), () -> {
            invoices.changeSender(actor, new InvoiceSender(address, taxId, days(terms), bank,
                nextNumber.isBlank() ? invoices.sender(actor).nextNumber() : number(nextNumber)));
            return "Saved the invoice details.";
        });
        return "redirect:/manage/settings";
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new Invalid("invoice_next_number", "must be a whole number, such as 1001");
        }
    }

    private static int days(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new Invalid("invoice_payment_terms", "must be a number of days, such as 30");
        }
    }

    @PostMapping("/manage/settings")
    String change(Principal principal, HttpSession session, @RequestParam(defaultValue = "") String name,
                  @RequestParam(name = "week_start", defaultValue = "MONDAY") String weekStart,
                  @RequestParam(defaultValue = "false") boolean timestamps,
                  @RequestParam(defaultValue = "0") int rounding, @RequestParam(name = "rounding_up",
                  defaultValue = "false") boolean roundingUp, @RequestParam(defaultValue = "24h") String clock,
                  @RequestParam(name = "time_format", defaultValue = "hours_minutes") String timeFormat,
                  @RequestParam(defaultValue = "false") boolean expenses,
                  @RequestParam(name = "time_zone", defaultValue = "") String timeZone,
                  @RequestParam(defaultValue = "") String currency, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        Forms.act(redirect, LABELS, () -> {
            accounts.change(actor, AccountChanges.NONE.name(Field.of(name))
                .weekStart(Field.of(day(weekStart)))
                .timestampTimers(Field.of(timestamps))
                .roundingMinutes(Field.of(rounding))
                .roundingUp(Field.of(roundingUp))
                .clock(Field.of(clock))
                .timeFormat(Field.of(timeFormat))
                .expensesEnabled(Field.of(expenses))
                .timeZone(timeZone.isBlank() ? Field.absent() : Field.of(Forms.zone("time_zone", timeZone)))
                .currency(currency.isBlank() ? Field.absent() : Field.of(currency.strip().toUpperCase(Locale.ROOT))));
            return "Saved the account's settings.";
        });
        return "redirect:/manage/settings";
    }

    private static DayOfWeek day(String value) {
        try {
            return DayOfWeek.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid("week_start_day", "must be a day of the week");
        }
    }
}
