package io.timeledger.auth;

import io.timeledger.core.account.Actor;
import io.timeledger.core.account.Member;
import io.timeledger.core.account.People;
import io.timeledger.core.common.AccountId;
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

    private final People people;

    AccountResolver(People people) {
        this.people = people;
    }

    Actor resolve(Credential credential, String accountHeader, boolean tokenMustMatchHeader) throws Refused {
        if (tokenMustMatchHeader && credential.accountBound()
                && accountHeader != null && !accountHeader.isBlank()
                && !parseId(accountHeader).equals(Optional.of(credential.accountId()))) {
            throw new Refused(AuthProblem.OTHER_ACCOUNT);
        }
        var member = credential.accountBound()
            ? people.membershipOf(credential.userId(), new AccountId(credential.accountId()))
                .orElseThrow(() -> new Refused(AuthProblem.INVALID_CREDENTIAL))
            : memberForKey(credential.userId(), accountHeader);
        if (member.archived()) {
            throw new Refused(AuthProblem.ARCHIVED_MEMBERSHIP);
        }
        return new Actor(member.account(), member.id(), member.userId(), member.role());
    }

    private Member memberForKey(long userId, String accountHeader) throws Refused {
        if (accountHeader != null && !accountHeader.isBlank()) {
            return parseId(accountHeader)
                .flatMap(id -> people.membershipOf(userId, new AccountId(id)))
                .orElseThrow(() -> new Refused(AuthProblem.UNKNOWN_ACCOUNT));
        }
        var user = people.user(userId);
        if (user.activeAccountId() != null) {
            var active = people.membershipOf(userId, new AccountId(user.activeAccountId()));
            if (active.isPresent()) {
                return active.get();
            }
        }
        throw new Refused(AuthProblem.NO_ACCOUNT);
    }

    private static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
