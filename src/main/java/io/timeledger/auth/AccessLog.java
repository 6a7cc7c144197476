package io.timeledger.auth;

import io.timeledger.core.account.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per request on the logger {@code timeledger.access}: method, path (never the query,
 * where Paydirt's {@code api_key} and Harvest's {@code access_token} travel), status, milliseconds,
 * and for an API call the credential's public prefix and the account it acted in, e.g.
 * {@code GET /v2/clients 200 4 ms tlp_VpVO account 12}. On unless
 * {@code timeledger.access-log.enabled=false} ({@code TIMELEDGER_ACCESS_LOG_ENABLED}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "timeledger.access-log.enabled", havingValue = "true", matchIfMissing = true)
class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("timeledger.access");
    /** Where {@link CredentialFilter} leaves who called, for the line written after the answer. */
    static final String CALLER = AccessLog.class.getName() + ".caller";

    record Caller(String credentialPrefix, long account) { }

    static void remember(HttpServletRequest request, Credential credential, Actor actor) {
        request.setAttribute(CALLER, new Caller(credential.prefix(), actor.account().value()));
    }

    /** The request's path, a calendar link's secret left out (it is the link's only key). */
    static String path(HttpServletRequest request) {
        var path = request.getRequestURI();
        return path.startsWith(CalendarLinks.PATH) ? CalendarLinks.PATH + "…" : path;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> accessLogFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                long started = System.nanoTime();
                try {
                    chain.doFilter(request, response);
                } finally {
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    if (request.getAttribute(CALLER) instanceof Caller caller) {
                        log.info("{} {} {} {} ms {} account {}", request.getMethod(), path(request),
                            response.getStatus(), ms, caller.credentialPrefix(), caller.account());
                    } else {
                        log.info("{} {} {} {} ms", request.getMethod(), path(request), response.getStatus(), ms);
                    }
                }
            }
        });
        // outside everything but the public URL, so that refusals of the checks behind it are logged too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
