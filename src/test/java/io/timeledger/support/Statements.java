package io.timeledger.support;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What PostgreSQL counts of the server's statements: pg_stat_statements, loaded in the tests'
 * throw-away cluster, which also tracks planning (EmbeddedDatabase).
 */
@TestComponent
public class Statements {

    /**
     * Contained in both authentication statements, a token's and an OAuth access token's, and no
     * other: the common table expression that records the last use (LastUse).
     */
    public static final String AUTHENTICATION = "touched AS (";

    /**
     * The condition on pg_stat_statements that keeps the server's statements made for requests: this
     * database's, not ours, nor the webhook senders' question between their turns (WebhookRepository).
     */
    public static final String SERVERS = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
        + " AND query !~* 'pg_stat_statements' AND query NOT LIKE '%webhook senders%'";

    private final JdbcClient jdbc;

    Statements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What PostgreSQL ran for a request: its statements (BEGIN, COMMIT and authentication aside) and
     * the transactions it began.
     */
    public record RoundTrips(long statements, long transactions) { }

    /**
     * Contained in every statement the change log's triggers run as a transaction commits (V25, V35:
     * the call of append_change and the statements inside it): they are the commit's own work, not
     * round trips.
     */
    public static final String CHANGE_LOG = "changed_account";
    /** The triggers' call of the function that appends a change (V35). */
    public static final String APPEND_CHANGE = "append_change(";

    /** What {@code request} cost, counted by PostgreSQL. */
    public RoundTrips of(Runnable request) {
        reset();
        request.run();
        return jdbc.sql("""
                SELECT coalesce(sum(calls) FILTER (WHERE query !~* '^\\s*(BEGIN|COMMIT|ROLLBACK|SET|SHOW)\\M'), 0),
                       coalesce(sum(calls) FILTER (WHERE query ~* '^\\s*(BEGIN|START)\\M'), 0)
                  FROM pg_stat_statements
                 WHERE %s AND query NOT LIKE '%%' || :authentication || '%%'
                   AND query NOT LIKE '%%' || :changeLog || '%%'
                   AND query NOT LIKE '%%' || :appendChange || '%%'
                """.formatted(SERVERS))
            .param("authentication", AUTHENTICATION)
            .param("changeLog", CHANGE_LOG)
            .param("appendChange", APPEND_CHANGE)
            .query((rs, row) -> new RoundTrips(rs.getLong(1), rs.getLong(2)))
            .single();
    }

    /** How many of the statements {@code request} made hold {@code text}: those that read a table, say. */
    public long holding(String text, Runnable request) {
        reset();
        request.run();
        return jdbc.sql("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE %s AND query LIKE :text"
                .formatted(SERVERS))
            .param("text", "%" + text + "%")
            .query(Long.class)
            .single();
    }

    /** How long a change announced by PostgreSQL may take to reach the server: it arrives in milliseconds. */
    public static final Duration MOMENTS = Duration.ofSeconds(3);

    /**
     * Whether {@code condition} comes true within {@link #MOMENTS}, asked every 20 ms: for what a
     * change announced by PostgreSQL reaches within milliseconds.
     */
    public static boolean within(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + MOMENTS.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return true;
            }
            pause(20);
        }
        return false;
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Forgets what has been counted so far (loading the extension the first time). */
    public void reset() {
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
        jdbc.sql("SELECT pg_stat_statements_reset()").query().singleValue();
    }
}
