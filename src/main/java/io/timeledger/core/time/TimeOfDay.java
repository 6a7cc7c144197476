package io.timeledger.core.time;

import io.timeledger.core.common.Invalid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.regex.Pattern;

/** Times of day as people and Harvest's clients type them: {@code 8:00am}, {@code 8am}, {@code 08:00}, {@code 20:00}. */
public final class TimeOfDay {

    private static final Pattern TIME = Pattern.compile("^\\s*(\\d{1,2})(?::(\\d{2}))?\\s*([aApP][mM])?\\s*$");

    private TimeOfDay() { }

    /** The time {@code text} says, refused (naming {@code field}) when it says none. */
    public static LocalTime parse(String field, String text) {
        var matcher = TIME.matcher(text == null ? "" : text);
        if (matcher.matches()) {
            int hour = Integer.parseInt(matcher.group(1));
            int minute = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
            var meridiem = matcher.group(3);
            if (meridiem != null) {
                if (hour < 1 || hour > 12) {
                    throw new Invalid(field, "is not a valid time");
                }
                hour = hour % 12 + (meridiem.equalsIgnoreCase("pm") ? 12 : 0);
            }
            if (hour < 24 && minute < 60) {
                return LocalTime.of(hour, minute);
            }
        }
        throw new Invalid(field, "is not a valid time (like 8:00am or 14:30)");
    }

    /** That time on {@code day} in {@code zone}, as an instant. */
    public static Instant on(LocalDate day, String field, String text, ZoneId zone) {
        return day.atTime(parse(field, text)).atZone(zone).toInstant();
    }
}
