package io.timeledger.support;

/** What tests find the server's statements by in pg_stat_statements. */
public final class Statements {

    /**
     * Contained in both authentication statements, a token's and an OAuth access token's, and no
     * other: the common table expression that records the last use (LastUse).
     */
    public static final String AUTHENTICATION = "touched AS (";

    private Statements() {
    }
}
