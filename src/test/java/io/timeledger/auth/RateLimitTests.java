package io.timeledger.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.Fixtures;
import io.timeledger.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"timeledger.database.ephemeral=true", "timeledger.first-start.enabled=false",
        "timeledger.rate-limit.requests=3", "timeledger.rate-limit.period=1h"})
@Import({Fixtures.class, Api.class, TestSupport.class})
class RateLimitTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    @Test
    void beyondTheLimitACredentialIsToldWhenToRetryInItsDialectsShape() {
        var admin = fixtures.anAccount();
        var other = fixtures.anAccount();
        for (int i = 0; i < 3; i++) {
            api.bearer(admin.token()).get("/api/v1/users/me").expect(200);
        }

        var minuteDock = api.bearer(admin.token()).get("/api/v1/users/me").expect(429);
        var harvest = api.bearer(admin.token()).get("/v2/users/me").expect(429);

        assertThat(Long.parseLong(minuteDock.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(minuteDock.json().get("error").stringValue()).contains("Retry-After");
        assertThat(harvest.json().get("message").stringValue()).contains("Retry-After");
        // each credential has its own allowance
        api.bearer(other.token()).get("/api/v1/users/me").expect(200);
    }
}
