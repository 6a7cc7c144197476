package io.timeledger.api.paydirt;

import io.timeledger.api.common.ApiError;
import io.timeledger.api.common.ErrorShape;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Paydirt's errors: {@code {"errors": ["Name can't be blank", ...]}}, whatever the status. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaydirtErrorShape implements ErrorShape {

    @Override
    public boolean serves(String path) {
        return Paydirt.serves(path);
    }

    @Override
    public Object body(ApiError error) {
        var messages = new ArrayList<String>();
        if (error.violations().isEmpty()) {
            messages.add(error.message());
        }
        for (var violation : error.violations()) {
            if (violation.field().equals("base")) {
                messages.add(violation.message());
            } else {
                var field = violation.field().replace('_', ' ');
                messages.add(field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1) + " "
                    + violation.message());
            }
        }
        return Map.of("errors", messages);
    }

    /** Paydirt's time log spans {@code started_at} to {@code ended_at} with {@code notes}; a job's contact is its client. */
    @Override
    public Map<String, String> fieldNames() {
        return Map.of("ended_time", "ended_at", "started_time", "started_at", "description", "notes",
            "contact_id", "client_id");
    }
}
