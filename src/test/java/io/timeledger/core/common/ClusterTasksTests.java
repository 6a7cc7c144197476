package io.timeledger.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.ApiTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Housekeeping runs once per period however many nodes offer to run it. */
@ApiTest
class ClusterTasksTests {

    @Autowired ClusterTasks tasks;
    @Autowired JdbcClient jdbc;

    @Test
    void theFirstNodeToOfferInAPeriodRunsTheTaskAndTheOthersSkipIt() {
        var runs = new AtomicInteger();
        var hourly = Duration.ofHours(1);
        assertThat(tasks.runIfDue("count for the test", hourly, runs::incrementAndGet)).isTrue();
        // the same node, or any other, offering again within the hour
        assertThat(tasks.runIfDue("count for the test", hourly, runs::incrementAndGet)).isFalse();
        assertThat(runs).hasValue(1);
        // another task is counted apart
        assertThat(tasks.runIfDue("another task", hourly, () -> { })).isTrue();

        // an hour on (nine tenths of one is enough: schedules drift), the next offer runs it again
        jdbc.sql("UPDATE cluster_task SET ran_at = now() - interval '55 minutes' WHERE name = 'count for the test'")
            .update();
        assertThat(tasks.runIfDue("count for the test", hourly, runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
        assertThat(jdbc.sql("SELECT ran_by FROM cluster_task WHERE name = 'count for the test'").query(String.class)
            .single()).contains("@");
    }
}
