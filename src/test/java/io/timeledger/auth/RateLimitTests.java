package io.timeledger.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.Fixtures;
import io.timeledger.support.TestClock;
import io.timeledger.support.TestSupport;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The documented limit, as configured by default: 100 requests per credential in any 15 seconds. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"timeledger.database.ephemeral=true", "timeledger.first-start.enabled=false"})
@Import({Fixtures.class, Api.class, TestSupport.class})
class RateLimitTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;

    /** Counted to the second: however long the requests take on a busy machine, the window is the clock's. */
    @BeforeEach
    void stopTheClock() {
        clock.stop();
    }

    @AfterEach
    void letItFlow() {
        clock.flow();
    }

    @Test
    void beyondTheLimitACredentialIsToldWhenToRetryInItsDialectsShape() {
        var admin = fixtures.anAccount();
        var other = fixtures.anAccount();
        for (int i = 0; i < 100; i++) {
            api.bearer(admin.token()).get("/api/v1/users/me").expect(200);
        }

        var minuteDock = api.bearer(admin.token()).get("/api/v1/users/me").expect(429);
        var harvest = api.bearer(admin.token()).get("/v2/users/me").expect(429);

        assertThat(Long.parseLong(minuteDock.header("Retry-After"))).isBetween(14L, 15L);
        assertThat(minuteDock.json().get("error").stringValue()).contains("Retry-After");
        assertThat(harvest.json().get("message").stringValue()).contains("Retry-After");
        // each credential has its own allowance
        api.bearer(other.token()).get("/api/v1/users/me").expect(200);
    }

    @Test
    void noMoreThanAHundredInAnyFifteenSeconds() {
        var admin = fixtures.anAccount();
        for (int i = 0; i < 50; i++) {
            api.bearer(admin.token()).get("/v2/users/me").expect(200);
        }
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 50; i++) {
            api.bearer(admin.token()).get("/v2/users/me").expect(200);
        }
        // 14 s after the first fifty, all hundred are within the window
        clock.advance(Duration.ofSeconds(4));
        assertThat(api.bearer(admin.token()).get("/v2/users/me").expect(429).header("Retry-After")).isEqualTo("1");
        // at 15 s the first fifty leave it, and fifty more are admitted — not one more
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 50; i++) {
            api.bearer(admin.token()).get("/v2/users/me").expect(200);
        }
        api.bearer(admin.token()).get("/v2/users/me").expect(429);
        clock.advance(Duration.ofSeconds(9));
        api.bearer(admin.token()).get("/v2/users/me").expect(429);
        clock.advance(Duration.ofSeconds(1));
        api.bearer(admin.token()).get("/v2/users/me").expect(200);
    }
}
