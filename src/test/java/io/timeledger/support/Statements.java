package io.timeledger.support;

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

    /** The condition on pg_stat_statements that keeps the server's statements: this database's, not ours. */
    public static final String SERVERS = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
        + " AND query !~* 'pg_stat_statements'";

    private final JdbcClient jdbc;

    Statements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Forgets what has been counted so far (loading the extension the first time). */
    public void reset() {
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
        jdbc.sql("SELECT pg_stat_statements_reset()").query().singleValue();
    }
}
