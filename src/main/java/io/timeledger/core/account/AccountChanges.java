package io.timeledger.core.account;

import io.timeledger.core.common.Field;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;

/** A partial change to an account's name, week, time tracking preferences, time zone and currency. */
public record AccountChanges(Field<String> name, Field<DayOfWeek> weekStart, Field<Boolean> timestampTimers,
                             Field<Integer> roundingMinutes, Field<Boolean> roundingUp, Field<String> clock,
                             Field<String> timeFormat, Field<Boolean> expensesEnabled, Field<ZoneId> timeZone,
                             Field<String> currency) {

    /** Nothing changed: the start of every change, each field set by name. */
    public static final AccountChanges NONE = new AccountChanges(Field.absent(), Field.absent(), Field.absent(),
        Field.absent(), Field.absent(), Field.absent(), Field.absent(), Field.absent(), Field.absent(),
        Field.absent());

    /** The rounding increments an account may choose, in minutes (0: none). */
    public static final List<Integer> ROUNDING_MINUTES = List.of(0, 1, 3, 5, 6, 10, 12, 15, 30, 60);

    public AccountChanges name(Field<String> value) {
        return new AccountChanges(value, weekStart, timestampTimers, roundingMinutes, roundingUp, clock, timeFormat,
            expensesEnabled, timeZone, currency);
    }

    public AccountChanges weekStart(Field<DayOfWeek> value) {
        return new AccountChanges(name, value, timestampTimers, roundingMinutes, roundingUp, clock, timeFormat,
            expensesEnabled, timeZone, currency);
    }

    public AccountChanges timestampTimers(Field<Boolean> value) {
        return new AccountChanges(name, weekStart, value, roundingMinutes, roundingUp, clock, timeFormat,
            expensesEnabled, timeZone, currency);
    }

    public AccountChanges roundingMinutes(Field<Integer> value) {
        return new AccountChanges(name, weekStart, timestampTimers, value, roundingUp, clock, timeFormat,
            expensesEnabled, timeZone, currency);
    }

    public AccountChanges roundingUp(Field<Boolean> value) {
        return new AccountChanges(name, weekStart, timestampTimers, roundingMinutes, value, clock, timeFormat,
            expensesEnabled, timeZone, currency);
    }

    public AccountChanges clock(Field<String> value) {
        return new AccountChanges(name, weekStart, timestampTimers, roundingMinutes, roundingUp, value, timeFormat,
            expensesEnabled, timeZone, currency);
    }

    public AccountChanges timeFormat(Field<String> value) {
        return new AccountChanges(name, weekStart, timestampTimers, roundingMinutes, roundingUp, clock, value,
            expensesEnabled, timeZone, currency);
    }

    public AccountChanges expensesEnabled(Field<Boolean> value) {
        return new AccountChanges(name, weekStart, timestampTimers, roundingMinutes, roundingUp, clock, timeFormat,
            value, timeZone, currency);
    }

    public AccountChanges timeZone(Field<ZoneId> value) {
        return new AccountChanges(name, weekStart, timestampTimers, roundingMinutes, roundingUp, clock, timeFormat,
            expensesEnabled, value, currency);
    }

    public AccountChanges currency(Field<String> value) {
        return new AccountChanges(name, weekStart, timestampTimers, roundingMinutes, roundingUp, clock, timeFormat,
            expensesEnabled, timeZone, value);
    }

}
