package io.timeledger.core.hooks;

import io.timeledger.core.common.AccountId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebhookRepository {

    private static final String COLUMNS = "id, account_id, url, events, active, paused_reason, created_at, updated_at";
    private static final String DELIVERY_COLUMNS = """
        id, webhook_id, account_id || '-' || change_seq, kind, occurred_at, status, attempts, response_code,
        latency_ms, response_excerpt, created_at, next_attempt_at, finished_at""";

    /** A subscription {@code h} that is active, held by no node, and has changes to take in or a delivery due. */
    private static final String WORK = """
        h.active AND (h.leased_until IS NULL OR h.leased_until < statement_timestamp())
        AND (h.cursor_seq < coalesce((SELECT f.last_seq FROM change_feed f WHERE f.account_id = h.account_id), 0)
             OR (SELECT d.next_attempt_at FROM webhook_delivery d
                  WHERE d.webhook_id = h.id AND d.status = 'pending'
                  ORDER BY d.id LIMIT 1) <= now())
        """;

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Lets the current transaction commit without waiting for its WAL to reach the disk: for the
     * senders' bookkeeping, which a crash can only set back — a delivery posted again, changes taken
     * in again from the cursor — so that it does not queue behind the requests' own commits.
     */
    void commitWithoutWaiting() {
        jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
    }

    Webhook insert(AccountId account, String url, List<String> events, String secret, long cursor, long createdBy) {
        return jdbc.sql("INSERT INTO webhook (account_id, url, events, secret, cursor_seq, created_by)"
                + " VALUES (:account, :url, :events, :secret, :cursor, :by) RETURNING " + COLUMNS)
            .param("account", account.value()).param("url", url).param("events", events.toArray(String[]::new))
            .param("secret", secret).param("cursor", cursor).param("by", createdBy)
            .query(WebhookRepository::webhook)
            .single();
    }

    List<Webhook> list(AccountId account) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook WHERE account_id = :account ORDER BY id")
            .param("account", account.value())
            .query(WebhookRepository::webhook)
            .list();
    }

    Optional<Webhook> find(AccountId account, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook WHERE account_id = :account AND id = :id")
            .param("account", account.value()).param("id", id)
            .query(WebhookRepository::webhook)
            .optional();
    }

    /**
     * Changes what is given (null: kept); resuming ({@code active} true) clears the server's reason
     * for pausing. Changes made while it was paused are still taken in, in order, on resuming.
     */
    Optional<Webhook> update(AccountId account, long id, String url, List<String> events, Boolean active) {
        return jdbc.sql("""
                UPDATE webhook
                   SET url = coalesce(CAST(:url AS text), url),
                       events = coalesce(CAST(:events AS text[]), events),
                       paused_reason = CASE WHEN CAST(:active AS boolean) THEN NULL ELSE paused_reason END,
                       active = coalesce(CAST(:active AS boolean), active),
                       updated_at = now()
                 WHERE account_id = :account AND id = :id
                RETURNING\s""" + COLUMNS)
            .param("account", account.value()).param("id", id).param("url", url)
            .param("events", events == null ? null : events.toArray(String[]::new))
            .param("active", active)
            .query(WebhookRepository::webhook)
            .optional();
    }

    boolean delete(AccountId account, long id) {
        return jdbc.sql("DELETE FROM webhook WHERE account_id = :account AND id = :id")
            .param("account", account.value()).param("id", id)
            .update() == 1;
    }

    List<WebhookDelivery> deliveries(AccountId account, long webhookId, int limit) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery"
                + " WHERE account_id = :account AND webhook_id = :webhook ORDER BY id DESC LIMIT :limit")
            .param("account", account.value()).param("webhook", webhookId).param("limit", limit)
            .query(WebhookRepository::delivery)
            .list();
    }

    /** The delivery made again, as a new one at the end of the subscription's queue. */
    Optional<WebhookDelivery> copy(AccountId account, long webhookId, long deliveryId) {
        return jdbc.sql("""
                INSERT INTO webhook_delivery (account_id, webhook_id, change_seq, kind, occurred_at, body)
                SELECT account_id, webhook_id, change_seq, kind, occurred_at, body
                  FROM webhook_delivery
                 WHERE account_id = :account AND webhook_id = :webhook AND id = :id
                RETURNING\s""" + DELIVERY_COLUMNS)
            .param("account", account.value()).param("webhook", webhookId).param("id", deliveryId)
            .query(WebhookRepository::delivery)
            .optional();
    }

    /**
     * Whether any subscription is active, and whether one of them has work no node holds (the
     * condition {@link #claim} takes one by). The senders ask it between their turns, outside any
     * transaction; tests that count a request's statements leave it out by its mark.
     */
    Webhooks.Senders senders() {
        return jdbc.sql("""
                SELECT /* webhook senders */ EXISTS (SELECT 1 FROM webhook WHERE active),
                       EXISTS (SELECT 1 FROM webhook h WHERE\s""" + WORK + ")")
            .query((rs, row) -> new Webhooks.Senders(rs.getBoolean(1), rs.getBoolean(2)))
            .single();
    }

    /**
     * Takes, for {@code lease}, the active subscriptions no other node holds of one account where one
     * of them has work (changes not yet taken in, or a first pending delivery whose time has come):
     * the account that has waited longest. Its subscriptions read the same changes, so a sender
     * takes them in once for all of them.
     */
    List<WebhookWork> claim(Duration lease) {
        return jdbc.sql("""
                UPDATE webhook w
                   SET leased_until = statement_timestamp() + make_interval(secs => :lease)
                 WHERE id IN (
                       SELECT h.id
                         FROM webhook h
                        WHERE h.account_id = (SELECT h.account_id
                                                FROM webhook h
                                               WHERE\s""" + WORK + """
                                               ORDER BY h.leased_until NULLS FIRST, h.id
                                               LIMIT 1)
                          AND h.active AND (h.leased_until IS NULL OR h.leased_until < statement_timestamp())
                          FOR UPDATE SKIP LOCKED)
                RETURNING w.id, w.account_id, w.url, w.events, w.secret, w.cursor_seq""")
            .param("lease", lease.toMillis() / 1000.0)
            .query((rs, row) -> new WebhookWork(rs.getLong(1), new AccountId(rs.getLong(2)), rs.getString(3),
                strings(rs.getArray(4)), rs.getString(5), rs.getLong(6)))
            .list();
    }

    /** Lets the subscriptions go; their leases end now, so claims take the longest unserved first. */
    void release(List<Long> webhookIds) {
        jdbc.sql("UPDATE webhook SET leased_until = statement_timestamp() WHERE id = ANY(:ids)")
            .param("ids", webhookIds.toArray(Long[]::new))
            .update();
    }

    /**
     * Moves each subscription's cursor from where it was taken ({@code from}) to {@code to}; the ids
     * of those moved — not one whose cursor another sender moved meanwhile.
     */
    List<Long> advance(List<WebhookWork> works, long to) {
        return jdbc.sql("""
                UPDATE webhook w
                   SET cursor_seq = :to
                  FROM unnest(CAST(:ids AS bigint[]), CAST(:froms AS bigint[])) AS c (id, from_seq)
                 WHERE w.id = c.id AND w.cursor_seq = c.from_seq
                RETURNING w.id""")
            .param("ids", works.stream().map(WebhookWork::webhookId).toArray(Long[]::new))
            .param("froms", works.stream().map(WebhookWork::cursor).toArray(Long[]::new))
            .param("to", to)
            .query(Long.class)
            .list();
    }

    /** A delivery to store: the change it posts, for a subscription. */
    record NewDelivery(long webhookId, long changeSeq, String kind, Instant occurredAt, String body) { }

    void insertDeliveries(AccountId account, List<NewDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO webhook_delivery (account_id, webhook_id, change_seq, kind, occurred_at, body)
                SELECT :account, d.webhook_id, d.change_seq, d.kind, d.occurred_at, d.body
                  FROM unnest(CAST(:webhooks AS bigint[]), CAST(:seqs AS bigint[]), CAST(:kinds AS text[]),
                              CAST(:ats AS timestamptz[]), CAST(:bodies AS text[]))
                       WITH ORDINALITY AS d (webhook_id, change_seq, kind, occurred_at, body, n)
                 ORDER BY d.n""")
            .param("account", account.value())
            .param("webhooks", deliveries.stream().map(NewDelivery::webhookId).toArray(Long[]::new))
            .param("seqs", deliveries.stream().map(NewDelivery::changeSeq).toArray(Long[]::new))
            .param("kinds", deliveries.stream().map(NewDelivery::kind).toArray(String[]::new))
            .param("ats", deliveries.stream().map(d -> Timestamp.from(d.occurredAt())).toArray(Timestamp[]::new))
            .param("bodies", deliveries.stream().map(NewDelivery::body).toArray(String[]::new))
            .update();
    }

    /**
     * Up to {@code limit} pending deliveries of each subscription, in order, for those whose first
     * pending one's time has come.
     */
    List<DueDelivery> due(List<Long> webhookIds, int limit) {
        return jdbc.sql("""
                SELECT d.id, d.webhook_id, d.account_id || '-' || d.change_seq, d.kind, d.body, d.attempts,
                       d.created_at
                  FROM unnest(CAST(:webhooks AS bigint[])) AS h (id)
                 CROSS JOIN LATERAL (
                       SELECT *
                         FROM webhook_delivery d
                        WHERE d.webhook_id = h.id AND d.status = 'pending'
                          AND (SELECT f.next_attempt_at FROM webhook_delivery f
                                WHERE f.webhook_id = h.id AND f.status = 'pending'
                                ORDER BY f.id LIMIT 1) <= now()
                        ORDER BY d.id
                        LIMIT :limit) d
                 ORDER BY d.webhook_id, d.id""")
            .param("webhooks", webhookIds.toArray(Long[]::new)).param("limit", limit)
            .query((rs, row) -> new DueDelivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant()))
            .list();
    }

    /** Deliveries the receivers took: how each answered, and how long it took. */
    record Taken(long deliveryId, int code, int latencyMillis, String excerpt) { }

    void delivered(List<Taken> taken) {
        if (taken.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE webhook_delivery d
                   SET status = 'delivered', attempts = d.attempts + 1, response_code = t.code,
                       latency_ms = t.latency, response_excerpt = t.excerpt, finished_at = now()
                  FROM unnest(CAST(:ids AS bigint[]), CAST(:codes AS integer[]), CAST(:latencies AS integer[]),
                              CAST(:excerpts AS text[])) AS t (id, code, latency, excerpt)
                 WHERE d.id = t.id""")
            .param("ids", taken.stream().map(Taken::deliveryId).toArray(Long[]::new))
            .param("codes", taken.stream().map(Taken::code).toArray(Integer[]::new))
            .param("latencies", taken.stream().map(Taken::latencyMillis).toArray(Integer[]::new))
            .param("excerpts", taken.stream().map(Taken::excerpt).toArray(String[]::new))
            .update();
    }

    /**
     * An attempt that failed: tried again after {@code wait}, unless it has been failing for
     * {@code retryFor} since it was taken in — then it has failed for good. Both by the database's
     * clock, which set {@code created_at}. Whether it is still pending.
     */
    boolean attemptFailed(long deliveryId, Integer code, int latencyMillis, String excerpt, Duration wait,
                          Duration retryFor) {
        return jdbc.sql("""
                UPDATE webhook_delivery
                   SET attempts = attempts + 1, response_code = :code, latency_ms = :latency,
                       response_excerpt = :excerpt,
                       status = CASE WHEN created_at + make_interval(secs => :retryFor) <= statement_timestamp()
                                     THEN 'failed' ELSE status END,
                       next_attempt_at = statement_timestamp() + make_interval(secs => :wait),
                       finished_at = CASE WHEN created_at + make_interval(secs => :retryFor) <= statement_timestamp()
                                          THEN statement_timestamp() END
                 WHERE id = :id
                RETURNING status = 'pending'""")
            .param("id", deliveryId).param("code", code).param("latency", latencyMillis).param("excerpt", excerpt)
            .param("wait", wait.toMillis() / 1000.0).param("retryFor", retryFor.toMillis() / 1000.0)
            .query(Boolean.class)
            .optional()
            .orElse(true);
    }

    void pause(long webhookId, String reason) {
        jdbc.sql("UPDATE webhook SET active = false, paused_reason = :reason, updated_at = now() WHERE id = :id")
            .param("id", webhookId).param("reason", reason).update();
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        return new Webhook(rs.getLong(1), new AccountId(rs.getLong(2)), rs.getString(3), strings(rs.getArray(4)),
            rs.getBoolean(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant());
    }

    private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new WebhookDelivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getInt(7), rs.getObject(8, Integer.class),
            rs.getObject(9, Integer.class), rs.getString(10), rs.getTimestamp(11).toInstant(),
            rs.getTimestamp(12).toInstant(), instant(rs.getTimestamp(13)));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
