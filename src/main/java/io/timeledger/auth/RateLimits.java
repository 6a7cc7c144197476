package io.timeledger.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Requests per credential: no more than {@code timeledger.rate-limit.requests} in any
 * {@code timeledger.rate-limit.period} (Harvest's 100 per 15 seconds by default). Each credential
 * keeps the times of its last {@code requests} admitted requests; one more is admitted when the
 * oldest of them is a whole period old. A token bucket (what this was) refills while it drains and
 * let ~200 through in the first 15 s.
 *
 * <p>Counted in this node's memory by default. Behind a load balancer of n nodes that would give a
 * client up to n times the limit, so nodes of a cluster set {@code timeledger.rate-limit.shared}
 * ({@code TIMELEDGER_RATE_LIMIT_SHARED=true}) and keep the same windows in PostgreSQL instead
 * ({@link RateWindowRepository}): one statement per request, on an unlogged table (decision 024).
 */
@Component
class RateLimits {

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final RateWindowRepository shared;
    private final boolean enabled;
    private final int requests;
    private final long periodMillis;

    RateLimits(Clock clock, RateWindowRepository sharedWindows,
               @Value("${timeledger.rate-limit.shared:false}") boolean shared,
               @Value("${timeledger.rate-limit.enabled:true}") boolean enabled,
               @Value("${timeledger.rate-limit.requests:100}") int requests,
               @Value("${timeledger.rate-limit.period:15s}") Duration period) {
        if (requests < 1) {
            throw new IllegalArgumentException("timeledger.rate-limit.requests must be at least 1");
        }
        this.clock = clock;
        this.shared = shared ? sharedWindows : null;
        this.enabled = enabled;
        this.requests = requests;
        this.periodMillis = period.toMillis();
    }

    /** 0 when the request may go ahead, else the whole seconds until it may be retried. */
    long secondsToWait(Credential credential) {
        if (!enabled) {
            return 0;
        }
        var key = credential.kind().secretPrefix() + credential.id();
        long waitMillis = shared != null ? shared.admit(key, clock.millis(), requests, periodMillis)
            : windows.computeIfAbsent(key, id -> new Window(requests)).admit(clock.millis(), periodMillis);
        return waitMillis == 0 ? 0 : Math.max(1, (waitMillis + 999) / 1000);
    }

    /** The admission times of the last n requests, oldest at {@code next}. */
    private static final class Window {
        private final long[] admitted;
        private int next;

        Window(int size) {
            admitted = new long[size];
            java.util.Arrays.fill(admitted, Long.MIN_VALUE);
        }

        /** Admits at {@code now} and answers 0, or answers how many milliseconds until it would. */
        synchronized long admit(long now, long period) {
            long oldest = admitted[next];
            if (oldest != Long.MIN_VALUE && now - oldest < period) {
                return period - (now - oldest);
            }
            admitted[next] = now;
            next = (next + 1) % admitted.length;
            return 0;
        }
    }
}
