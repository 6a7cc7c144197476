package io.timeledger.api.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How every dialect writes an instant: ISO 8601 in UTC, to the second ({@code 2024-01-20T15:45:00Z}). */
public final class Instants {

    private Instants() { }

    /** The instant to the second, or null. */
    public static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
