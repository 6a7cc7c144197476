package io.timeledger.web.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;

/** The reports page's ready-made periods, each a range of days around today; CUSTOM takes the form's own. */
enum Period {
    THIS_WEEK("This week"), LAST_WEEK("Last week"), THIS_MONTH("This month"), LAST_MONTH("Last month"),
    THIS_QUARTER("This quarter"), THIS_YEAR("This year"), LAST_YEAR("Last year"), ALL_TIME("All time"),
    CUSTOM("Custom range");

    /** A range of days; either end null when open. */
    record Range(LocalDate from, LocalDate to) { }

    private final String label;

    Period(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Period of(String param) {
        return param == null ? THIS_MONTH : Arrays.stream(values()).filter(p -> p.param().equals(param)).findFirst()
            .orElse(THIS_MONTH);
    }

    /** The days this period spans on {@code today}, weeks starting on {@code weekStart}. */
    Range range(LocalDate today, DayOfWeek weekStart, LocalDate from, LocalDate to) {
        var week = today.with(TemporalAdjusters.previousOrSame(weekStart));
        var month = today.withDayOfMonth(1);
        var quarter = month.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        var year = today.withDayOfYear(1);
        return switch (this) {
            case THIS_WEEK -> new Range(week, week.plusDays(6));
            case LAST_WEEK -> new Range(week.minusWeeks(1), week.minusDays(1));
            case THIS_MONTH -> new Range(month, month.plusMonths(1).minusDays(1));
            case LAST_MONTH -> new Range(month.minusMonths(1), month.minusDays(1));
            case THIS_QUARTER -> new Range(quarter, quarter.plusMonths(3).minusDays(1));
            case THIS_YEAR -> new Range(year, year.plusYears(1).minusDays(1));
            case LAST_YEAR -> new Range(year.minusYears(1), year.minusDays(1));
            case ALL_TIME -> new Range(null, null);
            case CUSTOM -> new Range(from, to);
        };
    }
}
