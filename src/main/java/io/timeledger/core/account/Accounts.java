package io.timeledger.core.account;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.util.Currency;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening and finding accounts. */
@Service
public class Accounts {

    private final AccountRepository repository;

    Accounts(AccountRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public Account open(NewAccount account) {
        return repository.insert(account);
    }

    /** Renames the account or changes how it tracks time; admins only. Absent fields keep their value. */
    @Transactional
    public Account change(Actor actor, AccountChanges changes) {
        actor.requireAdmin();
        var current = get(actor.account());
        var problems = new Invalid.Collector();
        var name = changes.name().orElse(current.name());
        if (name == null || name.isBlank()) {
            problems.add("name", "can't be blank");
        } else if (name.length() > 255) {
            problems.add("name", "is too long (maximum is 255 characters)");
        }
        var old = current.preferences();
        int rounding = required(problems, "rounding_minutes", changes.roundingMinutes(), old.roundingMinutes());
        if (!AccountChanges.ROUNDING_MINUTES.contains(rounding)) {
            problems.add("rounding_minutes", "must be one of " + AccountChanges.ROUNDING_MINUTES);
        }
        var clock = required(problems, "clock", changes.clock(), old.clock());
        if (!"12h".equals(clock) && !"24h".equals(clock)) {
            problems.add("clock", "must be 12h or 24h");
        }
        var timeFormat = required(problems, "time_format", changes.timeFormat(), old.timeFormat());
        if (!"decimal".equals(timeFormat) && !"hours_minutes".equals(timeFormat)) {
            problems.add("time_format", "must be decimal or hours_minutes");
        }
        var weekStart = required(problems, "week_start_day", changes.weekStart(), current.weekStart());
        var zone = required(problems, "time_zone", changes.timeZone(), current.timeZone());
        var currency = required(problems, "currency", changes.currency(), current.currency());
        if (!currency.matches("[A-Z]{3}") || Currency.getAvailableCurrencies().stream()
                .noneMatch(c -> c.getCurrencyCode().equals(currency))) {
            problems.add("currency", "must be an ISO 4217 code, such as USD or EUR");
        }
        var preferences = new Preferences(
            required(problems, "wants_timestamp_timers", changes.timestampTimers(), old.timestampTimers()), rounding,
            required(problems, "rounding_mode", changes.roundingUp(), old.roundingUp()), clock, timeFormat,
            required(problems, "expenses_enabled", changes.expensesEnabled(), old.expensesEnabled()));
        problems.throwIfAny();
        return repository.update(actor.account(), name.strip(), weekStart, preferences, zone, currency);
    }

    /** Turns the expenses feature on or off: for the operator's command line, which acts as no member. */
    @Transactional
    public Account switchExpenses(AccountId id, boolean enabled) {
        var current = get(id);
        var old = current.preferences();
        return repository.update(id, current.name(), current.weekStart(), new Preferences(old.timestampTimers(),
            old.roundingMinutes(), old.roundingUp(), old.clock(), old.timeFormat(), enabled), current.timeZone(),
            current.currency());
    }

    /** The given value, or the current one when left out; a value given as null is a problem. */
    private static <T> T required(Invalid.Collector problems, String field, Field<T> change, T current) {
        if (change.isGiven() && change.orElse(null) == null) {
            problems.add(field, "can't be blank");
            return current;
        }
        return change.orElse(current);
    }

    @Reads
    public Account get(AccountId id) {
        return repository.find(id).orElseThrow(() -> new NotFound("Account", id));
    }

    /** Every account the user belongs to, archived memberships included. */
    @Reads
    public List<Account> ofUser(long userId) {
        return repository.forUser(userId, false);
    }

    /** The accounts the user may act in now: their memberships that are not archived. */
    @Reads
    public List<Account> activeOfUser(long userId) {
        return repository.forUser(userId, true);
    }

    @Reads
    public List<Account> all() {
        return repository.all();
    }

    /**
     * Whether the database holds no account yet, asked under a lock that every server starting
     * on it takes (a transaction-scoped advisory lock): called inside the transaction that sets
     * the first account up, two servers starting at once cannot both find it empty.
     */
    @Transactional
    public boolean noneYetUnderLock() {
        repository.lockFirstStart();
        return !repository.any();
    }
}
