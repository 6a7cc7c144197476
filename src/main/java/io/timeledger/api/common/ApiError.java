package io.timeledger.api.common;

import io.timeledger.core.common.Invalid.Violation;
import java.util.List;

/** A failure on its way to the client, before a dialect gives it its shape. */
public record ApiError(int status, String message, List<Violation> violations) {

    public static ApiError of(int status, String message) {
        return new ApiError(status, message, List.of());
    }

    public static ApiError invalid(int status, List<Violation> violations) {
        var messages = violations.stream().map(v -> v.field() + " " + v.message()).toList();
        return new ApiError(status, String.join(", ", messages), violations);
    }
}
