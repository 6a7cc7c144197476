package io.timeledger.api.harvest;

import io.timeledger.core.common.Worth;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How Harvest writes numbers, instants and times of day. */
final class HarvestJson {

    private static final DateTimeFormatter TWENTY_FOUR = DateTimeFormatter.ofPattern("H:mm");

    private HarvestJson() { }

    /** A decimal as Harvest shows it: 2.11, 1.0, 100.0. */
    static BigDecimal number(BigDecimal value) {
        if (value == null) {
            return null;
        }
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 1 ? stripped.setScale(1, RoundingMode.UNNECESSARY) : stripped;
    }

    /** Seconds as decimal hours to two places. */
    static BigDecimal hours(long seconds) {
        return number(Worth.hours(seconds));
    }

    /** Seconds rounded to the account's increment (0: none), up or to the nearest, as decimal hours. */
    static BigDecimal roundedHours(long seconds, int incrementMinutes, boolean up) {
        if (incrementMinutes <= 0) {
            return hours(seconds);
        }
        long increment = incrementMinutes * 60L;
        long units = up ? (seconds + increment - 1) / increment : (seconds + increment / 2) / increment;
        return hours(units * increment);
    }

    /** "3:00pm" on a 12-hour clock, "15:00" on a 24-hour one, in the person's zone. */
    static String timeOfDay(Instant instant, ZoneId zone, String clock) {
        if (instant == null) {
            return null;
        }
        var time = instant.atZone(zone).toLocalTime();
        if ("24h".equals(clock)) {
            return TWENTY_FOUR.format(time);
        }
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        return hour + ":" + String.format(Locale.ROOT, "%02d", time.getMinute()) + (time.getHour() < 12 ? "am" : "pm");
    }
}
