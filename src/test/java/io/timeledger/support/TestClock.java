package io.timeledger.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real time plus an offset a test can move forward, so timers can run for hours in
 * milliseconds; a test that counts to the second may stop the real time from flowing meanwhile.
 * {@code -Dtimeledger.test.now=2026-12-31T23:50:00Z} starts the server's time there instead (the
 * database's and the browser's clocks are not moved): a run of the suite on a day it has not seen.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(startingOffset());
    private final AtomicReference<Instant> stoppedAt = new AtomicReference<>();

    private static Duration startingOffset() {
        var start = System.getProperty("timeledger.test.now");
        return start == null || start.isBlank() ? Duration.ZERO : Duration.between(Instant.now(), Instant.parse(start));
    }

    public void advance(Duration duration) {
        offset.accumulateAndGet(duration, Duration::plus);
    }

    /** From now until {@link #flow}, only {@link #advance} moves the time: a loaded machine cannot. */
    public void stop() {
        stoppedAt.set(Instant.now());
    }

    /** The real time flows again (it went on meanwhile, so the clock jumps forward, never back). */
    public void flow() {
        stoppedAt.set(null);
    }

    @Override
    public Instant instant() {
        var stopped = stoppedAt.get();
        return (stopped == null ? Instant.now() : stopped).plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        var self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
