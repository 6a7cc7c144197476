package io.timeledger.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Actuator's endpoints. Health (and the probes {@code /livez}, {@code /readyz}) answer anyone on
 * the server's port. Everything else — today the Prometheus metrics, which name every route and
 * count its requests and the connection pool's state — answers only on the management port
 * ({@code management.server.port}, environment {@code MANAGEMENT_SERVER_PORT}), which an operator keeps off the public network. Without
 * one it is not served at all: on the public port it answers 404, as a path that does not exist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ManagementSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain managementSecurity(HttpSecurity http, Environment environment) throws Exception {
        return http
            .securityMatcher("/actuator", "/actuator/**", "/livez", "/readyz")
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/livez", "/readyz").permitAll()
                .anyRequest().access((authentication, context) ->
                    new AuthorizationDecision(onManagementPort(context.getRequest(), environment))))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable())
            .exceptionHandling(errors -> errors
                .authenticationEntryPoint((request, response, e) -> notFound(response))
                .accessDeniedHandler((request, response, e) -> notFound(response)))
            .build();
    }

    /** Whether the request came in on a port other than the server's own (the management server's). */
    private static boolean onManagementPort(HttpServletRequest request, Environment environment) {
        var serverPort = environment.getProperty("local.server.port", Integer.class);
        return serverPort != null && request.getLocalPort() != serverPort;
    }

    private static void notFound(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.setStatus(404);
        response.setContentType("application/json");
        response.getOutputStream().write("{\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8));
    }
}
