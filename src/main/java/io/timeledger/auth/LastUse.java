package io.timeledger.auth;

/**
 * When a credential was last used, recorded at most once a minute per row so that a busy client
 * does not turn every read into a write. A common table expression for the statement that
 * authenticates: it names the row found as {@code c} and the request's time as {@code :now}.
 */
final class LastUse {

    private LastUse() { }

    static String touch(String table) {
        if (!table.equals("credential") && !table.equals("oauth_authorization")) {
            throw new IllegalArgumentException(table);
        }
        return """
            touched AS (
                UPDATE %s SET last_used_at = :now
                 WHERE id = (SELECT id FROM c)
                   AND (last_used_at IS NULL OR last_used_at < CAST(:now AS timestamptz) - interval '1 minute'))
            """.formatted(table);
    }
}
