package io.timeledger.api.minutedock;

import static io.timeledger.api.minutedock.MinuteDockEntriesTests.ids;
import static io.timeledger.support.JsonShape.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.Response;
import io.timeledger.support.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ApiTest
class MinuteDockDockTests {

    /** The Dock model's example in the MinuteDock document, with the "date" its GET /dock sample shows. */
    static final String SEED_DOCK = """
        {
          "id": null, "user_account_id": "123456", "contact_id": "1", "project_id": null, "task_ids": [],
          "description": "Working on API documentation", "duration": 3600, "duration_hours": "1.0",
          "account_id": "123456", "user_id": "123456", "invoice_id": null, "rate": null, "timer_active": true,
          "logged": false, "version_id": "550e8400-e29b-41d4-a716-446655440000", "version_client_id": "web-app",
          "version_number": 42, "date": ""
        }""";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;

    @Test
    void anEmptyDockIsJsonNull() {
        var admin = fixtures.anAccount();

        var dock = api.bearer(admin.token()).get("/api/v1/dock").expect(200);
        var timer = api.bearer(admin.token()).get("/api/v1/timer").expect(200);

        assertThat(dock.text()).isEqualTo("null");
        assertThat(timer.text()).isEqualTo("null");
        api.bearer(admin.token()).get("/api/v1/entries/current").expect(404);
    }

    @Test
    void anEntryWithoutADateStartsTheTimerWhichCountsServerSide() {
        var admin = fixtures.anAccount();
        var contact = api.bearer(admin.token()).post("/api/v1/contacts", "{\"contact\": {\"name\": \"ABC\"}}")
            .expect(201).json().get("id").stringValue();

        var started = api.bearer(admin.token()).post("/api/v1/entries", """
            {"entry": {"description": "Working on API documentation", "contact_id": "%s"}}""".formatted(contact))
            .expect(201).json();
        clock.advance(Duration.ofMinutes(60));
        var dock = dock(admin);

        assertThat(started.get("logged").booleanValue()).isFalse();
        assertThat(started.get("date").isNull()).isTrue();
        assertSameShape(SEED_DOCK, dock);
        assertThat(dock.get("timer_active").booleanValue()).isTrue();
        assertThat(dock.get("duration").longValue()).isBetween(3600L, 3605L);
        assertThat(dock.get("duration_hours").stringValue()).isEqualTo("1.0");
        assertThat(dock.get("version_number").longValue()).isEqualTo(1);
        assertThat(api.bearer(admin.token()).get("/api/v1/timer").json()).isEqualTo(dock);
        var current = api.bearer(admin.token()).get("/api/v1/entries/current").expect(200).json();
        assertThat(current.get("id").stringValue()).isEqualTo(started.get("id").stringValue());
        // the dock is not logged time: search does not show it
        assertThat(api.bearer(admin.token()).get("/api/v1/entries").json()).isEmpty();
    }

    @Test
    void pausingKeepsTheSecondsAndLoggingFilesThemUnderTodayInTheUsersZone() {
        var admin = fixtures.anAccount();
        startTimer(admin, "Design review");
        clock.advance(Duration.ofMinutes(30));

        var paused = putDock(admin, "{\"entry\": {\"timer_active\": false, \"version_number\": 1, "
            + "\"version_client_id\": \"laptop\"}}").expect(200).json();
        clock.advance(Duration.ofHours(2));
        var still = dock(admin);
        var resumed = putDock(admin, "{\"entry\": {\"timer_active\": true, \"version_number\": 2}}").expect(200).json();
        clock.advance(Duration.ofMinutes(15));
        var logged = putDock(admin, "{\"entry\": {\"logged\": true, \"version_number\": 3, "
            + "\"version_client_id\": \"phone\"}}").expect(200).json();

        assertThat(paused.get("timer_active").booleanValue()).isFalse();
        assertThat(paused.get("version_number").longValue()).isEqualTo(2);
        assertThat(paused.get("version_client_id").stringValue()).isEqualTo("laptop");
        assertThat(still.get("duration").longValue()).isEqualTo(paused.get("duration").longValue()).isBetween(1800L, 1805L);
        assertThat(resumed.get("timer_active").booleanValue()).isTrue();
        assertThat(logged.get("logged").booleanValue()).isTrue();
        assertThat(logged.get("timer_active").booleanValue()).isFalse();
        assertThat(logged.get("duration").longValue()).isBetween(2700L, 2710L);
        assertThat(logged.get("version_number").longValue()).isEqualTo(4);
        var today = LocalDate.now(clock.withZone(ZoneId.of("Australia/Sydney")));
        assertThat(logged.get("date").stringValue()).isEqualTo(today.toString());
        assertThat(api.bearer(admin.token()).get("/api/v1/dock").text()).isEqualTo("null");
        var entries = api.bearer(admin.token()).get("/api/v1/entries").json();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("description").stringValue()).isEqualTo("Design review");
        assertThat(entries.get(0).get("date").stringValue()).isEqualTo(today.toString());
    }

    @Test
    void theDockCanBeFilledEditedAndGivenADurationThroughPut() {
        var admin = fixtures.anAccount();
        var task = api.bearer(admin.token()).post("/api/v1/tasks", "{\"task\": {\"name\": \"Support\"}}")
            .expect(201).json().get("id").stringValue();

        var filled = putDock(admin, "{\"entry\": {\"description\": \"Inbox #support\", \"timer_active\": false}}")
            .expect(200).json();
        var edited = putDock(admin, "{\"entry\": {\"duration\": 900, \"version_id\": \""
            + filled.get("version_id").stringValue() + "\"}}").expect(200).json();

        assertThat(filled.get("timer_active").booleanValue()).isFalse();
        assertThat(ids(filled.get("task_ids"))).containsExactly(task);
        assertThat(edited.get("duration").longValue()).isEqualTo(900);
        assertThat(edited.get("duration_hours").stringValue()).isEqualTo("0.25");
        assertThat(edited.get("version_number").longValue()).isEqualTo(filled.get("version_number").longValue() + 1);
        assertThat(edited.get("version_id").stringValue()).isNotEqualTo(filled.get("version_id").stringValue());
    }

    @Test
    void aStaleVersionIsRefusedWithTheCurrentDock() {
        var admin = fixtures.anAccount();
        startTimer(admin, "Shared work");
        putDock(admin, "{\"entry\": {\"description\": \"From the laptop\", \"version_number\": 1, "
            + "\"version_client_id\": \"laptop\"}}").expect(200);

        var conflict = putDock(admin, "{\"entry\": {\"description\": \"From the phone\", \"version_number\": 1, "
            + "\"version_client_id\": \"phone\"}}").expect(409).json();
        var staleId = putDock(admin, "{\"entry\": {\"description\": \"From the phone\", "
            + "\"version_id\": \"550e8400-e29b-41d4-a716-446655440000\"}}").expect(409).json();
        var unversioned = putDock(admin, "{\"entry\": {\"description\": \"Blind write\"}}").expect(422).json();

        assertSameShape(SEED_DOCK.replace("\"contact_id\": \"1\"", "\"contact_id\": null"), conflict);
        assertThat(conflict.get("description").stringValue()).isEqualTo("From the laptop");
        assertThat(conflict.get("version_number").longValue()).isEqualTo(2);
        assertThat(conflict.get("version_client_id").stringValue()).isEqualTo("laptop");
        assertThat(staleId.get("version_number").longValue()).isEqualTo(2);
        assertThat(unversioned.get("errors").has("version_number")).isTrue();
        assertThat(dock(admin).get("description").stringValue()).isEqualTo("From the laptop");
    }

    @Test
    void devicesRacingWithTheSameVersionHaveExactlyOneWinner() throws Exception {
        var admin = fixtures.anAccount();
        startTimer(admin, "Race");
        int devices = 8;
        var ready = new CountDownLatch(devices);
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(devices);
        var calls = new ArrayList<Callable<Response>>();
        for (int i = 0; i < devices; i++) {
            var body = "{\"entry\": {\"description\": \"device " + i + "\", \"version_number\": 1, "
                + "\"version_client_id\": \"device-" + i + "\"}}";
            calls.add(() -> {
                ready.countDown();
                go.await();
                return putDock(admin, body);
            });
        }
        var futures = calls.stream().map(pool::submit).toList();
        ready.await();
        go.countDown();
        var statuses = new ArrayList<Integer>();
        String winner = null;
        for (var future : futures) {
            var response = future.get();
            statuses.add(response.status());
            if (response.status() == 200) {
                winner = response.json().get("description").stringValue();
            }
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        var dock = dock(admin);
        assertThat(dock.get("version_number").longValue()).isEqualTo(2);
        assertThat(dock.get("description").stringValue()).isEqualTo(winner);
    }

    @Test
    void concurrentChangesThroughTheDockAndTheCurrentEntryNeverFailOnTheServer() throws Exception {
        var admin = fixtures.anAccount();
        startTimer(admin, "Busy");
        var pool = Executors.newFixedThreadPool(6);
        var calls = new ArrayList<Callable<Response>>();
        for (int i = 0; i < 30; i++) {
            int n = i;
            calls.add(() -> switch (n % 3) {
                case 0 -> putDock(admin, "{\"entry\": {\"timer_active\": " + (n % 2 == 0) + ", \"version_number\": "
                    + dock(admin).get("version_number").longValue() + "}}");
                case 1 -> api.bearer(admin.token()).put("/api/v1/entries/current",
                    "{\"entry\": {\"description\": \"edit " + n + "\"}}");
                default -> api.bearer(admin.token()).post("/api/v1/entries",
                    "{\"entry\": {\"description\": \"timer " + n + "\"}}");
            });
        }
        var statuses = new ArrayList<Integer>();
        for (var future : pool.invokeAll(calls)) {
            statuses.add(future.get().status());
        }
        pool.shutdown();

        assertThat(statuses).allMatch(status -> status < 500);
        assertThat(dock(admin).get("version_number").longValue()).isGreaterThan(1);
    }

    @Test
    void startingANewTimerLogsTheOneRunningOrDropsItUnderAMinute() {
        var admin = fixtures.anAccount();
        startTimer(admin, "First");
        clock.advance(Duration.ofMinutes(45));

        startTimer(admin, "Second");
        clock.advance(Duration.ofSeconds(20));
        startTimer(admin, "Third");

        var logged = api.bearer(admin.token()).get("/api/v1/entries").json();
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).get("description").stringValue()).isEqualTo("First");
        assertThat(logged.get(0).get("duration").longValue()).isBetween(2700L, 2705L);
        var dock = dock(admin);
        assertThat(dock.get("description").stringValue()).isEqualTo("Third");
        assertThat(dock.get("timer_active").booleanValue()).isTrue();
        assertThat(dock.get("version_number").longValue()).isEqualTo(3);
    }

    @Test
    void redockLogsTheDockFirstAndMovesTheEntryBackWithItsTimerRunning() {
        var admin = fixtures.anAccount();
        var old = api.bearer(admin.token()).post("/api/v1/entries", """
            {"entry": {"description": "Yesterday's work", "duration": 3600, "date": "2024-05-01"}}""")
            .expect(201).json().get("id").stringValue();
        startTimer(admin, "Something else");
        clock.advance(Duration.ofMinutes(10));

        var redocked = api.bearer(admin.token()).post("/api/v1/entries/" + old + "/redock", null).expect(200).json();
        clock.advance(Duration.ofMinutes(30));

        assertSameShape(MinuteDockEntriesTests.SEED_ENTRY.replace("\"date\": \"2024-01-20\"", "\"date\": null")
            .replace("\"invoice_id\": \"123456\"", "\"invoice_id\": null")
            .replace("\"logged_at\": \"2024-01-20T14:30:00-05:00\"", "\"logged_at\": null")
            .replace("\"task_ids\": [\"1\"]", "\"task_ids\": []"), redocked);
        assertThat(redocked.get("logged").booleanValue()).isFalse();
        var dock = dock(admin);
        assertThat(dock.get("description").stringValue()).isEqualTo("Yesterday's work");
        assertThat(dock.get("timer_active").booleanValue()).isTrue();
        assertThat(dock.get("duration").longValue()).isBetween(3600L + 1800, 3600L + 1805);
        var logged = api.bearer(admin.token()).get("/api/v1/entries").json();
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).get("description").stringValue()).isEqualTo("Something else");
    }

    @Test
    void redockAddsInsignificantTimeFromTheDockToTheEntry() {
        var admin = fixtures.anAccount();
        var old = api.bearer(admin.token()).post("/api/v1/entries", """
            {"entry": {"description": "Report", "duration": 600, "date": "2024-05-01"}}""")
            .expect(201).json().get("id").stringValue();
        startTimer(admin, "Oops, wrong timer");
        clock.advance(Duration.ofSeconds(40));

        api.bearer(admin.token()).post("/api/v1/entries/" + old + "/redock", null).expect(200);
        putDock(admin, "{\"entry\": {\"timer_active\": false, \"version_number\": 2}}").expect(200);

        assertThat(dock(admin).get("duration").longValue()).isBetween(640L, 645L);
        assertThat(api.bearer(admin.token()).get("/api/v1/entries").json()).isEmpty();
    }

    @Test
    void aRedockedEntryIsLoggedBackWhenANewTimerTakesItsPlaceHoweverShort() {
        var admin = fixtures.anAccount();
        var quick = api.bearer(admin.token()).post("/api/v1/entries", """
            {"entry": {"description": "Quick call", "duration": 20, "date": "2024-05-01"}}""")
            .expect(201).json().get("id").stringValue();
        api.bearer(admin.token()).post("/api/v1/entries/" + quick + "/redock", null).expect(200);
        clock.advance(Duration.ofSeconds(15));

        startTimer(admin, "Next thing");

        var back = api.bearer(admin.token()).get("/api/v1/entries/" + quick).expect(200).json();
        assertThat(back.get("logged").booleanValue()).isTrue();
        assertThat(back.get("description").stringValue()).isEqualTo("Quick call");
        assertThat(back.get("duration").longValue()).isBetween(35L, 40L);
        assertThat(back.get("logged_at").isString()).isTrue();
        assertThat(dock(admin).get("description").stringValue()).isEqualTo("Next thing");
    }

    @Test
    void anotherPersonsEntryCannotBeRedockedAndTheDockIsPersonal() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        var membersEntry = api.bearer(member.token()).post("/api/v1/entries", """
            {"entry": {"duration": 600, "date": "2024-05-01"}}""").expect(201).json().get("id").stringValue();
        startTimer(admin, "Admin's timer");

        api.bearer(admin.token()).post("/api/v1/entries/" + membersEntry + "/redock", null).expect(403);

        assertThat(api.bearer(member.token()).get("/api/v1/dock").text()).isEqualTo("null");
        assertThat(dock(admin).get("description").stringValue()).isEqualTo("Admin's timer");
    }

    @Test
    void anEntryUpdateWithTimerActivePausesAndResumesTheDockedTimer() {
        var admin = fixtures.anAccount();
        startTimer(admin, "Paused by entry update");
        clock.advance(Duration.ofMinutes(20));

        var paused = api.bearer(admin.token()).put("/api/v1/entries/current",
            "{\"entry\": {\"timer_active\": false}}").expect(200).json();
        var id = paused.get("id").stringValue();
        clock.advance(Duration.ofHours(1));
        var still = dock(admin);
        var resumed = api.bearer(admin.token()).patch("/api/v1/entries/" + id,
            "{\"timer_active\": true, \"description\": \"Resumed\"}").expect(200).json();
        clock.advance(Duration.ofMinutes(10));

        assertThat(still.get("timer_active").booleanValue()).isFalse();
        assertThat(still.get("duration").longValue()).isEqualTo(paused.get("duration").longValue()).isBetween(1200L, 1205L);
        assertThat(resumed.get("description").stringValue()).isEqualTo("Resumed");
        assertThat(dock(admin).get("timer_active").booleanValue()).isTrue();
        assertThat(dock(admin).get("duration").longValue()).isBetween(1800L, 1810L);
        assertThat(dock(admin).get("version_number").longValue()).isEqualTo(3);
        // an entry that is not docked has no timer to start or stop: the rest of the update applies
        var logged = api.bearer(admin.token()).post("/api/v1/entries",
            "{\"entry\": {\"duration\": 600, \"date\": \"2026-11-02\", \"logged\": true}}").expect(201).json();
        var other = api.bearer(admin.token()).put("/api/v1/entries/" + logged.get("id").stringValue(),
            "{\"entry\": {\"timer_active\": true, \"description\": \"Elsewhere\"}}").expect(200).json();
        assertThat(other.get("description").stringValue()).isEqualTo("Elsewhere");
        assertThat(api.bearer(admin.token()).get("/api/v1/entries/current").expect(200).json().get("id").stringValue())
            .isEqualTo(id);
    }

    @Test
    void updatingAndDeletingTheCurrentEntryMoveTheDocksVersionOn() {
        var admin = fixtures.anAccount();
        startTimer(admin, "Current");

        var updated = api.bearer(admin.token()).put("/api/v1/entries/current",
            "{\"entry\": {\"description\": \"Renamed\"}}").expect(200).json();
        var versionAfterUpdate = dock(admin).get("version_number").longValue();
        api.bearer(admin.token()).delete("/api/v1/entries/current").expect(200);

        assertThat(updated.get("description").stringValue()).isEqualTo("Renamed");
        assertThat(versionAfterUpdate).isEqualTo(2);
        assertThat(api.bearer(admin.token()).get("/api/v1/dock").text()).isEqualTo("null");
        var conflict = putDock(admin, "{\"entry\": {\"description\": \"stale\", \"version_number\": 2}}")
            .expect(409).json();
        assertThat(conflict.get("version_number").longValue()).isEqualTo(3);
    }

    @Test
    void loggingAnEmptyDockAndBadFieldsAreRefused() {
        var admin = fixtures.anAccount();

        putDock(admin, "{\"entry\": {\"logged\": true}}").expect(422);
        putDock(admin, "{\"entry\": {\"timer_active\": \"yes\"}}").expect(422);
        putDock(admin, "{\"entry\": {\"duration\": -1}}").expect(422);
        putDock(admin, "{\"entry\": {\"version_id\": \"not-a-uuid\"}}").expect(422);
        putDock(admin, "[]").expect(422);

        assertThat(api.bearer(admin.token()).get("/api/v1/dock").text()).isEqualTo("null");
    }

    private void startTimer(Person person, String description) {
        api.bearer(person.token()).post("/api/v1/entries", "{\"entry\": {\"description\": \"" + description + "\"}}")
            .expect(201);
    }

    private JsonNode dock(Person person) {
        return api.bearer(person.token()).get("/api/v1/dock").expect(200).json();
    }

    private Response putDock(Person person, String body) {
        return api.bearer(person.token()).put("/api/v1/dock", body);
    }
}
