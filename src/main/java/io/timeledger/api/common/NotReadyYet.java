package io.timeledger.api.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the server is ready — its first-start setup has made the account and printed the
 * credentials — and again once it is shutting down, every request but the health checks answers
 * 503 with {@code Retry-After}, in the dialect's shape: never a 401 for a token that is a moment
 * from existing. Spring Boot marks the server ready after its runners (FirstStart among them).
 */
final class NotReadyYet extends OncePerRequestFilter {

    private final ApplicationAvailability availability;
    private final ErrorShapes shapes;

    NotReadyYet(ApplicationAvailability availability, ErrorShapes shapes) {
        this.availability = availability;
        this.shapes = shapes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC || health(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, ApiExceptionHandler.RETRY_AFTER_SECONDS);
        shapes.refuse(request, response, ApiError.of(503, "The server is starting or stopping; retry shortly"));
    }

    private static boolean health(String path) {
        return path.startsWith("/actuator/health") || path.equals("/readyz") || path.equals("/livez");
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Behind the access log, in front of everything that would read a credential. */
        @Bean
        FilterRegistrationBean<NotReadyYet> notReadyYet(ApplicationAvailability availability, ErrorShapes shapes) {
            var registration = new FilterRegistrationBean<>(new NotReadyYet(availability, shapes));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
            return registration;
        }
    }
}
