package io.timeledger.core.common;

import java.time.LocalDate;

/**
 * The calendar days the ledger takes, for time, expenses and invoices alike: 1900-01-01 to
 * 2999-12-31. Wide enough for any real record, and far from the ends where PostgreSQL stores
 * {@code infinity} and Java's dates stop.
 */
public final class CalendarDays {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2999, 12, 31);

    private CalendarDays() { }

    /** Adds a problem for {@code field} when {@code day} is given and outside the range. */
    public static void check(String field, LocalDate day, Invalid.Collector problems) {
        if (day != null && (day.isBefore(FIRST) || day.isAfter(LAST))) {
            problems.add(field, "must be between " + FIRST + " and " + LAST);
        }
    }
}
