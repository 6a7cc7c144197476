package io.timeledger.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Requests per credential: {@code timeledger.rate-limit.requests} in every
 * {@code timeledger.rate-limit.period} (Harvest's 100 per 15 seconds by default), a token bucket
 * per credential. Counted per server node: behind a load balancer of n nodes a client gets up to
 * n times the limit, which protects each node without a shared store on every request.
 */
@Component
class RateLimits {

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final long requests;
    private final Duration period;

    RateLimits(@Value("${timeledger.rate-limit.enabled:true}") boolean enabled,
               @Value("${timeledger.rate-limit.requests:100}") long requests,
               @Value("${timeledger.rate-limit.period:15s}") Duration period) {
        this.enabled = enabled;
        this.requests = requests;
        this.period = period;
    }

    /** 0 when the request may go ahead, else the whole seconds until it may be retried. */
    long secondsToWait(Credential credential) {
        if (!enabled) {
            return 0;
        }
        var bucket = buckets.computeIfAbsent(credential.kind().secretPrefix() + credential.id(), id -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build())
            .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
    }
}
