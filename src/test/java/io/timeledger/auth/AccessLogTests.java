package io.timeledger.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** One access log line per request, without its query's secrets; none when turned off. */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogTests {

    @Nested
    @ApiTest
    class On {

        @Autowired Api api;
        @Autowired Fixtures fixtures;

        @Test
        void eachRequestIsOneLineNamingTheCredentialsPrefixAndTheAccount(CapturedOutput output) throws Exception {
            var admin = fixtures.anAccount();
            api.bearer(admin.token()).get("/v2/clients?page=1&access_token=" + admin.token()).expect(200);
            api.anonymous().get("/v2/clients").expect(401);

            var prefix = Secrets.visiblePrefix(admin.token());
            awaitLines(output, 2);
            assertThat(output.getOut().lines().filter(line -> line.contains("timeledger.access")))
                .anySatisfy(line -> assertThat(line).matches(".* GET /v2/clients 200 \\d+ ms " + prefix
                    + " account " + admin.account().value()))
                .anySatisfy(line -> assertThat(line).matches(".* GET /v2/clients 401 \\d+ ms"));
            assertThat(output.getOut()).doesNotContain(admin.token()).doesNotContain("page=1");
        }
    }

    /** A line is written once the answer has gone: the client may read it a moment before. */
    static void awaitLines(CapturedOutput output, long count) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (output.getOut().lines().filter(line -> line.contains("timeledger.access")).count() < count
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Nested
    @ApiTest
    @TestPropertySource(properties = "timeledger.access-log.enabled=false")
    class Off {

        @Autowired Api api;
        @Autowired Fixtures fixtures;

        @Test
        void nothingIsLogged(CapturedOutput output) {
            api.bearer(fixtures.anAccount().token()).get("/v2/clients").expect(200);

            assertThat(output.getOut()).doesNotContain("timeledger.access");
        }
    }
}
