package io.timeledger.api.minutedock;

import io.timeledger.core.common.ChangeChannel;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.OwnNetwork;
import io.timeledger.core.feed.ChangeFeed;
import io.timeledger.core.hooks.DueDelivery;
import io.timeledger.core.hooks.WebhookWork;
import io.timeledger.core.hooks.Webhooks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the webhooks' events (docs/webhooks.md): a few threads per node, each claiming one
 * account's subscriptions at a time ({@link Webhooks#claim}, {@code FOR UPDATE SKIP LOCKED}),
 * taking in its new changes once for all of them, then posting each subscription's due deliveries
 * in order until one fails — that one and those after it wait for its retry, so a receiver sees
 * each object's events in the order they happened. What each receiver answered is recorded for
 * all of them in one transaction. A committed change wakes the threads (the database's
 * announcement); retries are found by polling.
 *
 * <p>Each post is signed: {@code Timeledger-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">} keyed by the subscription's secret. Posts time out after 10 s, follow no
 * redirect, and connect only to the addresses the resolver let through: none of the server's own
 * network unless the operator allows it — checked on the very address connected to, so a name
 * that resolves differently the second time cannot slip past.
 */
@Component
class WebhookSender implements SmartLifecycle, ChangeChannel {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final Timeout TIMEOUT = Timeout.ofSeconds(10);
    private static final int EXCERPT = 500;
    /**
     * How long one claim is worked on before its subscriptions are let go for others: with a post's
     * 10 s timeout, well within the 60 s a claim is held.
     */
    private static final Duration TURN = Duration.ofSeconds(20);
    /** How many retries one node posts at once, besides its senders' own posts. */
    private static final int POSTERS = 8;

    private final Webhooks webhooks;
    private final MinuteDockEvents events;
    private final Clock clock;
    private final int threads;
    private final Duration poll;
    /** Made on each start, closed on each stop: a context paused and started again (as tests do) posts anew. */
    private volatile CloseableHttpClient http;
    /** Post retries beside a turn's other posts; made and ended with the client. */
    private volatile ExecutorService posters;
    private final Semaphore wake = new Semaphore(0);
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean stopping;
    /** Whether any subscription was active when last asked: only then does this server listen for changes. */
    private volatile boolean subscribed = true;
    /** The last failure of a turn, logged in full once while it repeats. */
    private volatile String lastFailure;

    WebhookSender(Webhooks webhooks, MinuteDockEvents events, Clock clock,
                  @Value("${timeledger.webhooks.senders:2}") int threads,
                  @Value("${timeledger.webhooks.poll:1s}") Duration poll) {
        this.webhooks = webhooks;
        this.events = events;
        this.clock = clock;
        this.threads = threads;
        this.poll = poll;
    }

    /** The HTTP client posts go through: its resolver refuses the server's own network unless allowed. */
    static CloseableHttpClient client(boolean privateAddresses) {
        DnsResolver guarded = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                try {
                    return OwnNetwork.resolve(host, privateAddresses, "url", Webhooks.PRIVATE_SETTING);
                } catch (Invalid refused) {
                    throw new UnknownHostException(host + " " + refused.violations().get(0).message());
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(guarded)
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(TIMEOUT).setSocketTimeout(TIMEOUT)
                .build())
            .setMaxConnTotal(50)
            .setMaxConnPerRoute(4)
            .build();
        return HttpClients.custom()
            .setConnectionManager(connections)
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(TIMEOUT).build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .setUserAgent("Timeledger-Webhooks/1")
            .build();
    }

    @Override
    public void start() {
        stopping = false;
        http = client(webhooks.privateAddresses());
        var made = new AtomicInteger();
        posters = Executors.newFixedThreadPool(POSTERS, task -> {
            var thread = new Thread(task, "webhook-poster-" + made.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < threads; i++) {
            var thread = new Thread(this::work, "webhook-sender-" + i);
            thread.setDaemon(true);
            running.add(thread);
            thread.start();
        }
    }

    @Override
    public void stop() {
        stopping = true;
        wake.release(threads);
        for (var thread : running) {
            try {
                thread.join(TIMEOUT.toMilliseconds() + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
        posters.shutdown();
        try {
            http.close();
        } catch (IOException e) {
            log.debug("Closing the webhooks' HTTP client", e);
        }
    }

    @Override
    public boolean isRunning() {
        return !running.isEmpty();
    }

    @Override
    public String channel() {
        return ChangeFeed.CHANNEL;
    }

    @Override
    public void heard(String payload) {
        if (wake.availablePermits() < threads) {
            wake.release();
        }
    }

    @Override
    public boolean wanted() {
        return subscribed;
    }

    @Override
    public void listening(boolean listening) {
        wake.release();
    }

    private void work() {
        while (!stopping) {
            boolean worked = false;
            try {
                worked = turn();
                lastFailure = null;
            } catch (RuntimeException e) {
                var failure = e.getClass().getName() + ": " + e.getMessage();
                if (failure.equals(lastFailure)) {
                    log.debug("A webhook sender's turn failed again; it tries again", e);
                } else {
                    log.warn("A webhook sender's turn failed; it tries again", e);
                }
                lastFailure = failure;
            }
            if (!worked) {
                try {
                    wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Works on one account's subscriptions for a while; false when none had work. */
    private boolean turn() {
        var senders = webhooks.senders();
        subscribed = senders.active();
        if (!senders.waiting()) {
            return false;
        }
        var claimed = webhooks.claim();
        if (claimed.isEmpty()) {
            return false;
        }
        try {
            var open = webhooks.takeIn(claimed, events);
            long until = System.nanoTime() + TURN.toNanos();
            while (!stopping && !open.isEmpty() && System.nanoTime() < until) {
                var due = webhooks.due(open);
                if (due.isEmpty()) {
                    break;
                }
                var attempts = post(open, due, until);
                webhooks.record(attempts);
                // a subscription whose receiver did not take a delivery waits for its retry
                var waiting = attempts.stream().filter(attempt -> !attempt.taken())
                    .map(attempt -> attempt.work().webhookId()).collect(Collectors.toSet());
                open = open.stream().filter(work -> !waiting.contains(work.webhookId())).toList();
            }
        } finally {
            webhooks.release(claimed);
        }
        return true;
    }

    /**
     * Posts each subscription's due deliveries in order until one is not taken: one subscription
     * after another in this thread, except those whose receiver already failed to take the first
     * (a retry), which are posted beside them on the posters' threads — a receiver that stops
     * answering holds up the account's other receivers once, not on every retry.
     */
    private List<Webhooks.Attempt> post(List<WebhookWork> open, List<DueDelivery> due, long until) {
        var bySubscription = due.stream().collect(Collectors.groupingBy(DueDelivery::webhookId,
            LinkedHashMap::new, Collectors.toList()));
        var retries = new ArrayList<Future<List<Webhooks.Attempt>>>();
        var attempts = new ArrayList<Webhooks.Attempt>();
        for (var work : open) {
            var deliveries = bySubscription.get(work.webhookId());
            if (deliveries != null && deliveries.get(0).attempts() > 0) {
                retries.add(posters.submit(() -> post(work, deliveries, until)));
            }
        }
        for (var work : open) {
            var deliveries = bySubscription.get(work.webhookId());
            if (deliveries != null && deliveries.get(0).attempts() == 0) {
                attempts.addAll(post(work, deliveries, until));
            }
        }
        try {
            for (var retry : retries) {
                attempts.addAll(retry.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Posting cannot throw", e.getCause());
        }
        return attempts;
    }

    /**
     * Posts a subscription's deliveries in order until one is not taken, or the turn's time is up
     * ({@code until}, System.nanoTime): a turn ends well within its lease, so no other sender takes
     * the subscriptions over while it still posts.
     */
    private List<Webhooks.Attempt> post(WebhookWork work, List<DueDelivery> deliveries, long until) {
        var attempts = new ArrayList<Webhooks.Attempt>();
        for (var delivery : deliveries) {
            if (stopping || System.nanoTime() > until) {
                break;
            }
            var attempt = send(work, delivery);
            attempts.add(attempt);
            if (!attempt.taken()) {
                break;
            }
        }
        return attempts;
    }

    /** Posts one delivery: how it went. */
    private Webhooks.Attempt send(WebhookWork work, DueDelivery delivery) {
        long seconds = clock.instant().getEpochSecond();
        var post = new HttpPost(work.url());
        post.setHeader("Timeledger-Event-Id", delivery.eventId());
        post.setHeader("Timeledger-Event-Kind", delivery.kind());
        post.setHeader("Timeledger-Signature", "t=" + seconds + ",v1=" + sign(work.secret(), seconds, delivery.body()));
        post.setEntity(new StringEntity(delivery.body(), ContentType.APPLICATION_JSON));
        long started = System.nanoTime();
        Answer answer;
        try {
            answer = http.execute(post, response -> new Answer(response.getCode(), response.getEntity() == null ? ""
                : new String(response.getEntity().getContent().readNBytes(EXCERPT), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            answer = new Answer(null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        int latency = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        var excerpt = answer.body().length() > EXCERPT ? answer.body().substring(0, EXCERPT) : answer.body();
        return new Webhooks.Attempt(work, delivery, answer.code(), latency, excerpt);
    }

    /** The hex HMAC-SHA256 of {@code "<seconds>.<body>"} keyed by {@code secret}. */
    static String sign(String secret, long seconds, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((seconds + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java", e);
        }
    }

    private record Answer(Integer code, String body) { }
}
