package io.timeledger.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.Fixtures;
import io.timeledger.support.TestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With a management port, the metrics are served there and nowhere else; health stays on the server's port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"timeledger.database.ephemeral=true", "timeledger.first-start.enabled=false",
        "timeledger.rate-limit.enabled=false"})
@Import({Fixtures.class, Api.class, TestSupport.class})
class ManagementPortTests {

    static final int MANAGEMENT_PORT = freePort();

    @DynamicPropertySource
    static void managementPort(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
    }

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    @Test
    void metricsAnswerOnTheManagementPortOnlyAndHealthOnBoth() throws Exception {
        var admin = fixtures.anAccount();
        api.anonymous().get("/actuator/prometheus").expect(404);
        api.bearer(admin.token()).get("/actuator/prometheus").expect(404);
        api.anonymous().get("/readyz").expect(200);
        api.anonymous().get("/livez").expect(200);

        var http = HttpClient.newHttpClient();
        var metrics = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + MANAGEMENT_PORT + "/actuator/prometheus")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count");
        var health = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + MANAGEMENT_PORT + "/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
