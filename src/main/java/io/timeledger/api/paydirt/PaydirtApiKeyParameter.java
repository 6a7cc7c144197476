package io.timeledger.api.paydirt;

import io.timeledger.auth.SecretParameter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Paydirt takes its API key as {@code api_key}, in the query or the form. */
@Component
class PaydirtApiKeyParameter implements SecretParameter {

    @Override
    public String nameFor(HttpServletRequest request) {
        return Paydirt.serves(request.getRequestURI()) ? "api_key" : null;
    }
}
