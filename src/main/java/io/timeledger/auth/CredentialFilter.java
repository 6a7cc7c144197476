package io.timeledger.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request from {@code Authorization: Bearer} or {@code X-API-Key} and fixes
 * the account it acts in. A request with neither goes on unauthenticated, and the entry point
 * answers 401; a wrong secret or account is answered here, in the dialect's error shape.
 */
final class CredentialFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";
    static final String ACCOUNT_HEADER = "X-Account-ID";
    private static final String BEARER = "bearer ";

    private final Credentials credentials;
    private final AccountResolver accounts;
    private final AuthFailureRenderer failures;

    CredentialFilter(Credentials credentials, AccountResolver accounts, AuthFailureRenderer failures) {
        this.credentials = credentials;
        this.accounts = accounts;
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = secretOf(request);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        var credential = credentials.authenticate(secret);
        if (credential.isEmpty()) {
            failures.render(request, response, AuthProblem.INVALID_CREDENTIAL);
            return;
        }
        try {
            var actor = accounts.resolve(credential.get(), request.getHeader(ACCOUNT_HEADER));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new ActorAuthentication(actor, credential.get()));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        } catch (AccountResolver.Refused refused) {
            failures.render(request, response, refused.problem());
        }
    }

    private static String secretOf(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            var token = authorization.substring(BEARER.length()).strip();
            return token.isEmpty() ? null : token;
        }
        String apiKey = request.getHeader(API_KEY_HEADER);
        return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }
}
