package io.timeledger.core.time;

import io.timeledger.core.common.Invalid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Durations as people type them in a timesheet — {@code 1:30}, {@code 1.5}, {@code 1,5},
 * {@code 90m}, {@code 2h}, {@code 1h 30m} — and as pages show them, {@code h:mm}.
 */
public final class DurationText {

    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}(?:[.,]\\d{1,4})?)\\s*h?");
    private static final Pattern MINUTES = Pattern.compile("(\\d{1,4})\\s*m(?:in)?");
    private static final Pattern BOTH = Pattern.compile("(\\d{1,2})\\s*h\\s*(\\d{1,2})\\s*m(?:in)?");

    private DurationText() { }

    /** The seconds {@code text} says, refused (naming {@code field}) when it says none or more than a day. */
    public static long parse(String field, String text) {
        var value = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        long seconds = -1;
        var matcher = CLOCK.matcher(value);
        if (matcher.matches() && Integer.parseInt(matcher.group(2)) < 60) {
            seconds = Long.parseLong(matcher.group(1)) * 3600 + Long.parseLong(matcher.group(2)) * 60;
        } else if ((matcher = BOTH.matcher(value)).matches() && Integer.parseInt(matcher.group(2)) < 60) {
            seconds = Long.parseLong(matcher.group(1)) * 3600 + Long.parseLong(matcher.group(2)) * 60;
        } else if ((matcher = MINUTES.matcher(value)).matches()) {
            seconds = Long.parseLong(matcher.group(1)) * 60;
        } else if ((matcher = HOURS.matcher(value)).matches()) {
            seconds = new BigDecimal(matcher.group(1).replace(',', '.')).multiply(BigDecimal.valueOf(3600))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
        if (seconds < 0) {
            throw new Invalid(field, "is not a duration: type it like 1:30, 1.5 or 90m");
        }
        if (seconds > EntryRules.MAX_DURATION_SECONDS) {
            throw new Invalid(field, "must be at most 24 hours");
        }
        return seconds;
    }

    /** {@code h:mm}, the minutes rounded down: 5,400 s is 1:30. */
    public static String format(long seconds) {
        long minutes = Math.max(0, seconds) / 60;
        long ofHour = minutes % 60;
        // by hand: String.format parsed its pattern on every call, a few thousand times a week page
        return minutes / 60 + (ofHour < 10 ? ":0" : ":") + ofHour;
    }
}
