package io.timeledger.api.common;

import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import java.math.BigDecimal;
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
