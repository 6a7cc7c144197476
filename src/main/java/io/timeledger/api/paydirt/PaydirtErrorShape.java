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
}
