package io.timeledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Jetty's connection idle timeout (30 s by default) is for a connection nobody reads or writes, not
 * for a request the server is still working on: a request that waits longer than it (here for a
 * lock, with the timeout at one second) is answered when its work is done.
 */
@ApiTest
@TestPropertySource(properties = "server.jetty.connection-idle-timeout=1s")
class SlowRequestsTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void aRequestThatWaitsLongerThanTheIdleTimeoutIsStillAnswered() throws Exception {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token());
        caller.post("/api/v1/entries", "{\"entry\": {\"description\": \"first\"}}").expect(201);
        var locked = new CountDownLatch(1);
        var holder = new Thread(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT 1 FROM dock WHERE membership_id = :membership FOR UPDATE")
                .param("membership", admin.membershipId()).query().listOfRows();
            locked.countDown();
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        locked.await();

        var answer = caller.put("/api/v1/entries/current", "{\"entry\": {\"description\": \"after the wait\"}}");
        holder.join();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).contains("after the wait");
    }
}
