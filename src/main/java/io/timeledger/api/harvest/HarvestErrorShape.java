package io.timeledger.api.harvest;

import io.timeledger.api.common.ApiError;
import io.timeledger.api.common.ErrorShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Harvest's errors: 401 {@code {"error": "invalid_token", "error_description": ...}}, 403
 * {@code {"message": "Not authorized!"}}, 404 {@code {"status": 404, "error": "Not Found"}}, and
 * otherwise {@code {"message": "Project can't be blank, Spent date is not a valid date"}}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HarvestErrorShape implements ErrorShape {

    @Override
    public boolean serves(String path) {
        return path.startsWith("/v2/");
    }

    @Override
    public Object body(ApiError error) {
        return switch (error.status()) {
            case 401 -> ordered("error", "invalid_token", "error_description", error.message());
            case 403 -> Map.of("message", "Not authorized!");
            case 404 -> ordered("status", 404, "error", "Not Found");
            default -> Map.of("message", message(error));
        };
    }

    /** "project_id" + "can't be blank" reads "Project can't be blank", as Harvest writes it. */
    private static String message(ApiError error) {
        if (error.violations().isEmpty()) {
            return error.message();
        }
        var parts = new ArrayList<String>();
        for (var violation : error.violations()) {
            if (violation.field().equals("base")) {
                parts.add(violation.message());
            } else {
                var field = violation.field().replaceFirst("_id$", "").replace('_', ' ');
                parts.add(field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1) + " "
                    + violation.message());
            }
        }
        return String.join(", ", parts);
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        var map = new LinkedHashMap<String, Object>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    /**
     * Harvest names a time entry's day {@code spent_date}, its length {@code hours}, its text
     * {@code notes} and its person {@code user_id}; a project's contact is its {@code client_id}.
     */
    @Override
    public Map<String, String> fieldNames() {
        return Map.ofEntries(Map.entry("contact_id", "client_id"), Map.entry("date", "spent_date"),
            Map.entry("duration", "hours"), Map.entry("description", "notes"), Map.entry("task_ids", "task_id"),
            Map.entry("user_account_id", "user_id"), Map.entry("time_zone", "timezone"),
            Map.entry("billing_rate", "default_hourly_rate"), Map.entry("archived", "is_active"),
            Map.entry("role", "access_roles"), Map.entry("contractor", "is_contractor"),
            Map.entry("business_roles", "roles"));
    }
}
