package io.timeledger.api.common;

import io.timeledger.core.common.Invalid.Violation;
import java.util.List;
import java.util.Map;

/** A failure on its way to the client, before a dialect gives it its shape. */
public record ApiError(int status, String message, List<Violation> violations) {

    public static ApiError of(int status, String message) {
        return new ApiError(status, message, List.of());
    }

    public static ApiError invalid(int status, List<Violation> violations) {
        var messages = violations.stream().map(v -> v.field() + " " + v.message()).toList();
        return new ApiError(status, String.join(", ", messages), violations);
    }

    /** The same failure with its fields named as {@code names} says (the core's name → the dialect's). */
    ApiError renamed(Map<String, String> names) {
        if (violations.isEmpty() || names.isEmpty()) {
            return this;
        }
        return invalid(status, violations.stream()
            .map(v -> new Violation(names.getOrDefault(v.field(), v.field()), v.message()))
            .toList());
    }
}
