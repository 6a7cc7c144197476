package io.timeledger.web.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.ChangeChannel;
import io.timeledger.core.feed.Change;
import io.timeledger.core.common.ClusterTasks;
import io.timeledger.core.feed.ChangeFeed;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open event streams of this server, fed by the database's announcements of committed changes
 * (channel {@code timeledger_changes}, V25). Every stream of an account hears each of its changes in
 * commit order, once: a stream remembers the number of the last change it has accounted for, skips
 * what it already had, and reads from the log what it missed — on opening with a
 * {@code Last-Event-ID}, and when this server's listening connection was lost and came back.
 *
 * <p>Streams hold no thread: they are servlet async responses, and one thread here does all the
 * writing — deliveries, catch-ups and heartbeats — so each stream's events go out in order. Each
 * person may hold {@link #perPerson} streams at once.
 */
@Component
@ConditionalOnWebApplication
public class EventStreams implements ChangeChannel, SmartLifecycle {

    /** Where the streams are opened ({@code EventsController}). */
    public static final String PATH = "/events";

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    static final String CHANNEL = ChangeFeed.CHANNEL;
    /** How long a stream stays open; the browser then reconnects with the last id it had, and nothing is lost. */
    static final Duration STREAM_LIFETIME = Duration.ofMinutes(10);
    /** The comment an idle stream hears every heartbeat, so that no proxy takes it for dead. */
    static final String HEARTBEAT = "keep-alive";
    /** How long a browser waits before reconnecting a stream that ended. */
    private static final long RECONNECT_MILLIS = 2_000;

    /** The person cannot open another stream. */
    public static final class TooManyStreams extends RuntimeException {
        TooManyStreams(int limit) {
            super("At most " + limit + " event streams may be open at once per person; close one first");
        }
    }

    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final ChangeFeed feed;
    private final ClusterTasks clusterTasks;
    private final Clock clock;
    private final int perPerson;
    private final Duration heartbeat;
    /** How long announcements stay wanted after the last stream closed. */
    private final Duration stillWanted;
    /** The one thread that writes to the streams: made as this server starts, and again if it is restarted. */
    private volatile ScheduledExecutorService writer = newWriter();
    /** The open streams of each account; read and changed on the writer thread only. */
    private final Map<AccountId, Set<Stream>> streams = new HashMap<>();
    /** How many streams each person holds open (membership id → count), checked as a stream opens. */
    private final Map<Long, AtomicInteger> open = new ConcurrentHashMap<>();
    /** How many streams are open in all. */
    private final AtomicInteger total = new AtomicInteger();
    /** When the last stream closed (System.nanoTime), long ago at first. */
    private volatile long lastClosed;
    private volatile boolean running;

    EventStreams(ChangeFeed feed, ClusterTasks clusterTasks, Clock clock, MeterRegistry meters,
                 @Value("${timeledger.events.per-person:20}") int perPerson,
                 @Value("${timeledger.events.heartbeat:15s}") Duration heartbeat,
                 @Value("${timeledger.events.still-wanted:1m}") Duration stillWanted) {
        this.feed = feed;
        this.clusterTasks = clusterTasks;
        this.clock = clock;
        this.perPerson = perPerson;
        this.heartbeat = heartbeat;
        this.stillWanted = stillWanted;
        this.lastClosed = System.nanoTime() - stillWanted.toNanos();
        Gauge.builder("timeledger.events.streams", this, EventStreams::openStreams)
            .description("Event streams (GET /events) open on this server")
            .register(meters);
    }

    /**
     * Opens a stream for {@code reader}: the changes after {@code lastSeen} (the id of the last event
     * the client had; null for a new client, which hears only what happens from now on), then every
     * change as it commits.
     *
     * @throws TooManyStreams when the person already holds as many streams as they may
     */
    public SseEmitter open(ChangeFeed.Reader reader, Long lastSeen) {
        long person = reader.actor().membershipId();
        var count = open.computeIfAbsent(person, key -> new AtomicInteger());
        if (count.incrementAndGet() > perPerson) {
            count.decrementAndGet();
            throw new TooManyStreams(perPerson);
        }
        total.incrementAndGet();
        var emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        var stream = new Stream(reader, emitter);
        var closed = new AtomicBoolean();
        Runnable close = () -> {
            if (closed.compareAndSet(false, true)) {
                count.decrementAndGet();
                total.decrementAndGet();
                lastClosed = System.nanoTime();
                onWriter(() -> forget(stream));
            }
        };
        emitter.onCompletion(close);
        emitter.onTimeout(() -> {
            close.run();
            emitter.complete();
        });
        emitter.onError(error -> close.run());
        onWriter(() -> begin(stream, lastSeen));
        return emitter;
    }

    /** How many streams are open on this server. */
    public int openStreams() {
        return total.get();
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void heard(String payload) {
        if (openStreams() == 0) {
            // nobody follows: a stream opened from now on starts after this change
            return;
        }
        Change change;
        try {
            change = Change.parse(payload);
        } catch (IllegalArgumentException e) {
            log.warn("Ignored a change announced in an unknown form: {}", payload);
            return;
        }
        onWriter(() -> deliver(change));
    }

    /**
     * Announced changes are wanted while a stream is open, and for a minute after the last one
     * closed ({@code timeledger.events.still-wanted}: a page being reloaded); otherwise every write would wake this server's listener for
     * nobody. A stream opened while nothing was listened on starts at once, and reads what was
     * announced before the listening began when it begins ({@link #listening}).
     */
    @Override
    public boolean wanted() {
        return total.get() > 0 || System.nanoTime() - lastClosed < stillWanted.toNanos();
    }

    /** Once this server hears announcements again, every stream reads what was announced while it did not. */
    @Override
    public void listening(boolean listening) {
        if (listening) {
            onWriter(() -> everyStream().forEach(this::catchUp));
        }
    }

    /**
     * Starts writing; a stopped server (or a test's paused context) starts again with a new writer
     * thread and no streams.
     */
    @Override
    public void start() {
        if (writer.isShutdown()) {
            writer = newWriter();
        }
        running = true;
        writer.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        writer.scheduleWithFixedDelay(this::prune, 1, PRUNE_EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /** Ends every stream (their browsers reconnect with the last id they had) and the writer thread. */
    @Override
    public void stop() {
        running = false;
        onWriter(() -> {
            streams.values().forEach(each -> each.forEach(stream -> stream.emitter.complete()));
            streams.clear();
        });
        writer.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static ScheduledExecutorService newWriter() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "event-streams");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code work} on the writer thread; nothing, once the server is stopping and the thread is gone. */
    private void onWriter(Runnable work) {
        try {
            writer.execute(work);
        } catch (RejectedExecutionException stopping) {
            log.debug("Not written: the server is stopping");
        }
    }

    /** One open stream: who reads it, and the number of the last change of the account it has accounted for. */
    private static final class Stream {
        final ChangeFeed.Reader reader;
        final SseEmitter emitter;
        long last;

        Stream(ChangeFeed.Reader reader, SseEmitter emitter) {
            this.reader = reader;
            this.emitter = emitter;
        }
    }

    private void begin(Stream stream, Long lastSeen) {
        try {
            stream.emitter.send(SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("timeledger"));
            if (lastSeen == null) {
                stream.last = feed.last(stream.reader.account());
            } else {
                stream.last = lastSeen;
                catchUp(stream);
            }
            streams.computeIfAbsent(stream.reader.account(), key -> new LinkedHashSet<>()).add(stream);
        } catch (IOException | RuntimeException e) {
            drop(stream, e);
        }
    }

    private void deliver(Change change) {
        var open = streams.get(change.account());
        if (open == null) {
            return;
        }
        for (var stream : new ArrayList<>(open)) {
            if (change.seq() <= stream.last) {
                continue;
            }
            if (change.seq() > stream.last + 1) {
                catchUp(stream);
                continue;
            }
            try {
                stream.last = change.seq();
                if (stream.reader.sees(change)) {
                    stream.emitter.send(event(change));
                }
            } catch (IOException | RuntimeException e) {
                drop(stream, e);
            }
        }
    }

    /** Sends the stream what it missed since its last change, or tells it to read everything again. */
    private void catchUp(Stream stream) {
        try {
            var missed = feed.missedBy(stream.reader, stream.last);
            long upTo = missed.last();
            if (!missed.complete()) {
                stream.emitter.send(SseEmitter.event().id(Long.toString(upTo)).name("reset")
                    .data(Map.of("id", upTo, "kind", "reset"), MediaType.APPLICATION_JSON));
                stream.last = upTo;
                return;
            }
            for (var change : missed.changes()) {
                stream.emitter.send(event(change));
                upTo = Math.max(upTo, change.seq());
            }
            stream.last = Math.max(stream.last, upTo);
        } catch (IOException | RuntimeException e) {
            drop(stream, e);
        }
    }

    private void beat() {
        for (var stream : everyStream()) {
            try {
                stream.emitter.send(SseEmitter.event().comment(HEARTBEAT));
            } catch (IOException | RuntimeException e) {
                drop(stream, e);
            }
        }
    }

    /** The open streams as they are now: a stream may close while they are written to. */
    private List<Stream> everyStream() {
        return streams.values().stream().flatMap(Set::stream).toList();
    }

    /** Forgets changes older than the feed keeps: one node of a cluster does it each hour. */
    private void prune() {
        try {
            clusterTasks.runIfDue("prune the change log", PRUNE_EVERY, () -> {
                int pruned = feed.prune(clock.instant());
                if (pruned > 0) {
                    log.info("Forgot {} changes older than {} from the change log", pruned, feed.kept());
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not prune the change log: {}", e.getMessage());
        }
    }

    /**
     * Forgets a stream whose write failed and ends its response, which counts it out of its person's
     * streams. A client gone (an {@link IOException}) is what a heartbeat finds out: nothing reads
     * an event stream's connection, so its close is noticed by the next write or the one after.
     */
    private void drop(Stream stream, Exception why) {
        forget(stream);
        try {
            if (why instanceof IOException) {
                log.debug("An event stream's client is gone: {}", why.getMessage());
                stream.emitter.complete();
            } else {
                log.warn("Closed an event stream that could not be written", why);
                stream.emitter.completeWithError(why);
            }
        } catch (RuntimeException ignored) {
            // already ended by the container
        }
    }

    private void forget(Stream stream) {
        var open = streams.get(stream.reader.account());
        if (open != null && open.remove(stream) && open.isEmpty()) {
            streams.remove(stream.reader.account());
        }
    }

    /** An event as a client reads it: its id is the change's number, its name the change's kind. */
    static SseEmitter.SseEventBuilder event(Change change) {
        return SseEmitter.event().id(Long.toString(change.seq())).name(change.kind())
            .data(change.fields(), MediaType.APPLICATION_JSON);
    }
}
