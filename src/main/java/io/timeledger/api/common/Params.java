package io.timeledger.api.common;

import io.timeledger.core.common.Invalid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Query parameters read strictly, with an error naming the parameter. */
public final class Params {

    private Params() { }

    /** null when absent or empty. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new Invalid(name, "must be true or false");
        };
    }

    /** null when absent or empty. */
    public static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var id = parseId(value);
        if (id == null) {
            throw new Invalid(name, "must be an id (a positive integer)");
        }
        return id;
    }

    /** An integer within {@code min..max}; {@code fallback} when absent or empty. */
    public static int integer(String name, String value, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Invalid(name, "must be a whole number from " + min + " to " + max);
    }

    /** A calendar day, {@code YYYY-MM-DD}; null when absent or empty. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid(name, "is not a valid date (YYYY-MM-DD)");
        }
    }

    /** An instant in ISO 8601 ({@code 2024-01-15T00:00:00Z}, with an offset, or a bare date meaning its UTC midnight). */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                throw new Invalid(name, "is not a valid date-time (ISO 8601, e.g. 2024-01-15T00:00:00Z)");
            }
        }
    }

    /**
     * An id list filter in any of the forms clients send it: {@code name=1,2}, {@code name=1&name=2},
     * {@code name[]=1&name[]=2}. Null when absent; {@code all} (where {@code allowAll}) gives an empty list.
     */
    public static List<Long> ids(String name, Map<String, String[]> parameters, boolean allowAll) {
        var values = new ArrayList<String>();
        for (var key : List.of(name, name + "[]")) {
            var given = parameters.get(key);
            if (given != null) {
                for (var value : given) {
                    for (var part : value.split(",")) {
                        if (!part.isBlank()) {
                            values.add(part.strip());
                        }
                    }
                }
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        if (allowAll && values.stream().anyMatch(v -> v.equalsIgnoreCase("all"))) {
            return List.of();
        }
        var ids = new ArrayList<Long>();
        for (var value : values) {
            var id = parseId(value);
            if (id == null) {
                throw new Invalid(name, "must be a list of ids" + (allowAll ? " or all" : ""));
            }
            ids.add(id);
        }
        return ids;
    }

    /** A positive long, or null when {@code value} is not one. */
    static Long parseId(String value) {
        var digits = value.strip();
        if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            long id = Long.parseLong(digits);
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
