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
     * Takes, for {@code lease}, one active subscription no other node holds that has work: changes
     * not yet taken in, or a first pending delivery whose time has come.
     */
    Optional<WebhookWork> claim(Duration lease) {
        return jdbc.sql("""
                UPDATE webhook w
                   SET leased_until = statement_timestamp() + make_interval(secs => :lease)
                 WHERE id = (
                       SELECT h.id
                         FROM webhook h
                        WHERE\s""" + WORK + """
                        ORDER BY h.leased_until NULLS FIRST, h.id
                        LIMIT 1
                          FOR UPDATE SKIP LOCKED)
                RETURNING w.id, w.account_id, w.url, w.events, w.secret, w.cursor_seq""")
            .param("lease", lease.toMillis() / 1000.0)
            .query((rs, row) -> new WebhookWork(rs.getLong(1), new AccountId(rs.getLong(2)), rs.getString(3),
                strings(rs.getArray(4)), rs.getString(5), rs.getLong(6)))
            .optional();
    }

    /** Lets the subscription go; its lease ends now, so claims take the longest unserved first. */
    void release(long webhookId) {
        jdbc.sql("UPDATE webhook SET leased_until = statement_timestamp() WHERE id = :id").param("id", webhookId)
            .update();
    }

    /** Moves the cursor from {@code from} to {@code to}; false when it is no longer at {@code from}. */
    boolean advance(long webhookId, long from, long to) {
        return jdbc.sql("UPDATE webhook SET cursor_seq = :to WHERE id = :id AND cursor_seq = :from")
            .param("id", webhookId).param("from", from).param("to", to).update() == 1;
    }

    void insertDelivery(WebhookWork work, long changeSeq, String kind, Instant occurredAt, String body) {
        jdbc.sql("""
                INSERT INTO webhook_delivery (account_id, webhook_id, change_seq, kind, occurred_at, body)
                VALUES (:account, :webhook, :seq, :kind, :at, :body)""")
            .param("account", work.account().value()).param("webhook", work.webhookId()).param("seq", changeSeq)
            .param("kind", kind).param("at", Timestamp.from(occurredAt)).param("body", body)
            .update();
    }

    /** Up to {@code limit} of the subscription's pending deliveries, in order, when the first one's time has come. */
    List<DueDelivery> due(long webhookId, int limit) {
        return jdbc.sql("""
                SELECT id, account_id || '-' || change_seq, kind, body, attempts, created_at
                  FROM webhook_delivery
                 WHERE webhook_id = :webhook AND status = 'pending'
                   AND (SELECT f.next_attempt_at FROM webhook_delivery f
                         WHERE f.webhook_id = :webhook AND f.status = 'pending'
                         ORDER BY f.id LIMIT 1) <= now()
                 ORDER BY id
                 LIMIT :limit""")
            .param("webhook", webhookId).param("limit", limit)
            .query((rs, row) -> new DueDelivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getInt(5), rs.getTimestamp(6).toInstant()))
            .list();
    }

    void delivered(long deliveryId, int code, int latencyMillis, String excerpt) {
        jdbc.sql("""
                UPDATE webhook_delivery
                   SET status = 'delivered', attempts = attempts + 1, response_code = :code, latency_ms = :latency,
                       response_excerpt = :excerpt, finished_at = now()
                 WHERE id = :id""")
            .param("id", deliveryId).param("code", code).param("latency", latencyMillis).param("excerpt", excerpt)
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
