package io.timeledger.auth;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records when a credential was last used, at most once a minute per row, so that a busy client
 * does not turn every read into a write. Shared by personal tokens and OAuth authorizations.
 */
final class LastUse {

    private LastUse() { }

    static void record(JdbcClient jdbc, String table, long id, Instant now) {
        if (!table.equals("credential") && !table.equals("oauth_authorization")) {
            throw new IllegalArgumentException(table);
        }
        jdbc.sql("""
                UPDATE %s SET last_used_at = :now
                 WHERE id = :id AND (last_used_at IS NULL OR last_used_at < CAST(:now AS timestamptz) - interval '1 minute')
                """.formatted(table))
            .param("id", id)
            .param("now", Timestamp.from(now))
            .update();
    }
}
