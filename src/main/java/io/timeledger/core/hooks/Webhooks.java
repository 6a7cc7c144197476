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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    /**
     * Takes the subscriptions of one account that has work for this sender, which must
     * {@link #release} them; empty when no account has work no other sender holds.
     */
    @Transactional
    public List<WebhookWork> claim() {
        repository.commitWithoutWaiting();
        return repository.claim(LEASE);
    }

    /**
     * Takes in the account's changes after the subscriptions' cursors as their deliveries, each
     * change's body rendered by {@code bodies} once for all of them, so that every attempt sends the
     * same body; what comes back is the subscriptions as they now stand. The changes are read once,
     * from the cursor furthest behind, {@value #TAKEN_IN_AT_ONCE} at a time; each batch's bodies are
     * rendered before the transaction that stores them (an object gone meanwhile renders as such,
     * and fails nothing), and that transaction moves a cursor only from where this sender found it,
     * so no change is taken in twice.
     */
    public List<WebhookWork> takeIn(List<WebhookWork> works, Bodies bodies) {
        var current = List.copyOf(works);
        while (!current.isEmpty()) {
            var account = current.get(0).account();
            long from = current.stream().mapToLong(WebhookWork::cursor).min().orElseThrow();
            var changes = feed.after(account, from, TAKEN_IN_AT_ONCE);
            // no changes: those past the cursors are no longer kept (paused for longer than the log
            // keeps them), and the cursors move on to the latest so the claim does not recur
            long to = changes.isEmpty() ? feed.last(account) : changes.get(changes.size() - 1).seq();
            var behind = current.stream().filter(work -> work.cursor() < to).toList();
            if (behind.isEmpty()) {
                break;
            }
            var deliveries = new ArrayList<WebhookRepository.NewDelivery>();
            for (var change : changes) {
                var kind = change.catalog() ? CATALOG : change.kind();
                String body = null;
                for (var work : behind) {
                    if (change.seq() > work.cursor() && work.events().contains(kind)) {
                        body = body == null ? bodies.body(change) : body;
                        deliveries.add(new WebhookRepository.NewDelivery(work.webhookId(), change.seq(), change.kind(),
                            change.at(), body));
                    }
                }
            }
            var moved = transaction.execute(status -> {
                repository.commitWithoutWaiting();
                var advanced = Set.copyOf(repository.advance(behind, to));
                repository.insertDeliveries(account, deliveries.stream()
                    .filter(delivery -> advanced.contains(delivery.webhookId())).toList());
                return advanced;
            });
            // those another sender moved meanwhile are its to carry on
            current = current.stream().filter(work -> work.cursor() >= to || moved.contains(work.webhookId()))
                .map(work -> work.cursor() >= to ? work : work.at(to))
                .toList();
            if (changes.size() < TAKEN_IN_AT_ONCE) {
                break;
            }
        }
        return current;
    }

    /**
     * The subscriptions' next deliveries to make, in order, each's first — none for a subscription
     * whose first waits for its retry, since those after it wait behind it.
     */
    @Reads
    public List<DueDelivery> due(List<WebhookWork> works) {
        return repository.due(works.stream().map(WebhookWork::webhookId).toList(), DUE_AT_ONCE);
    }

    /** How an attempt went: {@code code} null when no answer was had. */
    public record Attempt(WebhookWork work, DueDelivery delivery, Integer code, int latencyMillis, String excerpt) {

        public boolean taken() {
            return code != null && code >= 200 && code < 300;
        }
    }

    /**
     * Records attempts, in one transaction. One that failed is tried again after a wait that
     * doubles each time, up to an hour, until it has been failing for {@code
     * timeledger.webhooks.retry-for} (a day); then the delivery has failed and its subscription is
     * paused, saying why.
     */
    @Transactional
    public void record(List<Attempt> attempts) {
        repository.commitWithoutWaiting();
        repository.delivered(attempts.stream().filter(Attempt::taken)
            .map(attempt -> new WebhookRepository.Taken(attempt.delivery().id(), attempt.code(),
                attempt.latencyMillis(), attempt.excerpt()))
            .toList());
        for (var attempt : attempts) {
            if (!attempt.taken()) {
                failed(attempt);
            }
        }
    }

    private void failed(Attempt attempt) {
        var delivery = attempt.delivery();
        if (!repository.attemptFailed(delivery.id(), attempt.code(), attempt.latencyMillis(), attempt.excerpt(),
                wait(delivery.attempts() + 1), retryFor)) {
            repository.pause(attempt.work().webhookId(), "Its receiver has not taken event " + delivery.eventId()
                + " for " + words(retryFor) + " (" + (attempt.code() == null ? attempt.excerpt()
                : "the last answer: HTTP " + attempt.code()) + "), so the server paused it. Resume it when the"
                + " receiver is back: the changes since are delivered then, in order.");
        }
    }

    /** Lets other senders take the subscriptions. */
    @Transactional
    public void release(List<WebhookWork> works) {
        repository.commitWithoutWaiting();
        repository.release(works.stream().map(WebhookWork::webhookId).toList());
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
