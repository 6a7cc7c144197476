package io.timeledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

/**
 * While the server is not ready (its first-start setup still running, or shutting down), a
 * request answers 503 in its dialect's shape — not the 401 of a token about to exist — and the
 * readiness probe says so; liveness does not.
 */
@ApiTest
class NotReadyYetTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationContext context;

    @Test
    void aServerNotYetReadyAnswersRetryShortlyEverywhereButItsHealth() {
        var admin = fixtures.anAccount();
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            var harvest = api.bearer(admin.token()).get("/v2/clients");
            var minuteDock = api.anonymous().get("/api/v1/contacts");
            var page = api.anonymous().get("/login");
            var readiness = api.anonymous().get("/readyz");
            var liveness = api.anonymous().get("/livez");

            assertThat(harvest.status()).isEqualTo(503);
            assertThat(harvest.text()).startsWith("{\"message\"").contains("retry shortly");
            assertThat(harvest.header("Retry-After")).isNotNull();
            assertThat(minuteDock.status()).isEqualTo(503);
            assertThat(minuteDock.text()).startsWith("{\"error");
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.text()).contains("<!DOCTYPE html>");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(liveness.status()).isEqualTo(200);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        api.bearer(admin.token()).get("/v2/clients").expect(200);
    }
}
