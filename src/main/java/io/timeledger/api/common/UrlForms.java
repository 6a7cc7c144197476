package io.timeledger.api.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.UrlHandlerFilter;

/**
 * The forms of a URL that clients written for the vendors' servers send, answered as the
 * canonical route: a trailing slash on any route of the four APIs ({@code /v2/time_entries/}), as
 * Harvest's and MinuteDock's servers accept, and MinuteDock's {@code .json} suffix
 * ({@code /api/v1/entries.json}), as MinuteDock's Rails routes did. The request is passed on as if
 * it had been made to the canonical path (no redirect: a redirected POST loses its body in many
 * clients), so security, rate limits and the handlers see one path.
 */
@Configuration(proxyBeanMethods = false)
class UrlForms {

    static final String[] API_PATHS = {"/api/**", "/v1/**", "/v2/**"};

    /** Spring's own: {@code /v2/time_entries/} is handled as {@code /v2/time_entries}. */
    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlash() {
        var registration = new FilterRegistrationBean<>(UrlHandlerFilter.trailingSlashHandler(API_PATHS)
            .wrapRequest().build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> jsonSuffix() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var uri = request.getRequestURI();
                boolean suffixed = uri.startsWith(request.getContextPath() + "/api/v1/") && uri.endsWith(".json");
                chain.doFilter(suffixed ? new WithoutSuffix(request) : request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    /** The request as made without its {@code .json} suffix. */
    private static final class WithoutSuffix extends HttpServletRequestWrapper {

        private static final int SUFFIX = ".json".length();

        WithoutSuffix(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            return strip(super.getRequestURI());
        }

        @Override
        public StringBuffer getRequestURL() {
            var url = super.getRequestURL();
            return url.delete(url.length() - SUFFIX, url.length());
        }

        @Override
        public String getServletPath() {
            var path = super.getServletPath();
            return path.endsWith(".json") ? strip(path) : path;
        }

        @Override
        public String getPathInfo() {
            var path = super.getPathInfo();
            return path != null && path.endsWith(".json") ? strip(path) : path;
        }

        private static String strip(String path) {
            return path.substring(0, path.length() - SUFFIX);
        }
    }
}
