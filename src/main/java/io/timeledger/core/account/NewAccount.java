package io.timeledger.core.account;

import io.timeledger.core.common.Invalid;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Currency;

/** What it takes to open an account. */
public record NewAccount(String name, String currency, String timeZone, DayOfWeek weekStart) {

    public NewAccount {
        var problems = new Invalid.Collector();
        if (name == null || name.isBlank()) {
            problems.add("name", "can't be blank");
        } else if (name.length() > 255) {
            problems.add("name", "is too long (maximum is 255 characters)");
        }
        if (!isCurrency(currency)) {
            problems.add("currency", "must be an ISO 4217 code such as USD");
        }
        if (!isZone(timeZone)) {
            problems.add("time_zone", "must be a time zone such as Europe/Berlin");
        }
        if (weekStart == null) {
            weekStart = DayOfWeek.MONDAY;
        }
        problems.throwIfAny();
        name = name.strip();
    }

    static boolean isCurrency(String code) {
        try {
            return code != null && code.length() == 3 && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isZone(String zone) {
        try {
            return zone != null && ZoneId.of(zone) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
