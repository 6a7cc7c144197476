package io.timeledger.auth;

import io.timeledger.core.account.ActorsChanged;
import io.timeledger.core.common.Remembered;
import io.timeledger.core.common.RememberedUntilChanged;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What a secret authenticated as — the credential and the actor, as one statement read them — kept
 * for a few seconds, so that a client's next requests do not read them again (decision 011). Only a
 * secret that found a membership is kept; a wrong secret is looked up every time.
 *
 * <p>A write of this server that may change an actor ({@link ActorsChanged}) empties the cache as
 * it commits, before the request that made it answers. A write of any process — the admin command
 * line, a second server on the database, an operator's SQL — is announced by the database's
 * triggers (V12) and empties it when the server's {@code ChangeListener} hears of it, milliseconds later.
 * Nothing is remembered while that listener is not connected, and nothing for longer than {@code
 * timeledger.auth.cache} (5 s by default) or past an OAuth access token's own expiry.
 */
@Component
class AuthenticationCache extends RememberedUntilChanged {

    /** The secret's hash (never the secret) and the account the request named. */
    private record Key(String hash, Long headerAccount) { }

    private final Remembered<Key, Authenticated> remembered;
    private final Clock clock;
    private final Duration ttl;

    AuthenticationCache(@Value("${timeledger.auth.cache:5s}") Duration ttl, Clock clock) {
        super(ActorsChanged.CHANNEL, "the authenticated secrets");
        this.ttl = ttl;
        this.clock = clock;
        this.remembered = new Remembered<>(10_000, this::lifetime, !ttl.isZero());
    }

    /**
     * What {@code secret} authenticates as, looking for {@code headerAccount}: remembered, or read by
     * {@code lookup} (and remembered when it found an actor and nothing changed meanwhile).
     */
    Optional<Authenticated> authenticate(String secret, Long headerAccount, Supplier<Optional<Authenticated>> lookup) {
        var key = new Key(Base64.getEncoder().encodeToString(Secrets.hash(secret)), headerAccount);
        return Optional.ofNullable(remembered.get(key, () -> lookup.get().orElse(null),
            found -> found.hasMembership() && !lifetime(found).isZero()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forget(ActorsChanged change) {
        heard(change.what());
    }

    /** Everything is forgotten whatever {@code what} changed (the table, as V12's triggers name it). */
    @Override
    protected List<Remembered<Key, Authenticated>> kept() {
        return List.of(remembered);
    }

    /** How long to keep what was found: the configured time, or less if the secret expires sooner. */
    private Duration lifetime(Authenticated found) {
        if (found.expiresAt() == null) {
            return ttl;
        }
        var left = Duration.between(clock.instant(), found.expiresAt());
        return left.isNegative() ? Duration.ZERO : left.compareTo(ttl) < 0 ? left : ttl;
    }
}
