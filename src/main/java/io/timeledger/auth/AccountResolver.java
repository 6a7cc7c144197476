package io.timeledger.auth;

import io.timeledger.core.account.Actor;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The account a credential acts in. A personal or OAuth access token is bound to its account: MinuteDock
 * ignores any header, Harvest requires its header to name that account or be absent. A legacy
 * API key acts in the account the header names, else the user's active one.
 */
@Component
class AccountResolver {

    static final class Refused extends Exception {
        private final AuthProblem problem;

        Refused(AuthProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }

        AuthProblem problem() {
            return problem;
        }
    }

    /**
     * The actor an authenticated credential runs as. {@code accountHeader} is what the request
     * named (X-Account-ID, or Harvest's header when {@code tokenMustMatchHeader}); the membership
     * was already looked up for it with the credential.
     */
    Actor resolve(Authenticated found, String accountHeader, boolean tokenMustMatchHeader) throws Refused {
        var credential = found.credential();
        boolean named = accountHeader != null && !accountHeader.isBlank();
        if (tokenMustMatchHeader && credential.accountBound() && named
                && !parseId(accountHeader).equals(Optional.of(credential.accountId()))) {
            throw new Refused(AuthProblem.OTHER_ACCOUNT);
        }
        if (!found.hasMembership()) {
            throw new Refused(credential.accountBound() ? AuthProblem.INVALID_CREDENTIAL
                : named ? AuthProblem.UNKNOWN_ACCOUNT : AuthProblem.NO_ACCOUNT);
        }
        if (found.actor().member().archived()) {
            throw new Refused(AuthProblem.ARCHIVED_MEMBERSHIP);
        }
        return found.actor();
    }

    /**
     * The account a legacy API key looks for: the one the header names (an id that cannot be one
     * looks for none), or null to use the user's active account. Tokens ignore it.
     */
    static Long headerAccount(String accountHeader) {
        if (accountHeader == null || accountHeader.isBlank()) {
            return null;
        }
        return parseId(accountHeader).orElse(-1L);
    }

    static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
