package io.timeledger.core.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The current period of each budget frequency, as calendar days in the account's time zone:
 * weeks begin on the account's week start, quarters are calendar quarters, a total budget has no bounds.
 */
record BudgetPeriods(LocalDate weekFrom, LocalDate weekTo, LocalDate monthFrom, LocalDate monthTo,
                     LocalDate quarterFrom, LocalDate quarterTo, LocalDate yearFrom, LocalDate yearTo) {

    static BudgetPeriods containing(LocalDate today, DayOfWeek weekStart) {
        var week = today.with(TemporalAdjusters.previousOrSame(weekStart));
        var month = today.withDayOfMonth(1);
        var quarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
        var year = today.withDayOfYear(1);
        return new BudgetPeriods(week, week.plusDays(6), month, month.plusMonths(1).minusDays(1),
            quarter, quarter.plusMonths(3).minusDays(1), year, year.plusYears(1).minusDays(1));
    }
}
