package io.timeledger.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.timeledger.support.SecondNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The same limit kept in PostgreSQL for every node ({@code timeledger.rate-limit.shared}): the
 * documented behaviour holds as it does in one node's memory, and two nodes share one allowance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"timeledger.database.ephemeral=true", "timeledger.first-start.enabled=false",
        "timeledger.rate-limit.shared=true"})
class SharedRateLimitTests extends RateLimitTests {

    @Autowired HikariDataSource database;
    @TempDir Path dataDir;

    @Test
    void twoNodesShareOneAllowance() throws Exception {
        var admin = fixtures.anAccount();
        try (var second = SecondNode.start(database, dataDir, "--timeledger.rate-limit.shared=true")) {
            var other = SecondNode.base(second);
            var client = HttpClient.newHttpClient();
            var onSecond = HttpRequest.newBuilder(URI.create(other + "/api/v1/users/me"))
                .header("Authorization", "Bearer " + admin.token()).build();
            for (int i = 0; i < 50; i++) {
                api.bearer(admin.token()).get("/api/v1/users/me").expect(200);
                assertThat(client.send(onSecond, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            }
            // the second node's clock is the machine's, the first's is stopped: both within the window
            var refused = client.send(onSecond, HttpResponse.BodyHandlers.discarding());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            api.bearer(admin.token()).get("/api/v1/users/me").expect(429);
        }
    }
}
