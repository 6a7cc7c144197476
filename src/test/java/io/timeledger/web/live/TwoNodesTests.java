package io.timeledger.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.timeledger.auth.Credentials;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.EventStream;
import io.timeledger.support.Fixtures;
import io.timeledger.support.SecondNode;
import io.timeledger.support.ServerProcess;
import io.timeledger.support.Statements;
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
 * made on one is a sign-in on both, until it is signed out on either; what either remembers (a
 * token's actor, an account's catalog) it forgets within a second of a change made through the other.
 */
@ApiTest
class TwoNodesTests {

    static final Duration SOON = Duration.ofSeconds(5);
    static final String PASSWORD = "two nodes, one sign-in";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired HikariDataSource database;
    @Autowired JdbcClient jdbc;
    @Autowired Credentials credentials;
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

    @Test
    void aStoppedServerEndsItsStreamsAndTheirClientsMissNothingOnTheOther() throws Exception {
        var admin = fixtures.anAccount();
        var second = SecondNode.start(database, dataDir);
        var onSecond = EventStream.withToken(SecondNode.base(second), "/events", admin.token(), null);
        try {
            startTimer(SecondNode.base(second), admin.token());
            var heard = onSecond.next(SOON);
            assertThat(onSecond.reconnectMillis()).as("the reconnect hint").isEqualTo(2_000L);

            long stopping = System.nanoTime();
            second.close();
            assertThat(onSecond.endsWithin(SOON)).as("the stream ended by the stopping server").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("stopped without waiting out its streams")
                .isLessThan(Duration.ofSeconds(10));

            // what changes meanwhile, the client reads on reconnecting — to the server still running
            api.bearer(admin.token()).put("/api/v1/entries/current", "{\"entry\": {\"description\": \"moved\"}}")
                .expect(200);
            try (var onFirst = EventStream.withToken("http://localhost:" + port, "/events", admin.token(),
                    heard.id())) {
                assertThat(onFirst.next(SOON).name()).isEqualTo("dock.changed");
            }
        } finally {
            onSecond.close();
            second.close();
        }
    }

    @Test
    void signingOutOfOtherBrowsersOnOneServerSignsThemOutOnTheOther() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        try (var second = SecondNode.start(database, dataDir)) {
            var here = WebSession.signedIn(port, person.email(), PASSWORD);
            var phone = WebSession.signedIn(SecondNode.port(second), person.email(), PASSWORD);
            var profile = here.get("/profile").body();
            assertThat(profile).contains("This browser").contains("id=\"end-other-sessions\"");
            var browsers = profile.substring(profile.indexOf("id=\"browsers\""), profile.indexOf("</table>",
                profile.indexOf("id=\"browsers\"")));
            assertThat(browsers.split("<tr", -1)).as("the heading row and two sessions").hasSize(4);

            var after = here.submit("/profile/sessions/end-others");
            assertThat(after).contains("Signed out of 1 other browser").doesNotContain("id=\"end-other-sessions\"");
            assertThat(WebSession.location(phone.get("/timesheet"))).as("the phone, on the other server")
                .contains("/login");
            assertThat(here.get("/timesheet").statusCode()).isEqualTo(200);
            assertThat(after).contains("Signed out of other browsers");
        }
    }

    @Test
    void aRevokedTokenAndARenamedProjectAreSeenOnTheOtherServerWithinASecond() throws Exception {
        var admin = fixtures.anAccount();
        var issued = credentials.issuePersonalAccessToken(admin.userId(), admin.account(), "on both");
        var contact = api.bearer(admin.token()).post("/api/v1/contacts", "{\"contact\": {\"name\": \"Both\"}}")
            .expect(201).json().get("id").stringValue();
        var project = api.bearer(admin.token()).post("/api/v1/projects", "{\"project\": {\"name\": \"Before\","
            + " \"contact_id\": \"" + contact + "\"}}").expect(201).json().get("id").stringValue();
        try (var second = SecondNode.start(database, dataDir)) {
            int other = SecondNode.port(second);
            // both remembered on the second server: the token's actor, the account's catalog
            assertThat(ServerProcess.send(other, "GET", "/api/v1/users/me", issued.secret(), null).statusCode())
                .isEqualTo(200);
            assertThat(ServerProcess.send(other, "GET", "/api/v1/projects/" + project, admin.token(), null).body())
                .contains("Before");

            credentials.revoke(issued.credential().id());
            api.bearer(admin.token()).put("/api/v1/projects/" + project, "{\"project\": {\"name\": \"After\"}}")
                .expect(200);
            long changed = System.nanoTime();
            assertThat(Statements.within(() -> statusOn(other, issued.secret()) == 401)).as("revoked there").isTrue();
            assertThat(Statements.within(() -> bodyOn(other, "/api/v1/projects/" + project, admin.token())
                .contains("After"))).as("renamed there").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - changed)).isLessThan(Duration.ofSeconds(1));
        }
    }

    private static int statusOn(int port, String token) {
        try {
            return ServerProcess.send(port, "GET", "/api/v1/users/me", token, null).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bodyOn(int port, String path, String token) {
        try {
            return ServerProcess.send(port, "GET", path, token, null).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
