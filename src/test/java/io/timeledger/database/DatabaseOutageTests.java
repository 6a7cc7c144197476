package io.timeledger.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.TimeledgerApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database goes away under a running server: requests answer 503 in the dialect's shape,
 * and when it comes back the server serves again by itself, with everything acknowledged kept.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTests {

    private static final Pattern TOKEN = Pattern.compile("tlp_[A-Za-z0-9_-]{43}");

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    /** Keeps the sign-in form's session, as a browser would. */
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @TempDir
    Path pgData;

    @TempDir
    Path appData;

    @Test
    void aServerOutlivesItsDatabaseGoingAwayAndComingBack(CapturedOutput output) throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var postgres = start(port);
        try (var server = new SpringApplicationBuilder(TimeledgerApplication.class).run("--server.port=0",
                "--timeledger.database.url=jdbc:postgresql://localhost:" + port + "/postgres",
                "--timeledger.database.user=postgres", "--timeledger.database.data-dir=" + appData,
                "--spring.datasource.hikari.connection-timeout=1000")) {
            var token = TOKEN.matcher(output.getOut()).results().map(m -> m.group()).findFirst().orElseThrow();
            assertThat(call(server, token, "POST", "/api/v1/contacts", "{\"contact\": {\"name\": \"Kept\"}}")
                .statusCode()).isEqualTo(201);

            var signInForm = browser.send(HttpRequest.newBuilder(uri(server, "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            var csrf = CSRF.matcher(signInForm).results().map(m -> m.group(1)).findFirst().orElseThrow();

            postgres.close();
            var minuteDock = call(server, token, "GET", "/api/v1/contacts", null);
            var harvest = call(server, token, "GET", "/v2/clients", null);
            var signIn = browser.send(HttpRequest.newBuilder(uri(server, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=someone%40example.com&password=secret&_csrf=" + csrf))
                .build(), HttpResponse.BodyHandlers.ofString());
            var tokenRequest = http.send(HttpRequest.newBuilder(uri(server, "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                    "grant_type=client_credentials&client_id=an-app&client_secret=its-secret"))
                .build(), HttpResponse.BodyHandlers.ofString());

            var readiness = http.send(HttpRequest.newBuilder(uri(server, "/readyz")).build(),
                HttpResponse.BodyHandlers.ofString());
            var liveness = http.send(HttpRequest.newBuilder(uri(server, "/livez")).build(),
                HttpResponse.BodyHandlers.ofString());

            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(503);
            assertThat(signIn.body()).contains("<!DOCTYPE html>").contains("unavailable");
            assertThat(signIn.headers().firstValue("Retry-After")).isPresent();
            assertThat(tokenRequest.statusCode()).as(tokenRequest.body()).isEqualTo(503);
            assertThat(tokenRequest.body()).contains("unavailable").doesNotContain("Exception");

            assertThat(minuteDock.statusCode()).isEqualTo(503);
            assertThat(minuteDock.body()).contains("\"error\"").contains("unavailable");
            assertThat(minuteDock.headers().firstValue("Retry-After")).isPresent();
            assertThat(harvest.statusCode()).isEqualTo(503);
            assertThat(harvest.body()).contains("\"message\"");

            postgres = start(port);
            var deadline = Instant.now().plus(Duration.ofSeconds(30));
            HttpResponse<String> again;
            do {
                Thread.sleep(200);
                again = call(server, token, "GET", "/api/v1/contacts", null);
            } while (again.statusCode() != 200 && Instant.now().isBefore(deadline));
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("Kept");
            assertThat(http.send(HttpRequest.newBuilder(uri(server, "/readyz")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            // frozen (every PostgreSQL process stopped, its sockets open): health still answers, in time
            var frozen = freeze(postgres);
            try {
                var health = http.send(HttpRequest.newBuilder(uri(server, "/readyz"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("DOWN");
            } finally {
                signal("CONT", frozen);
            }
            // the listener that lets the server remember credentials and catalogs (decisions 011, 012) is back as well
            while (!output.getOut().contains("Listening for changes made elsewhere again")
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(output.getOut()).contains("Not listening for changes made elsewhere",
                "Listening for changes made elsewhere again");
        } finally {
            postgres.close();
        }
    }

    /** Stops (SIGSTOP) the postmaster and every backend; returns their pids, to continue them. */
    private List<Long> freeze(EmbeddedPostgres postgres) throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
        var pids = Stream.concat(Stream.of(postmaster), ProcessHandle.of(postmaster).orElseThrow().descendants()
            .map(ProcessHandle::pid)).toList();
        signal("STOP", pids);
        return pids;
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        var command = new java.util.ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private EmbeddedPostgres start(int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(port).start();
    }

    private static URI uri(ConfigurableApplicationContext server, String path) {
        return URI.create("http://localhost:" + server.getEnvironment().getProperty("local.server.port") + path);
    }

    private HttpResponse<String> call(ConfigurableApplicationContext server, String token, String method, String path,
                                      String body) throws Exception {
        var request = HttpRequest.newBuilder(uri(server, path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(20))
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
