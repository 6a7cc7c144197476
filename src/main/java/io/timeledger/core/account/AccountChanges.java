package io.timeledger.core.account;

import io.timeledger.core.common.Field;
import java.time.DayOfWeek;
import java.util.List;

/** A partial change to an account's name, week and time tracking preferences. */
public record AccountChanges(Field<String> name, Field<DayOfWeek> weekStart, Field<Boolean> timestampTimers,
                             Field<Integer> roundingMinutes, Field<Boolean> roundingUp, Field<String> clock,
                             Field<String> timeFormat, Field<Boolean> expensesEnabled) {

    static final List<Integer> ROUNDING_MINUTES = List.of(0, 1, 3, 5, 6, 10, 12, 15, 30, 60);
}
