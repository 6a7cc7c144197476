package io.timeledger.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.timeledger.core.account.ActorsChanged;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * triggers (V12) and empties it when {@link ActorChangeListener} hears of it, milliseconds later.
 * Nothing is remembered while that listener is not connected, and nothing for longer than {@code
 * timeledger.auth.cache} (5 s by default) or past an OAuth access token's own expiry.
 */
@Component
class AuthenticationCache {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationCache.class);

    /** The secret's hash (never the secret) and the account the request named. */
    private record Key(String hash, Long headerAccount) { }

    private final Cache<Key, Authenticated> cache;
    private final Clock clock;
    private final Duration ttl;
    /** Moves on every change, so that a lookup that began before one does not keep what it read. */
    private final AtomicLong generation = new AtomicLong();
    /** Whether changes made elsewhere reach us; without that, nothing is remembered. */
    private volatile boolean listening;

    AuthenticationCache(@Value("${timeledger.auth.cache:5s}") Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfter(Expiry.<Key, Authenticated>creating((key, found) -> lifetime(found)))
            .build();
    }

    /**
     * What {@code secret} authenticates as, looking for {@code headerAccount}: remembered, or read by
     * {@code lookup} (and remembered when it found an actor and nothing changed meanwhile).
     */
    Optional<Authenticated> authenticate(String secret, Long headerAccount, Supplier<Optional<Authenticated>> lookup) {
        if (!listening || ttl.isZero()) {
            return lookup.get();
        }
        var key = new Key(Base64.getEncoder().encodeToString(Secrets.hash(secret)), headerAccount);
        var known = cache.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        long before = generation.get();
        var found = lookup.get();
        if (found.isPresent() && found.get().hasMembership() && !lifetime(found.get()).isZero()) {
            cache.put(key, found.get());
            if (generation.get() != before) {
                // a change committed while we read: what we read may predate it
                cache.invalidate(key);
            }
        }
        return found;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forget(ActorsChanged change) {
        forgetAll(change.what());
    }

    /** Forgets everything: {@code what} changed, or may have changed unheard. */
    void forgetAll(String what) {
        generation.incrementAndGet();
        cache.invalidateAll();
        log.debug("Forgot every authenticated secret: {} changed", what);
    }

    /** Changes made elsewhere now reach us (or no longer do): remember from now on (or not at all). */
    void listening(boolean listening) {
        this.listening = listening;
        forgetAll(listening ? "nothing heard before listening" : "nothing heard while not listening");
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
