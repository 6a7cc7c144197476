package io.timeledger.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A period of days as a sentence says it: "from 1 Nov 2026 to 30 Nov 2026", "on 7 Dec 2026". */
public final class Periods {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Periods() {
    }

    /** The days from {@code from} to {@code to}, either end null for an open one. */
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
