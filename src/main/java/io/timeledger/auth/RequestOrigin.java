package io.timeledger.auth;

import io.timeledger.core.audit.Origin;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail's {@link Origin}: the request on this thread, if any. An app at the OAuth token or
 * revocation endpoint is {@code oauth}; a request a credential authenticated is {@code api}; any
 * other (the sign-in form, the profile and consent pages) is {@code web}. The address is the peer's
 * ({@code getRemoteAddr}): behind a reverse proxy, the proxy's.
 */
@Component
class RequestOrigin implements Origin {

    private static final Set<String> APP_ENDPOINTS = Set.of("/oauth/token", "/oauth/revoke", "/oauth/introspect");

    @Override
    public Where current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Where.SERVER;
        }
        var request = attributes.getRequest();
        String via = APP_ENDPOINTS.contains(request.getRequestURI()) ? "oauth"
            : request.getAttribute(AccessLog.CALLER) != null ? "api" : "web";
        return new Where(via, address(request.getRemoteAddr()), request.getHeader("User-Agent"));
    }

    /** The peer's address as PostgreSQL's {@code inet} reads it: Jetty writes an IPv6 one in brackets. */
    static String address(String remote) {
        return remote != null && remote.startsWith("[") && remote.endsWith("]")
            ? remote.substring(1, remote.length() - 1) : remote;
    }
}
