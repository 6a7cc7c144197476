package io.timeledger.api.common;

import io.timeledger.core.common.Invalid;
import java.util.Locale;

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
