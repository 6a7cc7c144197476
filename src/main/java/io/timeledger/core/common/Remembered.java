package io.timeledger.core.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the database answered, kept between requests for as long as the database announces changes
 * to it (decisions 011 and 012). Nothing is kept while those announcements cannot reach this
 * server ({@link #listening}), nothing for longer than its lifetime, and nothing read while a
 * change was committing: every forgetting moves a generation, and a value read before the latest
 * one is not kept.
 *
 * <p>The usual uses are {@link #get} and, for many keys at once, {@link #getAll}; by hand: note
 * {@link #generation()}, read what is not {@link #known}, {@link #remember} each value read with
 * that generation. A change announced in between leaves nothing behind.
 *
 * @param <K> what a value is looked up by
 * @param <V> what was read
 */
public final class Remembered<K, V> {

    private final Cache<K, V> cache;
    private final boolean enabled;
    /** Moves on every forgetting, so that a read that began before one does not keep what it read. */
    private final AtomicLong generation = new AtomicLong();
    /** Whether changes made elsewhere reach this server; without that, nothing is kept. */
    private volatile boolean listening;

    /**
     * @param maximumSize how many values at most
     * @param lifetime    how long a value may be kept; zero for not at all
     * @param enabled     false keeps nothing, whatever the lifetime
     */
    public Remembered(long maximumSize, Function<V, Duration> lifetime, boolean enabled) {
        this.enabled = enabled;
        this.cache = Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .expireAfter(Expiry.<K, V>creating((key, value) -> lifetime.apply(value)))
            .build();
    }

    /** Values kept for at most {@code ttl}; nothing kept when it is zero. */
    public static <K, V> Remembered<K, V> forAtMost(Duration ttl, long maximumSize) {
        return new Remembered<>(maximumSize, value -> ttl, !ttl.isZero() && !ttl.isNegative());
    }

    /**
     * Whether what is kept may be used here, and what is read here kept: not inside a transaction
     * that writes. It may have changed what it reads itself, and what it read is not yet anyone
     * else's.
     */
    public static boolean usableHere() {
        return !TransactionSynchronizationManager.isActualTransactionActive()
            || TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }

    /** The value kept for {@code key}, or null. */
    public V known(K key) {
        return listening && enabled ? cache.getIfPresent(key) : null;
    }

    /** Where forgetting stands: read it before reading what {@link #remember} will be given. */
    public long generation() {
        return generation.get();
    }

    /**
     * Keeps {@code value}, read after {@code generation} was noted, unless something was forgotten
     * since: the value may predate that change.
     */
    public void remember(K key, V value, long generation) {
        if (!listening || !enabled || this.generation.get() != generation) {
            return;
        }
        cache.put(key, value);
        if (this.generation.get() != generation) {
            // forgotten while we stored it: what we read may predate the change
            cache.invalidate(key);
        }
    }

    /**
     * The value kept for {@code key}, or the one {@code read} returns — kept when {@code worthKeeping}
     * says so and nothing was forgotten while it was read. {@code read} may return null (nothing
     * found), which is never kept.
     */
    public V get(K key, Supplier<V> read, Predicate<? super V> worthKeeping) {
        var known = known(key);
        if (known != null) {
            return known;
        }
        long before = generation();
        var value = read.get();
        if (value != null && worthKeeping.test(value)) {
            remember(key, value, before);
        }
        return value;
    }

    /**
     * The values of {@code ids}, each kept under {@code key.apply(id)}: those kept, and the rest read
     * at once — {@code read} is given only the ids not kept — and kept as {@link #remember} keeps them.
     * Inside a transaction that writes ({@link #usableHere}) all are read and none kept. An id that
     * {@code read} finds nothing for is left out of the answer.
     */
    public <I> Map<I, V> getAll(Collection<I> ids, Function<I, K> key, Function<Set<I>, Map<I, V>> read) {
        boolean usable = usableHere();
        var found = new HashMap<I, V>();
        var unknown = new HashSet<I>();
        for (var id : ids) {
            var known = usable ? known(key.apply(id)) : null;
            if (known != null) {
                found.put(id, known);
            } else {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            long before = generation();
            var values = read.apply(unknown);
            if (usable) {
                values.forEach((id, value) -> remember(key.apply(id), value, before));
            }
            found.putAll(values);
        }
        return found;
    }

    /** Forgets the values whose keys match. */
    public void forget(Predicate<? super K> which) {
        generation.incrementAndGet();
        cache.asMap().keySet().removeIf(which);
    }

    /** Forgets everything. */
    public void forgetAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /** Changes made elsewhere now reach this server (or no longer do): keep from now on (or nothing at all). */
    public void listening(boolean listening) {
        this.listening = listening;
        forgetAll();
    }
}
