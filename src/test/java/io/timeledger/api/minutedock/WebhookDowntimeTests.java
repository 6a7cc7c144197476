package io.timeledger.api.minutedock;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.Fixtures;
import io.timeledger.support.TestSupport;
import io.timeledger.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A receiver down for a whole minute, with the retries as configured by default (10 s, then
 * doubling): nothing posted meanwhile is lost, and once it is back every event arrives, in order,
 * at the next retry. Takes about a minute and a half, on purpose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"timeledger.database.ephemeral=true", "timeledger.first-start.enabled=false",
        "timeledger.rate-limit.enabled=false", "timeledger.webhooks.allow-private=true"})
@Import({Fixtures.class, Api.class, TestSupport.class})
class WebhookDowntimeTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration DOWN = Duration.ofMinutes(1);
    /** The first retry 10 s after the first failure, then 20 s, 40 s: the one after a minute down comes at 70 s. */
    static final Duration BACK_WITHIN = Duration.ofSeconds(60);

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void unsubscribe() {
        jdbc.sql("DELETE FROM webhook").update();
    }

    @Test
    void aReceiverDownForAMinuteGetsEverythingInOrderOnceItIsBack() throws Exception {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token());
        int port;
        String url;
        try (var first = new WebhookReceiver()) {
            port = first.port();
            url = first.url();
        }
        // down: nothing listens on its port
        caller.post("/api/v1/webhooks", "{\"webhook\": {\"url\": \"" + url + "\", \"events\": [\"entry.created\"]}}")
            .expect(201);
        var ids = new ArrayList<String>();
        for (var description : new String[] {"One", "Two", "Three"}) {
            ids.add(caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-11-02\", \"duration\": 600,"
                + " \"description\": \"" + description + "\"}}").expect(201).json().get("id").stringValue());
        }
        Thread.sleep(DOWN.toMillis());

        try (var back = new WebhookReceiver(port)) {
            long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
            while (back.taken().size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(back.taken()).extracting(taken -> JSON.readTree(taken.body()).get("object").get("id")
                .stringValue()).containsExactlyElementsOf(ids);
            var path = "/api/v1/webhooks/" + caller.get("/api/v1/webhooks").json().get(0).get("id").stringValue()
                + "/deliveries";
            // each answer is recorded a moment after the receiver has it
            WebhookReceiver.awaitThat(() -> caller.get(path).json().valueStream()
                .allMatch(delivery -> delivery.get("status").stringValue().equals("delivered")));
            var log = caller.get(path).expect(200).json();
            assertThat(log.get(log.size() - 1).get("attempts").intValue()).as("the first, tried while it was down")
                .isGreaterThan(1);
        }
    }
}
