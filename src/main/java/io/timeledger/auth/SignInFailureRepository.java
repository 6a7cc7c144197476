package io.timeledger.auth;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The failed sign-ins counted per email (keyed by {@code email_key}, V19), each statement alone. */
@Repository
class SignInFailureRepository {

    private final JdbcClient jdbc;

    SignInFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts one more failure for {@code email} and answers the count, unless the email holds
     * {@code max} failures within {@code lock} already (then empty: locked). A count older than the
     * lock starts again at one. The row lock of {@code ON CONFLICT DO UPDATE} serialises attempts.
     */
    Optional<Integer> countFailure(String email, Instant now, Duration lock, int max) {
        return jdbc.sql("""
                INSERT INTO sign_in_failure AS f (email, failures, last_failure)
                VALUES (email_key(:email), 1, :now)
                ON CONFLICT (email) DO UPDATE SET
                    failures = CASE WHEN f.last_failure <= EXCLUDED.last_failure - CAST(:lock AS interval)
                                    THEN 1 ELSE f.failures + 1 END,
                    last_failure = EXCLUDED.last_failure
                 WHERE f.failures < :max OR f.last_failure <= EXCLUDED.last_failure - CAST(:lock AS interval)
                RETURNING failures
                """)
            .param("email", email)
            .param("now", Timestamp.from(now))
            .param("lock", lock.toSeconds() + " seconds")
            .param("max", max)
            .query(Integer.class)
            .optional();
    }

    /** Forgets the counts last failed before {@code cutoff}. */
    void forgetBefore(Instant cutoff) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE last_failure < CAST(:cutoff AS timestamptz)")
            .param("cutoff", Timestamp.from(cutoff))
            .update();
    }

    Optional<Instant> lastFailure(String email) {
        return jdbc.sql("SELECT last_failure FROM sign_in_failure WHERE email = email_key(:email)")
            .param("email", email)
            .query(Timestamp.class)
            .optional()
            .map(Timestamp::toInstant);
    }

    void forget(String email) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE email = email_key(:email)")
            .param("email", email)
            .update();
    }
}
