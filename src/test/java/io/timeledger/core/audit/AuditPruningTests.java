package io.timeledger.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.common.ClusterTasks;
import io.timeledger.support.ApiTest;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Events older than the configured keep are pruned when the next event is recorded — by one node of
 * a cluster in each hour (V39).
 */
@ApiTest
class AuditPruningTests {

    @Autowired AuditRepository repository;
    @Autowired ObjectProvider<Origin> origin;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ClusterTasks clusterTasks;

    @Test
    void eventsOlderThanTheKeepAreForgottenAndNewerOnesKept() {
        var old = "old-" + UUID.randomUUID() + "@example.com";
        var recent = "recent-" + UUID.randomUUID() + "@example.com";
        var trail = new AuditTrail(repository, clusterTasks, origin, clock, Duration.ofDays(30));
        // whichever server pruned last, an hour has passed
        jdbc.sql("DELETE FROM cluster_task WHERE name = 'prune the security log'").update();
        var now = java.sql.Timestamp.from(clock.instant());   // the server's clock wrote every event
        jdbc.sql("INSERT INTO audit_event (occurred_at, kind, email, via) VALUES"
                + " (CAST(:now AS timestamptz) - interval '31 days', 'sign_in.failed', :old, 'web'),"
                + " (CAST(:now AS timestamptz) - interval '29 days', 'sign_in.failed', :recent, 'web')")
            .param("now", now).param("old", old).param("recent", recent).update();

        trail.recordForEmail(AuditKind.SIGN_IN_FAILED, "someone@example.com", "");

        assertThat(trail.search(new AuditFilter(old, null, null, null, 10))).isEmpty();
        assertThat(trail.search(new AuditFilter(recent, null, null, null, 10))).hasSize(1);
    }
}
