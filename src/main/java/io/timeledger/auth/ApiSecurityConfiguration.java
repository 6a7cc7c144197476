package io.timeledger.auth;

import io.timeledger.core.account.Actor;
import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The API routes: stateless, no CSRF (no cookies are involved), authenticated by credential. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiSecurityConfiguration implements WebMvcConfigurer {

    /** Where an API dialect lives; everything under these answers only to a credential. */
    static final String[] API_PATHS = {"/api/**", "/v1/**", "/v2/**"};

    /**
     * Spring Security observes every filter of every chain when an observation registry exists: a
     * wrapper, a timer and a long-task timer per filter per request, ~10 % of a create's CPU in a
     * profile. Requests are still timed as a whole (http.server.requests).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * A request the firewall refuses (a {@code //}, {@code ..;}, an encoded slash or NUL in its URL
     * that Jetty let through; a method nobody serves, such as TRACE) is answered 400, or 405 for
     * the method, with the firewall's reason, rendered by the error endpoint in the request's
     * dialect; Spring's own handler sent the status alone.
     */
    @Bean
    static RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> response.sendError(
            SERVED_METHODS.contains(request.getMethod()) ? 400 : 405, rejected.getMessage());
    }

    /** The methods the firewall lets through (its default), which some route serves. */
    private static final Set<String> SERVED_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, Credentials credentials, AuthenticationCache known,
                                    OAuthAuthorizations oauth, AccountResolver accounts, AuthFailureRenderer failures, RateLimits limits,
                                    List<SecretParameter> parameters, List<ReadingRequest> readingRequests)
            throws Exception {
        return http
            .securityMatcher(API_PATHS)
            .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
            .addFilterBefore(new CredentialFilter(credentials, known, oauth, accounts, failures, limits,
                parameters, readingRequests), AnonymousAuthenticationFilter.class)
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .requestCache(cache -> cache.disable())
            // no sign-out on an API: a credential is revoked, not logged out of
            .logout(logout -> logout.disable())
            // The security headers are written before the request is handled, not when its
            // response commits: that needed a wrapper around the response checking its length on
            // every write of the JSON (docs/performance.md, eighth pass; no measurable gain on this
            // machine, but work removed). No API route sets those headers itself.
            .headers(headers -> headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            }))
            .exceptionHandling(errors -> errors
                .authenticationEntryPoint((request, response, e) ->
                    failures.render(request, response, AuthProblem.MISSING_CREDENTIAL)))
            .build();
    }

    /** The change feed's stream, which a signed-in page and an API credential both open (decision 020). */
    static final String EVENTS = "/events";

    /**
     * {@code /events}: a credential is read as on the API routes; without one, the signed-in
     * session's person (the session is used, never created). Neither answers 401 in the API's shape,
     * never a redirect to the sign-in page: an EventSource cannot follow one.
     */
    @Bean
    @Order(1)
    SecurityFilterChain eventsSecurity(HttpSecurity http, Credentials credentials, AuthenticationCache known,
                                       OAuthAuthorizations oauth, AccountResolver accounts, AuthFailureRenderer failures,
                                       RateLimits limits, List<SecretParameter> parameters,
                                       List<ReadingRequest> readingRequests) throws Exception {
        return http
            .securityMatcher(EVENTS)
            // a stream ending is dispatched again (ASYNC) without its credential: the stream was
            // authorized when it opened
            .authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                .anyRequest().authenticated())
            .addFilterBefore(new CredentialFilter(credentials, known, oauth, accounts, failures, limits,
                parameters, readingRequests), AnonymousAuthenticationFilter.class)
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
            // a GET that changes nothing: no CSRF token to check
            .csrf(csrf -> csrf.disable())
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .requestCache(cache -> cache.disable())
            .logout(logout -> logout.disable())
            .exceptionHandling(errors -> errors
                .authenticationEntryPoint((request, response, e) ->
                    failures.render(request, response, AuthProblem.MISSING_CREDENTIAL)))
            .build();
    }

    /** Lets a controller method take the {@link Actor} the request runs as. */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Actor.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                var authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication instanceof ActorAuthentication actor) {
                    return actor.actor();
                }
                throw new IllegalStateException("no authenticated actor on an API route");
            }
        });
    }
}
