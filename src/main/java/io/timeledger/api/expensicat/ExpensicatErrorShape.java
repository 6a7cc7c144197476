package io.timeledger.api.expensicat;

import io.timeledger.api.common.ApiError;
import io.timeledger.api.common.ErrorShape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Expensicat's errors: {@code {"error": {"code": "validation_error", "message": "...", "details": {...}}}}. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExpensicatErrorShape implements ErrorShape {

    @Override
    public boolean serves(String path) {
        return ExpensicatTimeEntriesController.serves(path);
    }

    @Override
    public Object body(ApiError error) {
        var details = new LinkedHashMap<String, Object>();
        error.violations().forEach(v -> details.merge(v.field(), v.message(), (a, b) -> a + "; " + b));
        var inner = new LinkedHashMap<String, Object>();
        inner.put("code", code(error.status()));
        inner.put("message", error.message());
        inner.put("details", details);
        return Map.of("error", inner);
    }

    private static String code(int status) {
        return switch (status) {
            case 400, 422 -> "validation_error";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    /** Expensicat's time entry runs from {@code start_time} to {@code end_time}: no day nor length of its own. */
    @Override
    public Map<String, String> fieldNames() {
        return Map.of("date", "start_time", "started_time", "start_time", "ended_time", "end_time",
            "duration", "end_time", "user_account_id", "user_id");
    }
}
