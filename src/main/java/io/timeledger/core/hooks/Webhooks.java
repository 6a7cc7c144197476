package io.timeledger.core.hooks;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.OwnNetwork;
import io.timeledger.core.common.Reads;
import io.timeledger.core.feed.Change;
import io.timeledger.core.feed.ChangeFeed;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An account's webhooks: administrators subscribe URLs to kinds of change and read what was
 * delivered; the server's senders claim a subscription at a time, take in its new changes as
 * deliveries and record how each attempt went. A request that changes time only writes the change
 * log (V25); everything here happens after it committed, so no delivery ever slows a request.
 */
@Service
public class Webhooks {

    /** The kind a subscription asks for to be sent every change of clients, projects and tasks. */
    public static final String CATALOG = "catalog.changed";
    /**
     * The kinds of change a subscription may ask for: those the change log records, the catalog's
     * ({@code contact.changed}, {@code project.deleted}, …) asked for together as {@value #CATALOG}.
     */
    public static final List<String> KINDS = List.of("entry.created", "entry.updated", "entry.deleted",
        "dock.changed", "approval.changed", "invoice.drafted", "invoice.sent", "invoice.paid", "invoice.voided",
        CATALOG);
    /** The longest delivery log read at once. */
    public static final int LOG_LIMIT = 200;
    /** The setting that lets receivers live on the server's own network. */
    public static final String PRIVATE_SETTING = "TIMELEDGER_WEBHOOKS_ALLOW_PRIVATE";
    /** How long a sender holds a subscription before another node may take it over. */
    static final Duration LEASE = Duration.ofSeconds(60);
    /** The most deliveries read at once to post, one after another. */
    static final int DUE_AT_ONCE = 50;
    /** The most changes taken in per transaction. */
    static final int TAKEN_IN_AT_ONCE = 500;
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final int MAX_URL = 2_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Renders a change as the body of its event; the API whose objects it shows implements it. */
    public interface Bodies {
        String body(Change change);
    }

    /** A subscription just made, with its signing secret: shown this once. */
    public record Subscribed(Webhook webhook, String secret) { }

    private final WebhookRepository repository;
    private final ChangeFeed feed;
    private final boolean privateAddresses;
    private final Duration firstRetry;
    private final Duration retryFor;
    private final TransactionTemplate transaction;

    Webhooks(WebhookRepository repository, ChangeFeed feed, PlatformTransactionManager transactions,
             @Value("${timeledger.webhooks.allow-private:false}") boolean privateAddresses,
             @Value("${timeledger.webhooks.first-retry:10s}") Duration firstRetry,
             @Value("${timeledger.webhooks.retry-for:24h}") Duration retryFor) {
        this.repository = repository;
        this.feed = feed;
        this.privateAddresses = privateAddresses;
        this.firstRetry = firstRetry;
        this.retryFor = retryFor;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Whether receivers on the server's own network may be reached ({@link #PRIVATE_SETTING}). */
    public boolean privateAddresses() {
        return privateAddresses;
    }

    /** Subscribes {@code url} to the account's changes of {@code events}, from the next change on. */
    @Transactional
    public Subscribed subscribe(Actor actor, String url, List<String> events) {
        actor.requireAdmin();
        var checkedUrl = url(url);
        var kinds = kinds(events);
        var secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        var made = repository.insert(actor.account(), checkedUrl, kinds, secret, feed.last(actor.account()),
            actor.membershipId());
        return new Subscribed(made, secret);
    }

    @Reads
    public List<Webhook> list(Actor actor) {
        actor.requireAdmin();
        return repository.list(actor.account());
    }

    @Reads
    public Webhook get(Actor actor, long id) {
        actor.requireAdmin();
        return repository.find(actor.account(), id).orElseThrow(() -> new NotFound("Webhook", id));
    }

    /**
     * Changes the address, the kinds or whether it runs (null: unchanged). Resuming a paused
     * subscription delivers, in order, the changes made while it was paused.
     */
    @Transactional
    public Webhook change(Actor actor, long id, String url, List<String> events, Boolean active) {
        actor.requireAdmin();
        return repository.update(actor.account(), id, url == null ? null : url(url),
                events == null ? null : kinds(events), active)
            .orElseThrow(() -> new NotFound("Webhook", id));
    }

    @Transactional
    public void remove(Actor actor, long id) {
        actor.requireAdmin();
        if (!repository.delete(actor.account(), id)) {
            throw new NotFound("Webhook", id);
        }
    }

    /** The subscription's latest deliveries, newest first. */
    @Reads
    public List<WebhookDelivery> deliveries(Actor actor, long id, int limit) {
        get(actor, id);
        if (limit < 1 || limit > LOG_LIMIT) {
            throw new Invalid("limit", "must be between 1 and " + LOG_LIMIT);
        }
        return repository.deliveries(actor.account(), id, limit);
    }

    /** Sends a delivery's event again, after those waiting: the same id and body, signed anew. */
    @Transactional
    public WebhookDelivery redeliver(Actor actor, long id, long deliveryId) {
        get(actor, id);
        return repository.copy(actor.account(), id, deliveryId).orElseThrow(() -> new NotFound("Delivery", deliveryId));
    }

    /** Whether any subscription is active, and whether one has work for a sender now. */
    public record Senders(boolean active, boolean waiting) { }

    @Reads
    public Senders senders() {
        return repository.senders();
    }

    /** Takes a subscription with work to do for this sender, which must {@link #release} it. */
    @Transactional
    public Optional<WebhookWork> claim() {
        repository.commitWithoutWaiting();
        return repository.claim(LEASE);
    }

    /**
     * Takes in the subscription's next changes as deliveries, rendered by {@code bodies} once, so
     * that every attempt sends the same body; what comes back says where it now stands, or empty when
     * it has taken in all there is. The bodies are rendered before the transaction that stores them
     * (an object gone meanwhile renders as such, and fails nothing); that transaction moves the
     * cursor only from where this sender found it, so changes are never taken in twice.
     */
    public Optional<WebhookWork> takeIn(WebhookWork work, Bodies bodies) {
        var changes = feed.after(work.account(), work.cursor(), TAKEN_IN_AT_ONCE);
        if (changes.isEmpty()) {
            // the changes past the cursor are no longer kept (paused for longer than the log keeps
            // them): there is nothing to take in, and the cursor moves on so the claim does not recur
            long last = feed.last(work.account());
            if (last > work.cursor()) {
                transaction.executeWithoutResult(status -> {
                    repository.commitWithoutWaiting();
                    repository.advance(work.webhookId(), work.cursor(), last);
                });
            }
            return Optional.empty();
        }
        var events = new LinkedHashMap<Change, String>();
        for (var change : changes) {
            if (work.events().contains(change.catalog() ? CATALOG : change.kind())) {
                events.put(change, bodies.body(change));
            }
        }
        long cursor = changes.get(changes.size() - 1).seq();
        boolean taken = Boolean.TRUE.equals(transaction.execute(status -> {
            repository.commitWithoutWaiting();
            if (!repository.advance(work.webhookId(), work.cursor(), cursor)) {
                return false;
            }
            events.forEach((change, body) ->
                repository.insertDelivery(work, change.seq(), change.kind(), change.at(), body));
            return true;
        }));
        if (!taken || changes.size() < TAKEN_IN_AT_ONCE) {
            return Optional.empty();
        }
        return Optional.of(new WebhookWork(work.webhookId(), work.account(), work.url(), work.events(), work.secret(),
            cursor));
    }

    /**
     * The subscription's next deliveries to make, in order — none while the first waits for its
     * retry, since those after it wait behind it.
     */
    @Reads
    public List<DueDelivery> due(WebhookWork work) {
        return repository.due(work.webhookId(), DUE_AT_ONCE);
    }

    @Transactional
    public void delivered(DueDelivery delivery, int code, int latencyMillis, String excerpt) {
        repository.commitWithoutWaiting();
        repository.delivered(delivery.id(), code, latencyMillis, excerpt);
    }

    /**
     * An attempt that failed ({@code code} null: no answer was had): tried again after a wait that
     * doubles each time, up to an hour, until it has been failing for {@code timeledger.webhooks.retry-for}
     * (a day); then the delivery has failed and the subscription is paused, saying why.
     */
    @Transactional
    public void failed(WebhookWork work, DueDelivery delivery, Integer code, int latencyMillis, String excerpt) {
        repository.commitWithoutWaiting();
        if (!repository.attemptFailed(delivery.id(), code, latencyMillis, excerpt, wait(delivery.attempts() + 1),
                retryFor)) {
            repository.pause(work.webhookId(), "Its receiver has not taken event " + delivery.eventId() + " for "
                + words(retryFor) + " (" + (code == null ? excerpt : "the last answer: HTTP " + code) + "), so the"
                + " server paused it. Resume it when the receiver is back: the changes since are delivered then,"
                + " in order.");
        }
    }

    /** Lets another sender take the subscription. */
    @Transactional
    public void release(WebhookWork work) {
        repository.commitWithoutWaiting();
        repository.release(work.webhookId());
    }

    /** How long after its {@code attempts}-th failed attempt a delivery is tried again. */
    Duration wait(int attempts) {
        var wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private String url(String url) {
        if (url == null || url.isBlank()) {
            throw new Invalid("url", "is required: the address the server posts each event to");
        }
        var notAnAddress = new Invalid("url", "must be an http or https address, such as https://example.com/hooks");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw notAnAddress;
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw notAnAddress;
        }
        if (url.length() > MAX_URL) {
            throw new Invalid("url", "is longer than " + MAX_URL + " characters");
        }
        OwnNetwork.resolve(uri.getHost(), privateAddresses, "url", PRIVATE_SETTING);
        return uri.toString();
    }

    private static List<String> kinds(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw new Invalid("events", "must name at least one kind of change: " + String.join(", ", KINDS));
        }
        for (var kind : events) {
            if (!KINDS.contains(kind)) {
                throw new Invalid("events", "has " + (kind == null ? "null" : "\"" + kind + "\"")
                    + ", which is not a kind of change: " + String.join(", ", KINDS));
            }
        }
        return events.stream().distinct().toList();
    }

    private static String words(Duration duration) {
        return duration.toHours() >= 1 ? duration.toHours() + " hours" : duration.toSeconds() + " seconds";
    }

    private static byte[] bytes(int count) {
        var bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
