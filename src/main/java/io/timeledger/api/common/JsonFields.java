package io.timeledger.api.common;

import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads a request body's fields, telling a field left out from one set to null, and collecting
 * a violation naming each field of the wrong type instead of stopping at the first.
 */
public final class JsonFields {

    /** No text field of any resource is longer; core rules set tighter limits per field. */
    static final int MAX_STRING = 10_000;

    private final JsonNode object;
    private final Invalid.Collector problems = new Invalid.Collector();

    private JsonFields(JsonNode object) {
        this.object = object;
    }

    /**
     * The fields of {@code body}, nested under {@code resource} ({@code {"contact": {...}}}) or,
     * where the request sent them flat, at its top level.
     */
    public static JsonFields of(JsonNode body, String resource) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new Invalid("base", "a JSON object is required as the request body");
        }
        if (!body.isObject()) {
            throw new Invalid("base", "the request body must be a JSON object");
        }
        var nested = body.get(resource);
        if (nested != null && !nested.isNull()) {
            if (!nested.isObject()) {
                throw new Invalid(resource, "must be a JSON object");
            }
            return new JsonFields(nested);
        }
        return new JsonFields(body);
    }

    public Field<String> string(String name) {
        return read(name, node -> {
            if (!node.isString()) {
                return fail(name, "must be a string");
            }
            var value = node.stringValue();
            if (value.length() > MAX_STRING) {
                return fail(name, "is too long (maximum is " + MAX_STRING + " characters)");
            }
            if (value.indexOf('\u0000') >= 0) {
                // PostgreSQL text cannot hold it; say so rather than fail at the database
                return fail(name, "must not contain the NUL character");
            }
            return value;
        });
    }

    /** true/false; the strings "true"/"false" too, as form-minded clients send them. */
    public Field<Boolean> bool(String name) {
        return read(name, node -> {
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isString()) {
                switch (node.stringValue().strip().toLowerCase(Locale.ROOT)) {
                    case "true", "1" -> { return true; }
                    case "false", "0" -> { return false; }
                    default -> { }
                }
            }
            return fail(name, "must be true or false");
        });
    }

    /** A JSON number, or a string holding one. */
    public Field<BigDecimal> number(String name) {
        return read(name, node -> {
            if (node.isNumber()) {
                try {
                    return node.decimalValue();
                } catch (NumberFormatException e) {
                    return fail(name, "must be a finite number");
                }
            }
            if (node.isString()) {
                try {
                    return new BigDecimal(node.stringValue().strip());
                } catch (NumberFormatException e) {
                    return fail(name, "must be a number");
                }
            }
            return fail(name, "must be a number");
        });
    }

    /** An id, sent as a JSON integer or as a string of digits. */
    public Field<Long> id(String name) {
        return read(name, node -> {
            if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() > 0) {
                return node.longValue();
            }
            if (node.isString()) {
                var parsed = Params.parseId(node.stringValue());
                if (parsed != null) {
                    return parsed;
                }
            }
            return fail(name, "must be an id (a positive integer)");
        });
    }

    /** A whole number, sent as a JSON integer or a string of digits. */
    public Field<Long> integer(String name) {
        return read(name, node -> {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return node.longValue();
            }
            if (node.isString()) {
                try {
                    return Long.parseLong(node.stringValue().strip());
                } catch (NumberFormatException e) {
                    return fail(name, "must be a whole number");
                }
            }
            return fail(name, "must be a whole number");
        });
    }

    /** A list of ids: a JSON array of ids, or a comma-separated string of them. */
    public Field<List<Long>> ids(String name) {
        return read(name, node -> {
            var ids = new ArrayList<Long>();
            if (node.isArray()) {
                for (var item : node) {
                    Long id = item.isIntegralNumber() && item.canConvertToLong() && item.longValue() > 0
                        ? Long.valueOf(item.longValue())
                        : item.isString() ? Params.parseId(item.stringValue()) : null;
                    if (id == null) {
                        return fail(name, "must be a list of ids (positive integers)");
                    }
                    ids.add(id);
                }
                return ids;
            }
            if (node.isString()) {
                for (var part : node.stringValue().split(",")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    var id = Params.parseId(part);
                    if (id == null) {
                        return fail(name, "must be a list of ids (positive integers)");
                    }
                    ids.add(id);
                }
                return ids;
            }
            return fail(name, "must be a list of ids (positive integers)");
        });
    }

    /**
     * MinuteDock's ListFilter: an array of ids, a comma-separated string of them, or null for no
     * filter; where {@code allowAll}, "all" (alone or in the array) gives an empty list.
     */
    public Field<List<Long>> listFilter(String name, boolean allowAll) {
        var node = object.get(name);
        if (allowAll && node != null && (node.isString() && node.stringValue().strip().equalsIgnoreCase("all")
                || node.isArray() && node.size() == 1 && node.get(0).isString()
                    && node.get(0).stringValue().strip().equalsIgnoreCase("all"))) {
            return Field.of(List.of());
        }
        return ids(name);
    }

    /** Strings as a JSON array or one comma-separated string; empty when absent or null. */
    public List<String> stringList(String name) {
        var node = object.get(name);
        var values = new ArrayList<String>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isString()) {
            for (var part : node.stringValue().split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        } else if (node.isArray()) {
            for (var item : node) {
                if (!item.isString()) {
                    problems.add(name, "must be strings");
                    return List.of();
                }
                values.add(item.stringValue());
            }
        } else {
            problems.add(name, "must be an array or a comma-separated string");
        }
        return values;
    }

    /** {@link #stringList} as a field: absent when left out, the strings (none for null) when given. */
    public Field<List<String>> strings(String name) {
        return object.has(name) ? Field.of(stringList(name)) : Field.absent();
    }

    /** A calendar day, {@code YYYY-MM-DD}; an empty string counts as null. */
    public Field<LocalDate> date(String name) {
        return read(name, node -> {
            if (node.isString()) {
                if (node.stringValue().isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(node.stringValue().strip());
                } catch (DateTimeParseException e) {
                    return fail(name, "is not a valid date (YYYY-MM-DD)");
                }
            }
            return fail(name, "is not a valid date (YYYY-MM-DD)");
        });
    }

    /** An ISO 8601 instant with an offset ({@code 2024-01-20T09:00:00Z}), or null. */
    public Field<Instant> instant(String name) {
        return read(name, node -> {
            if (node.isString()) {
                try {
                    return OffsetDateTime.parse(node.stringValue().strip()).toInstant();
                } catch (DateTimeParseException e) {
                    // answered below
                }
            }
            return fail(name, "must be an ISO 8601 date-time with an offset, such as 2024-01-20T09:00:00Z");
        });
    }

    public Field<UUID> uuid(String name) {
        return read(name, node -> {
            if (node.isString()) {
                try {
                    return UUID.fromString(node.stringValue().strip());
                } catch (IllegalArgumentException e) {
                    return fail(name, "is not a valid UUID");
                }
            }
            return fail(name, "is not a valid UUID");
        });
    }

    /** A nested JSON object, or null. */
    public Field<JsonNode> object(String name) {
        return read(name, node -> node.isObject() ? node : fail(name, "must be an object"));
    }

    /** One of {@code type}'s wire names, or null. */
    public <E extends Enum<E>> Field<E> oneOf(String name, Class<E> type, Function<E, String> wire) {
        return read(name, node -> {
            if (node.isString()) {
                for (var constant : type.getEnumConstants()) {
                    if (wire.apply(constant).equals(node.stringValue())) {
                        return constant;
                    }
                }
            }
            var allowed = new StringBuilder();
            for (var constant : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(wire.apply(constant));
            }
            return fail(name, "must be one of " + allowed + " or null");
        });
    }

    /** Records a problem with a field found by the caller's own reading. */
    public void reject(String name, String message) {
        problems.add(name, message);
    }

    /** Whether a problem with this field has been found already. */
    public boolean rejected(String name) {
        return problems.names(name);
    }

    /** Throws every problem found so far. */
    public void validate() {
        problems.throwIfAny();
    }

    private <T> Field<T> read(String name, Function<JsonNode, T> reader) {
        var node = object.get(name);
        if (node == null || node.isMissingNode()) {
            return Field.absent();
        }
        if (node.isNull()) {
            return Field.of(null);
        }
        return Field.of(reader.apply(node));
    }

    private <T> T fail(String name, String message) {
        problems.add(name, message);
        return null;
    }
}
