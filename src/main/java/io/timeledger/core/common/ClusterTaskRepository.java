package io.timeledger.core.common;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who ran each cluster-wide task last, and when (V39). */
@Repository
class ClusterTaskRepository {

    private final JdbcClient jdbc;

    ClusterTaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes {@code task} for {@code node} if nobody ran it in the last nine tenths of
     * {@code every} (a node whose schedule runs a little early still finds it due), in one statement.
     */
    boolean take(String task, String node, Duration every) {
        return jdbc.sql("""
                INSERT INTO cluster_task AS t (name, ran_at, ran_by) VALUES (:task, now(), :node)
                ON CONFLICT (name) DO UPDATE SET ran_at = EXCLUDED.ran_at, ran_by = EXCLUDED.ran_by
                 WHERE t.ran_at <= EXCLUDED.ran_at - CAST(:every AS interval) * 0.9
                RETURNING 1
                """)
            .param("task", task)
            .param("node", node)
            .param("every", every.toMillis() + " milliseconds")
            .query(Integer.class)
            .optional()
            .isPresent();
    }
}
