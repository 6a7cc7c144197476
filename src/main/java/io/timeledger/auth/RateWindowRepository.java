package io.timeledger.auth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rate windows every node shares (V38), each admission one statement. */
@Repository
class RateWindowRepository {

    private final JdbcClient jdbc;

    RateWindowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Admits a request of {@code credential} at {@code now} and answers 0, or answers the
     * milliseconds until it would be: at most {@code requests} in any {@code periodMillis}. The
     * row lock of {@code ON CONFLICT DO UPDATE} puts the nodes' requests in one order; a refused
     * request changes nothing, and its wait is read from the window as the statement found it.
     */
    long admit(String credential, long now, int requests, long periodMillis) {
        return jdbc.sql("""
                WITH admitted AS (
                    INSERT INTO rate_window AS w (credential, admitted) VALUES (:credential, ARRAY[CAST(:now AS bigint)])
                    ON CONFLICT (credential) DO UPDATE
                        SET admitted = w.admitted[greatest(cardinality(w.admitted) - :requests + 2, 1):] || EXCLUDED.admitted
                      WHERE cardinality(w.admitted) < :requests
                         OR w.admitted[cardinality(w.admitted) - :requests + 1] <= :now - :period
                    RETURNING 0 AS wait)
                SELECT wait FROM admitted
                UNION ALL
                SELECT greatest(w.admitted[cardinality(w.admitted) - :requests + 1] + :period - :now, 1)
                  FROM rate_window w
                 WHERE w.credential = :credential AND NOT EXISTS (SELECT FROM admitted)
                """)
            .param("credential", credential)
            .param("now", now)
            .param("requests", requests)
            .param("period", periodMillis)
            .query(Long.class)
            .optional()
            .orElse(0L);
    }
}
