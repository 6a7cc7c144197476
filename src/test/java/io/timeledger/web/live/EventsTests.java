package io.timeledger.web.live;

import static io.timeledger.support.WebSession.hidden;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Role;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.EventStream;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.WebSession;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /events}: the change feed, live and replayed, to pages and API credentials alike. */
@ApiTest
class EventsTests {

    static final Duration SOON = Duration.ofSeconds(5);
    static final Duration A_MOMENT = Duration.ofMillis(700);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired EventStreams streams;
    @Value("${local.server.port}") int port;

    @Test
    void aTimerStartedAndTimeLoggedOverTheApiReachTheDevicesFollowingThePerson() {
        var admin = fixtures.anAccount();
        try (var stream = open(admin, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.headers().get("content-type").get(0)).startsWith("text/event-stream");

            api.bearer(admin.token()).post("/api/v1/entries", "{\"entry\": {\"description\": \"Writing the spec\"}}")
                .expect(201);
            var started = stream.next(SOON);
            var logged = logHalfAnHour(admin);
            var created = stream.next(SOON);

            assertThat(started.name()).as("the dock's entry is not logged time: its changes are the dock's")
                .isEqualTo("dock.changed");
            assertThat(JSON.readTree(started.data()).get("version").longValue()).isEqualTo(1);
            assertThat(JSON.readTree(started.data()).get("person_id").longValue()).isEqualTo(admin.membershipId());
            assertThat(created.name()).isEqualTo("entry.created");
            assertThat(JSON.readTree(created.data()).get("entry_id").longValue()).isEqualTo(Long.parseLong(logged));
            assertThat(Long.parseLong(created.id())).isEqualTo(Long.parseLong(started.id()) + 1);
        }
    }

    @Test
    void aSignedInPageFollowsTheChangesOfItsPersonAndNobodySignedOutDoes() throws Exception {
        var person = fixtures.anAccountSigningInWith("correct horse battery");
        var cookies = new CookieManager();
        var browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        var login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
        browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(WebSession.form(List.of("email", person.email(),
                "password", "correct horse battery", "_csrf", hidden(login.body(), "_csrf")))))
            .build(), HttpResponse.BodyHandlers.ofString());

        try (var page = EventStream.open(browser, base() + "/events?only=mine");
             var nobody = EventStream.open(HttpClient.newHttpClient(), base() + "/events")) {
            logHalfAnHour(person);

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.next(SOON).name()).isEqualTo("entry.created");
            assertThat(nobody.status()).isEqualTo(401);
        }
    }

    @Test
    void membersFollowTheirOwnTimeManagersEveryonesAndNoOtherAccountIsHeard() {
        var admin = fixtures.anAccount();
        var member = fixtures.aPerson(admin.account(), Role.MEMBER, new BigDecimal("50.00"));
        var stranger = fixtures.anAccount();
        try (var adminStream = open(admin, null); var memberStream = open(member, null);
             var strangerStream = open(stranger, null)) {
            logHalfAnHour(admin);
            logHalfAnHour(member);

            var adminHeard = adminStream.next(SOON);
            var adminHeardMember = adminStream.next(SOON);
            var memberHeard = memberStream.next(SOON);

            assertThat(JSON.readTree(adminHeard.data()).get("person_id").longValue()).isEqualTo(admin.membershipId());
            assertThat(JSON.readTree(adminHeardMember.data()).get("person_id").longValue())
                .isEqualTo(member.membershipId());
            assertThat(JSON.readTree(memberHeard.data()).get("person_id").longValue())
                .isEqualTo(member.membershipId());
            assertThat(memberStream.during(A_MOMENT)).isEmpty();
            assertThat(strangerStream.during(A_MOMENT)).isEmpty();
        }
    }

    @Test
    void aClientReconnectingWithTheLastIdItSawHearsEverythingItMissedInOrder() {
        var admin = fixtures.anAccount();
        String seen;
        try (var stream = open(admin, null)) {
            logHalfAnHour(admin);
            seen = stream.next(SOON).id();
        }
        var missed = new ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            missed.add(Long.parseLong(logHalfAnHour(admin)));
        }

        try (var again = open(admin, seen)) {
            var replayed = List.of(again.next(SOON), again.next(SOON), again.next(SOON));
            logHalfAnHour(admin);
            var live = again.next(SOON);

            assertThat(replayed).extracting(event -> JSON.readTree(event.data()).get("entry_id").longValue())
                .containsExactlyElementsOf(missed);
            assertThat(replayed).extracting(event -> Long.parseLong(event.id()))
                .containsExactly(Long.parseLong(seen) + 1, Long.parseLong(seen) + 2, Long.parseLong(seen) + 3);
            assertThat(Long.parseLong(live.id())).isEqualTo(Long.parseLong(seen) + 4);
        }
    }

    @Test
    void aChangeRolledBackIsNeitherLoggedNorAnnouncedAndLeavesNoGap() {
        var admin = fixtures.anAccount();
        try (var stream = open(admin, null)) {
            logHalfAnHour(admin);
            long before = Long.parseLong(stream.next(SOON).id());

            transactions.executeWithoutResult(status -> {
                jdbc.sql("UPDATE entry SET description = 'never' WHERE account_id = :account")
                    .param("account", admin.account().value()).update();
                status.setRollbackOnly();
            });
            logHalfAnHour(admin);

            var next = stream.next(SOON);
            assertThat(next.name()).isEqualTo("entry.created");
            assertThat(Long.parseLong(next.id())).isEqualTo(before + 1);
            assertThat(jdbc.sql("SELECT count(*) FROM change_log WHERE account_id = :account")
                .param("account", admin.account().value()).query(Long.class).single()).isEqualTo(2);
        }
    }

    @Test
    void aStreamOpenedWhileTheServerListensToNothingStillHearsEverything() throws Exception {
        var admin = fixtures.anAccount();
        try (var first = open(admin, null)) {
            logHalfAnHour(admin);
            first.next(SOON);
        }
        // every stream closed a while ago (timeledger.events.still-wanted is 1 s here): nothing is listened on
        long quiet = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (streams.wanted() && System.nanoTime() < quiet) {
            Thread.sleep(100);
        }
        assertThat(streams.wanted()).isFalse();

        try (var stream = open(admin, null)) {
            var logged = logHalfAnHour(admin);
            var heard = stream.next(SOON);

            assertThat(JSON.readTree(heard.data()).get("entry_id").longValue()).isEqualTo(Long.parseLong(logged));
            assertThat(streams.wanted()).isTrue();
        }
    }

    @Test
    void streamsOpenAgainAfterTheServerWasStoppedAndStarted() {
        var admin = fixtures.anAccount();
        // what Spring's test framework does to a cached context between classes, and a server's restart
        streams.stop();
        streams.start();

        try (var stream = open(admin, null)) {
            logHalfAnHour(admin);

            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next(SOON).name()).isEqualTo("entry.created");
        }
    }

    @Test
    void anIdTheLogDoesNotHoldTellsTheClientToReadEverythingAgain() {
        var admin = fixtures.anAccount();
        logHalfAnHour(admin);

        try (var stream = open(admin, "9999")) {
            var reset = stream.next(SOON);

            assertThat(reset.name()).isEqualTo("reset");
            assertThat(reset.id()).isEqualTo("1");
        }
        try (var garbled = open(admin, "yesterday")) {
            assertThat(garbled.status()).isEqualTo(400);
        }
    }

    @Test
    void idleStreamsHearHeartbeatsAndEachPersonHoldsAtMostTwentyOpen() {
        var admin = fixtures.anAccount();
        var held = new ArrayList<EventStream>();
        try {
            for (int i = 0; i < 20; i++) {
                held.add(open(admin, null));
            }
            try (var oneTooMany = open(admin, null)) {
                assertThat(oneTooMany.status()).isEqualTo(429);
            }
            assertThat(held.get(0).nextComment(SOON).data()).isEqualTo("timeledger");
            assertThat(held.get(0).nextComment(SOON).data()).isEqualTo(EventStreams.HEARTBEAT);
        } finally {
            held.forEach(EventStream::close);
        }
        // closed streams are counted out again
        awaitOpening(admin);
    }

    private void awaitOpening(Person person) {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (true) {
            try (var stream = open(person, null)) {
                if (stream.status() == 200) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("closed streams still count against the person");
            }
        }
    }

    /** Logs half an hour through MinuteDock; answers the new entry's id. */
    private String logHalfAnHour(Person person) {
        return api.bearer(person.token()).post("/api/v1/entries",
            "{\"entry\": {\"date\": \"2026-03-02\", \"duration\": 1800, \"description\": \"logged\"}}")
            .expect(201).json().get("id").stringValue();
    }

    private EventStream open(Person person, String lastEventId) {
        return EventStream.withToken(base(), "/events", person.token(), lastEventId);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
