package io.timeledger.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.EventStream;
import io.timeledger.support.Fixtures;
import io.timeledger.support.SecondNode;
import io.timeledger.support.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two servers over one PostgreSQL: each listens once and fans the database's announcements out to
 * its own streams, so a change made through either reaches the streams open on both; a sign-in
 * made on one is a sign-in on both, until it is signed out on either.
 */
@ApiTest
class TwoNodesTests {

    static final Duration SOON = Duration.ofSeconds(5);
    static final String PASSWORD = "two nodes, one sign-in";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired HikariDataSource database;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;
    @TempDir Path dataDir;

    @Test
    void aChangeMadeThroughEitherServerReachesTheStreamsOfBoth() throws Exception {
        var admin = fixtures.anAccount();
        try (var second = SecondNode.start(database, dataDir)) {
            var first = "http://localhost:" + port;
            var other = SecondNode.base(second);
            try (var onFirst = EventStream.withToken(first, "/events", admin.token(), null);
                 var onSecond = EventStream.withToken(other, "/events", admin.token(), null)) {
                assertThat(onFirst.status()).isEqualTo(200);
                assertThat(onSecond.status()).isEqualTo(200);

                startTimer(other, admin.token());
                var heardFirst = onFirst.next(SOON);
                var heardSecond = onSecond.next(SOON);
                api.bearer(admin.token()).put("/api/v1/entries/current", "{\"entry\": {\"description\": \"renamed\"}}")
                    .expect(200);
                var changedOnFirst = onSecond.next(SOON);

                assertThat(heardFirst).isEqualTo(heardSecond);
                assertThat(heardFirst.name()).isEqualTo("dock.changed");
                assertThat(onFirst.next(SOON)).isEqualTo(changedOnFirst);
                assertThat(changedOnFirst.data()).contains("\"version\":2");
            }
        }
    }

    @Test
    void aSignInOnOneServerHoldsOnTheOtherUntilItIsSignedOutOnEither() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        try (var second = SecondNode.start(database, dataDir)) {
            var other = SecondNode.base(second);
            // signed in on the first node; the browser's cookie is sent to both (cookies know no port)
            var pages = WebSession.signedIn(port, person.email(), PASSWORD);
            var timesheet = pages.get(other + "/timesheet");
            assertThat(timesheet.statusCode()).isEqualTo(200);
            assertThat(timesheet.body()).contains(person.email());

            assertThat(WebSession.location(pages.post(other + "/logout", "_csrf",
                WebSession.hidden(pages.get(other + "/profile").body(), "_csrf")))).contains("/login");
            assertThat(WebSession.location(pages.get("/timesheet"))).as("signed out on the first node too")
                .contains("/login");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :email")
            .param("email", person.email()).query(Long.class).single()).isZero();
    }

    private static void startTimer(String base, String token) throws Exception {
        var started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/entries"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"entry\": {\"description\": \"on the second server\"}}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(201);
    }
}
