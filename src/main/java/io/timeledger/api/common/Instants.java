package io.timeledger.api.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** How every dialect writes an instant: ISO 8601 in UTC, to the second ({@code 2024-01-20T15:45:00Z}). */
public final class Instants {

    private Instants() { }

    /**
     * The instant to the second, or null: what {@code truncatedTo(SECONDS).toString()} writes, without
     * the general formatter behind it (a page writes four per entry, and the formatter was 3 % of a
     * page's CPU). Years outside 0000–9999, which ISO 8601 writes with a sign, take the formatter.
     */
    public static String iso(Instant instant) {
        if (instant == null) {
            return null;
        }
        var utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 0 || year > 9999) {
            return Instant.ofEpochSecond(instant.getEpochSecond()).toString();
        }
        var text = new char[20];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, utc.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, utc.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, utc.getHour(), 2);
        text[13] = ':';
        digits(text, 14, utc.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, utc.getSecond(), 2);
        text[19] = 'Z';
        return new String(text);
    }

    /** {@code value} in {@code width} decimal digits, zero-padded, from {@code at}. */
    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
