package io.timeledger.api.minutedock;

import io.timeledger.api.common.ApiError;
import io.timeledger.api.common.ErrorShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * MinuteDock's errors: {@code {"errors": {"name": ["can't be blank"]}}} for a request that
 * cannot be carried out, {@code {"error": "..."}} for everything else. Other dialects served
 * under {@code /api/v1} (Paydirt jobs, Expensicat time entries) come first, so this one is last.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class MinuteDockErrorShape implements ErrorShape {

    @Override
    public boolean serves(String path) {
        return path.startsWith("/api/");
    }

    @Override
    public Object body(ApiError error) {
        if (error.violations().isEmpty()) {
            return Map.of("error", error.message());
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (var violation : error.violations()) {
            errors.computeIfAbsent(violation.field(), field -> new ArrayList<>()).add(violation.message());
        }
        return Map.of("errors", errors);
    }
}
