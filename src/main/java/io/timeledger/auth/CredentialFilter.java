package io.timeledger.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.timeledger.core.account.Actor;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request from {@code Authorization: Bearer} (a personal or OAuth access
 * token) or {@code X-API-Key} and fixes the account it acts in. A request with neither goes on unauthenticated, and the entry point
 * answers 401; a wrong secret or account is answered here, in the dialect's error shape.
 */
final class CredentialFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CredentialFilter.class);

    static final String API_KEY_HEADER = "X-API-Key";
    static final String ACCOUNT_HEADER = "X-Account-ID";
    /** Harvest's account header; header names are case-insensitive, so -Id and -ID both arrive here. */
    static final String HARVEST_ACCOUNT_HEADER = "Harvest-Account-Id";
    static final String HARVEST_PREFIX = "/v2/";
    private static final String BEARER = "bearer ";

    /** What a token with only the read scope may send. */
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final Credentials credentials;
    private final AuthenticationCache known;
    private final OAuthAuthorizations oauth;
    private final AccountResolver accounts;
    private final AuthFailureRenderer failures;
    private final RateLimits limits;
    private final List<SecretParameter> parameters;
    private final List<ReadingRequest> readingRequests;

    CredentialFilter(Credentials credentials, AuthenticationCache known, OAuthAuthorizations oauth,
                     AccountResolver accounts,
                     AuthFailureRenderer failures, RateLimits limits, List<SecretParameter> parameters,
                     List<ReadingRequest> readingRequests) {
        this.credentials = credentials;
        this.known = known;
        this.oauth = oauth;
        this.accounts = accounts;
        this.failures = failures;
        this.limits = limits;
        this.parameters = List.copyOf(parameters);
        this.readingRequests = List.copyOf(readingRequests);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean harvest = request.getRequestURI().startsWith(HARVEST_PREFIX);
        String secret = secretOf(request);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        String accountHeader = harvest ? harvestAccount(request) : request.getHeader(ACCOUNT_HEADER);
        Optional<Authenticated> found;
        try {
            var headerAccount = AccountResolver.headerAccount(accountHeader);
            found = known.authenticate(secret, headerAccount,
                () -> secret.startsWith(CredentialKind.OAUTH_ACCESS_TOKEN.secretPrefix())
                    ? oauth.authenticate(secret)
                    : credentials.authenticate(secret, headerAccount));
        } catch (DataAccessResourceFailureException | TransientDataAccessException | TransactionException e) {
            unavailable(request, response, e);
            return;
        }
        if (found.isEmpty()) {
            failures.render(request, response, AuthProblem.INVALID_CREDENTIAL);
            return;
        }
        var credential = found.get().credential();
        long wait = limits.secondsToWait(credential);
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            failures.render(request, response, AuthProblem.RATE_LIMITED);
            return;
        }
        if (credential.readOnly() && !reads(request)) {
            failures.render(request, response, AuthProblem.READ_ONLY_TOKEN);
            return;
        }
        Actor actor;
        try {
            actor = accounts.resolve(found.get(), accountHeader, harvest);
        } catch (AccountResolver.Refused refused) {
            failures.render(request, response, refused.problem());
            return;
        }
        AccessLog.remember(request, credential, actor);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor, credential));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response, RuntimeException e)
            throws IOException {
        log.warn("Cannot authenticate {} {}: the database is unreachable ({})", request.getMethod(),
            request.getRequestURI(), e.getMessage());
        response.setHeader("Retry-After", "5");
        failures.render(request, response, AuthProblem.UNAVAILABLE);
    }

    private boolean reads(HttpServletRequest request) {
        return READS.contains(request.getMethod()) || readingRequests.stream().anyMatch(r -> r.onlyReads(request));
    }

    private String secretOf(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            var token = authorization.substring(BEARER.length()).strip();
            return token.isEmpty() ? null : token;
        }
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.strip();
        }
        // Harvest also takes the token as a query parameter, Paydirt its key
        for (var parameter : parameters) {
            var name = parameter.nameFor(request);
            if (name != null) {
                var value = request.getParameter(name);
                return value == null || value.isBlank() ? null : value.strip();
            }
        }
        return null;
    }

    private static String harvestAccount(HttpServletRequest request) {
        String header = request.getHeader(HARVEST_ACCOUNT_HEADER);
        return header != null && !header.isBlank() ? header : request.getParameter("account_id");
    }
}
