package io.timeledger.auth;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.AccountId;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Private calendar links: {@code /calendar/<secret>.ics} shows a person's time entries to whoever
 * holds the link — a calendar app that cannot sign in. The link is a secret like a token: made on
 * the profile page and shown once, kept only as a hash, replaced by a newer one, and dead once
 * revoked or once its person is archived or leaves the account.
 */
@Service
public class CalendarLinks {

    /** Where a link points: {@code /calendar/<secret>.ics}. */
    public static final String PATH = "/calendar/";
    static final String SECRET_PREFIX = "tlcal_";

    /** Whose time a link shows. */
    public record Owner(AccountId account, long membershipId) { }

    private final CalendarLinkRepository repository;

    CalendarLinks(CalendarLinkRepository repository) {
        this.repository = repository;
    }

    /** A new link for the actor's time in their account (any earlier one stops working); its secret, shown once. */
    @Transactional
    public String make(Actor actor) {
        var secret = Secrets.generate(SECRET_PREFIX);
        repository.replace(actor.account().value(), actor.membershipId(), Secrets.hash(secret));
        return secret;
    }

    public boolean has(Actor actor) {
        return repository.exists(actor.account().value(), actor.membershipId());
    }

    @Transactional
    public void revoke(Actor actor) {
        repository.delete(actor.account().value(), actor.membershipId());
    }

    /** The person whose time the secret shows, if it is a live link. */
    public Optional<Owner> owner(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        return repository.owner(Secrets.hash(secret))
            .map(owner -> new Owner(new AccountId(owner.accountId()), owner.membershipId()));
    }
}
