package io.timeledger.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Days as the pages write them: a day ("7 Dec 2026"), a span of days as a heading or a table cell shows
 * it ("1 – 30 Nov 2026"), a period as a sentence says it ("from 1 Nov 2026 to 30 Nov 2026"), a moment
 * in someone's time zone ("7 Dec 2026, 14:05").
 */
public final class Periods {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_IN_YEAR = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private Periods() {
    }

    /** "7 Dec 2026". */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** "7 Dec": a day where the year goes without saying (a week's days, a chart's axis). */
    public static String dayInYear(TemporalAccessor day) {
        return DAY_IN_YEAR.format(day);
    }

    /** "7 Dec 2026, 14:05" where {@code zone} is: when a token was made, last used, someone signed in. */
    public static String moment(Instant at, ZoneId zone) {
        return MOMENT.format(at.atZone(zone));
    }

    /** {@link #moment} for a page's template, in the zone of the person reading it. */
    public record Moments(ZoneId zone) {
        public String of(Instant at) {
            return moment(at, zone);
        }
    }

    /**
     * The days from {@code from} to {@code to}, each part said once: "7 Dec 2026", "1 – 30 Nov 2026",
     * "28 Nov – 4 Dec 2026", "28 Dec 2026 – 3 Jan 2027"; an open end as "…" ("1 Nov 2026 – …"), null
     * when both are.
     */
    public static String span(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return from == null && to == null ? null
                : (from == null ? "…" : day(from)) + " – " + (to == null ? "…" : day(to));
        }
        if (from.equals(to)) {
            return day(from);
        }
        if (from.getYear() != to.getYear()) {
            return day(from) + " – " + day(to);
        }
        if (from.getMonth() != to.getMonth()) {
            return DAY_IN_YEAR.format(from) + " – " + day(to);
        }
        return from.getDayOfMonth() + " – " + day(to);
    }

    /** The days from {@code from} to {@code to} as a sentence says them, either end null for an open one. */
    public static String between(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return "in any period";
        }
        if (from == null || to == null) {
            return from == null ? "up to " + DAY.format(to) : "from " + DAY.format(from) + " on";
        }
        return from.equals(to) ? "on " + DAY.format(from) : "from " + DAY.format(from) + " to " + DAY.format(to);
    }
}
