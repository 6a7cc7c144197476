package io.timeledger.api.harvest;

import io.timeledger.auth.SecretParameter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Harvest also takes its token as the {@code access_token} query parameter. */
@Component
class HarvestAccessTokenParameter implements SecretParameter {

    @Override
    public String nameFor(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/v2/") ? "access_token" : null;
    }
}
