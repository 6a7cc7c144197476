package io.timeledger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where clients reach this server, as configured ({@code timeledger.public-url}, environment
 * {@code TIMELEDGER_PUBLIC_URL}, e.g. {@code https://time.example.com}), never as a request's
 * {@code Host} header claims. Every absolute URL the server makes — the OAuth issuer and its
 * endpoints, Harvest's {@code links} and {@code base_uri}, the sign-in redirect — is built from the
 * request's scheme, host and port; this filter, in front of everything, makes those the public
 * URL's. Unset, it is {@code http://localhost:<the port the request came in on>}.
 */
@Configuration(proxyBeanMethods = false)
class PublicUrl {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> publicUrlFilter(@Value("${timeledger.public-url:}") String configured) {
        var base = configured.isBlank() ? null : parse(configured.strip());
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                var url = base != null ? base : URI.create("http://localhost:" + request.getLocalPort());
                chain.doFilter(new AsServedAt(request, url), response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static URI parse(String configured) {
        URI url;
        try {
            url = URI.create(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TIMELEDGER_PUBLIC_URL is not a URL: " + configured, e);
        }
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null
                || url.getRawPath() != null && !url.getRawPath().isEmpty() && !"/".equals(url.getRawPath())) {
            throw new IllegalStateException("TIMELEDGER_PUBLIC_URL must be http(s)://host[:port], without a path: "
                + configured);
        }
        return url;
    }

    /** The request as if it had been made to {@code url}: its scheme, host, port and Host header. */
    private static final class AsServedAt extends HttpServletRequestWrapper {

        private final URI url;
        private final int port;
        private final String authority;

        AsServedAt(HttpServletRequest request, URI url) {
            super(request);
            this.url = url;
            this.port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
            this.authority = url.getRawAuthority();
        }

        @Override
        public String getScheme() {
            return url.getScheme();
        }

        @Override
        public boolean isSecure() {
            return "https".equals(url.getScheme());
        }

        @Override
        public String getServerName() {
            return url.getHost();
        }

        @Override
        public int getServerPort() {
            return port;
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(url.getScheme()).append("://").append(authority).append(getRequestURI());
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.HOST.equalsIgnoreCase(name) ? authority : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.HOST.equalsIgnoreCase(name) ? Collections.enumeration(List.of(authority))
                : super.getHeaders(name);
        }
    }
}
