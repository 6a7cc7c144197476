package io.timeledger.api.harvest;

import static io.timeledger.support.JsonShape.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Role;
import io.timeledger.core.catalog.AssignmentChanges;
import io.timeledger.core.catalog.Assignments;
import io.timeledger.core.common.Field;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ApiTest
class HarvestTimeEntriesTests {

    /**
     * The document's "create a time entry via start and end time" example response, with what
     * Harvest's live API adds to it: the client's currency, the project's code, the user
     * assignment's use_default_rates and the entry's approval_status.
     */
    static final String SEED_ENTRY = """
        {
          "id":636718192, "spent_date":"2017-03-21",
          "user":{"id":1782959, "name":"Kim Allen"},
          "client":{"id":5735774, "name":"ABC Corp", "currency":"USD"},
          "project":{"id":14307913, "name":"Marketing Website", "code":"MW"},
          "task":{"id":8083365, "name":"Graphic Design"},
          "user_assignment":{"id":125068553, "is_project_manager":true, "is_active":true, "use_default_rates":false,
                             "budget":null,
                             "created_at":"2017-06-26T22:32:52Z", "updated_at":"2017-06-26T22:32:52Z",
                             "hourly_rate":100.0},
          "task_assignment":{"id":155502709, "billable":true, "is_active":true, "created_at":"2017-06-26T21:36:23Z",
                             "updated_at":"2017-06-26T21:36:23Z", "hourly_rate":100.0, "budget":null},
          "hours":1.0, "hours_without_timer":1.0, "rounded_hours":1.0, "notes":null,
          "created_at":"2017-06-27T16:01:23Z", "updated_at":"2017-06-27T16:01:23Z",
          "is_locked":false, "locked_reason":null, "is_closed":false, "is_billed":false, "timer_started_at":null,
          "started_time": "8:00am", "ended_time": "9:00am", "is_running":false, "invoice":null,
          "external_reference": null, "billable":true, "budgeted":true, "billable_rate":100.0, "cost_rate":50.0,
          "approval_status": "unsubmitted"
        }""";

    static final String SEED_LIST_ENVELOPE = """
        {"time_entries": [], "per_page":2000, "total_pages":1, "total_entries":4, "next_page":null,
         "previous_page":null, "page":1,
         "links":{"first":"https://api.harvestapp.com/v2/time_entries?page=1&per_page=2000", "next":null,
                  "previous":null, "last":"https://api.harvestapp.com/v2/time_entries?page=1&per_page=2000"}}""";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Assignments assignments;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    record Ledger(Person admin, long client, long project, long task) { }

    /** A client, a project with a task assigned at 100.00, its admin assigned as project manager at cost 50.00. */
    private Ledger ledger() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token());
        long client = id(caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"ABC Corp\"}}").expect(201).json());
        long project = id(caller.post("/api/v1/projects", """
            {"project": {"name": "Marketing Website", "short_code": "MW", "contact_id": "%d", "budget_type": "hours",
             "budget_target": 100}}""".formatted(client)).expect(201).json());
        long task = id(caller.post("/api/v1/tasks", "{\"task\": {\"name\": \"Graphic Design\"}}").expect(201).json());
        var actor = fixtures.actorOf(admin);
        assignments.assignTask(actor, project, task, new AssignmentChanges(Field.of(true), Field.absent(),
            Field.of(new BigDecimal("100.00")), Field.absent()));
        assignments.assignUser(actor, project, admin.membershipId(), new AssignmentChanges(Field.of(true),
            Field.absent(), Field.of(new BigDecimal("100.00")), Field.absent()));
        jdbc.sql("UPDATE membership SET cost_rate = 50 WHERE id = :id").param("id", admin.membershipId()).update();
        return new Ledger(admin, client, project, task);
    }

    @Test
    void aTimeEntryByStartAndEndTimeIsTheDocumentsTimeEntry() {
        var ledger = ledger();

        var entry = harvest(ledger.admin()).post("/v2/time_entries", """
            {"project_id": %d, "task_id": %d, "spent_date": "2017-03-21", "started_time": "8:00am",
             "ended_time": "9:00am"}""".formatted(ledger.project(), ledger.task())).expect(201).json();

        assertSameShape(SEED_ENTRY, entry);
        assertThat(entry.get("hours").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(entry.get("started_time").stringValue()).isEqualTo("8:00am");
        assertThat(entry.get("ended_time").stringValue()).isEqualTo("9:00am");
        assertThat(entry.get("billable_rate").decimalValue()).isEqualByComparingTo("100");
        assertThat(entry.get("cost_rate").decimalValue()).isEqualByComparingTo("50");
        assertThat(entry.get("user").get("id").longValue()).isEqualTo(ledger.admin().membershipId());
        assertThat(entry.get("client").get("name").stringValue()).isEqualTo("ABC Corp");
        assertThat(entry.get("client").get("currency").stringValue()).isEqualTo("USD");
        assertThat(entry.get("project").get("code").stringValue()).isEqualTo("MW");
        assertThat(entry.get("user_assignment").get("use_default_rates").booleanValue()).isFalse();
        assertThat(harvest(ledger.admin()).get("/v2/time_entries/" + entry.get("id").longValue()).expect(200).json())
            .isEqualTo(entry);
    }

    @Test
    void anAdministratorLogsTimeForAPersonAndTheAnswerNamesThatPerson() {
        var ledger = ledger();
        var member = fixtures.aMember(ledger.admin().account());
        var caller = harvest(ledger.admin());

        var entry = caller.post("/v2/time_entries", """
            {"user_id": %d, "project_id": %d, "task_id": %d, "spent_date": "2017-03-21", "hours": 1}"""
            .formatted(member.membershipId(), ledger.project(), ledger.task())).expect(201).json();

        var person = caller.get("/v2/users/" + member.membershipId()).expect(200).json();
        assertThat(entry.get("user").get("id").longValue()).isEqualTo(member.membershipId());
        assertThat(entry.get("user").get("name").stringValue())
            .isEqualTo(person.get("first_name").stringValue() + " " + person.get("last_name").stringValue());
        assertThat(caller.get("/v2/time_entries/" + entry.get("id").longValue()).expect(200).json()).isEqualTo(entry);
    }

    @Test
    void aTimeEntryByDurationWithoutHoursRunsAndOnlyOneRunsAtATime() {
        var ledger = ledger();
        var caller = harvest(ledger.admin());

        var logged = caller.post("/v2/time_entries", body(ledger, "\"hours\": 1.5")).expect(201).json();
        var first = caller.post("/v2/time_entries", body(ledger, "\"notes\": \"first\"")).expect(201).json();
        clock.advance(Duration.ofMinutes(30));
        var second = caller.post("/v2/time_entries", body(ledger, "\"notes\": \"second\"")).expect(201).json();

        assertThat(logged.get("is_running").booleanValue()).isFalse();
        assertThat(logged.get("hours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(first.get("is_running").booleanValue()).isTrue();
        assertThat(first.get("timer_started_at").isString()).isTrue();
        assertThat(second.get("is_running").booleanValue()).isTrue();
        var stopped = caller.get("/v2/time_entries/" + first.get("id").longValue()).json();
        assertThat(stopped.get("is_running").booleanValue()).isFalse();
        assertThat(stopped.get("hours").decimalValue()).isEqualByComparingTo("0.5");
        var running = caller.get("/v2/time_entries?is_running=true").json().get("time_entries");
        assertThat(running).hasSize(1);
        assertThat(running.get(0).get("notes").stringValue()).isEqualTo("second");
        assertThat(running.get(0)).as("a started timer answers as it is read back, assignments and all")
            .isEqualTo(second);
        assertThat(second.get("task_assignment").get("hourly_rate").decimalValue()).isEqualByComparingTo("100");
        assertThat(second.get("user_assignment").get("is_project_manager").booleanValue()).isTrue();
    }

    @Test
    void stopAndRestartMoveTheTimer() {
        var ledger = ledger();
        var caller = harvest(ledger.admin());
        long id = id(caller.post("/v2/time_entries", body(ledger, "\"notes\": \"timer\"")).expect(201).json());
        clock.advance(Duration.ofMinutes(45));

        var stopped = caller.patch("/v2/time_entries/" + id + "/stop", null).expect(200).json();
        caller.patch("/v2/time_entries/" + id + "/stop", null).expect(422);
        clock.advance(Duration.ofHours(3));
        var restarted = caller.patch("/v2/time_entries/" + id + "/restart", null).expect(200).json();
        caller.patch("/v2/time_entries/" + id + "/restart", null).expect(422);
        clock.advance(Duration.ofMinutes(15));
        var again = caller.patch("/v2/time_entries/" + id + "/stop", null).expect(200).json();

        assertThat(stopped.get("hours").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(stopped.get("is_running").booleanValue()).isFalse();
        assertThat(restarted.get("is_running").booleanValue()).isTrue();
        assertThat(restarted.get("hours_without_timer").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(again.get("hours").decimalValue()).isEqualByComparingTo("1.0");
    }

    @Test
    void theAccountsTimestampSettingMakesEntriesStartAndEndTimes() {
        var ledger = ledger();
        var caller = harvest(ledger.admin());
        caller.patch("/v2/company", "{\"wants_timestamp_timers\": true, \"clock\": \"24h\"}").expect(200);

        // an hour ago, on the person's clock (fixtures' people live in Sydney)
        var hourAgo = clock.instant().minus(Duration.ofHours(1)).atZone(ZoneId.of("Australia/Sydney"));
        var started = "%d:%02d".formatted(hourAgo.getHour(), hourAgo.getMinute());

        var running = caller.post("/v2/time_entries", body(ledger, "\"started_time\": \"" + started + "\"",
            hourAgo.toLocalDate().toString())).expect(201).json();
        var stopped = caller.patch("/v2/time_entries/" + running.get("id").longValue() + "/stop", null).expect(200).json();

        assertThat(running.get("is_running").booleanValue()).isTrue();
        assertThat(running.get("started_time").stringValue()).isEqualTo(started);
        // the timer counts from its start, as a timer started then would
        assertThat(running.get("hours").decimalValue()).isBetween(new BigDecimal("0.98"), new BigDecimal("1.02"));
        assertThat(stopped.get("ended_time").isString()).isTrue();
        assertThat(message(caller.post("/v2/time_entries", body(ledger, "\"started_time\": \"14:30\"")).expect(422)))
            .isEqualTo("Started time of a running timer must be within the last 24 hours; log past work with its end");
        assertThat(caller.get("/v2/company").json().get("wants_timestamp_timers").booleanValue()).isTrue();
    }

    @Test
    void roundedHoursFollowTheAccountsRounding() {
        var ledger = ledger();
        var caller = harvest(ledger.admin());
        long id = id(caller.post("/v2/time_entries", body(ledger, "\"hours\": 1.1")).expect(201).json());

        caller.patch("/v2/company", "{\"time_rounding_minutes\": 15, \"time_rounding_mode\": \"up\"}").expect(200);
        var up = caller.get("/v2/time_entries/" + id).json();
        caller.patch("/v2/company", "{\"time_rounding_mode\": \"nearest\"}").expect(200);
        var nearest = caller.get("/v2/time_entries/" + id).json();

        assertThat(up.get("hours").decimalValue()).isEqualByComparingTo("1.1");
        assertThat(up.get("rounded_hours").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(nearest.get("rounded_hours").decimalValue()).isEqualByComparingTo("1.0");
    }

    @Test
    void listPagesWithAbsoluteLinksAndTheCollectionFirst() {
        var ledger = ledger();
        var caller = harvest(ledger.admin());
        for (int day = 1; day <= 5; day++) {
            caller.post("/v2/time_entries", body(ledger, "\"hours\": 1", "2024-01-0" + day)).expect(201);
        }

        var first = caller.get("/v2/time_entries?per_page=2").expect(200);
        var second = caller.get("/v2/time_entries?per_page=2&page=2").json();
        var last = caller.get("/v2/time_entries?per_page=2&page=3").json();

        assertSameShape(SEED_LIST_ENVELOPE.replace("\"next_page\":null", "\"next_page\":2")
            .replace("\"next\":null", "\"next\":\"x\""), first.json());
        assertThat(first.text()).startsWith("{\"time_entries\":[");
        assertThat(dates(first.json())).containsExactly("2024-01-05", "2024-01-04");
        assertThat(dates(second)).containsExactly("2024-01-03", "2024-01-02");
        assertThat(dates(last)).containsExactly("2024-01-01");
        assertThat(first.json().get("total_entries").longValue()).isEqualTo(5);
        assertThat(first.json().get("total_pages").longValue()).isEqualTo(3);
        assertThat(second.get("next_page").longValue()).isEqualTo(3);
        assertThat(second.get("previous_page").longValue()).isEqualTo(1);
        assertThat(last.get("next_page").isNull()).isTrue();
        assertThat(second.get("links").get("next").stringValue())
            .matches("http://localhost:\\d+/v2/time_entries\\?page=3&per_page=2");
        assertThat(first.json().get("links").get("last").stringValue()).endsWith("/v2/time_entries?page=3&per_page=2");
        caller.get("/v2/time_entries?per_page=2001").expect(422);
        caller.get("/v2/time_entries?page=0").expect(422);
    }

    @Test
    void listFiltersAsDocumented() {
        var ledger = ledger();
        var caller = harvest(ledger.admin());
        var member = fixtures.aMember(ledger.admin().account());
        long other = id(api.bearer(ledger.admin().token()).post("/api/v1/contacts", "{\"contact\": {\"name\": \"Other\"}}")
            .expect(201).json());
        long a = id(caller.post("/v2/time_entries", body(ledger, "\"hours\": 1, \"external_reference\": "
            + "{\"id\": \"ISSUE-1\", \"group_id\": \"G\", \"permalink\": \"https://example.com/1\"}", "2024-02-01"))
            .expect(201).json());
        long b = id(caller.post("/v2/time_entries", body(ledger, "\"hours\": 2", "2024-02-10")).expect(201).json());
        long c = id(api.bearer(member.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2024-02-05\", "
            + "\"duration\": 600, \"contact_id\": \"" + other + "\"}}").expect(201).json());

        assertThat(ids(caller.get("/v2/time_entries").json())).containsExactly(b, c, a);
        assertThat(ids(caller.get("/v2/time_entries?user_id=" + member.membershipId()).json())).containsExactly(c);
        assertThat(ids(caller.get("/v2/time_entries?client_id=" + other).json())).containsExactly(c);
        assertThat(ids(caller.get("/v2/time_entries?project_id=" + ledger.project()).json())).containsExactly(b, a);
        assertThat(ids(caller.get("/v2/time_entries?task_id=" + ledger.task()).json())).containsExactly(b, a);
        assertThat(ids(caller.get("/v2/time_entries?external_reference_id=ISSUE-1").json())).containsExactly(a);
        assertThat(ids(caller.get("/v2/time_entries?is_billed=false&from=2024-02-02&to=2024-02-09").json()))
            .containsExactly(c);
        assertThat(ids(caller.get("/v2/time_entries?is_billed=true").json())).isEmpty();
        assertThat(ids(caller.get("/v2/time_entries?updated_since=2999-01-01T00:00:00Z").json())).isEmpty();
        assertThat(ids(api.bearer(member.token()).get("/v2/time_entries").json())).containsExactly(c);

        var referenced = caller.get("/v2/time_entries/" + a).json().get("external_reference");
        assertThat(referenced.get("id").stringValue()).isEqualTo("ISSUE-1");
        assertThat(referenced.get("permalink").stringValue()).isEqualTo("https://example.com/1");
        caller.delete("/v2/time_entries/" + a + "/external_reference").expect(200);
        assertThat(caller.get("/v2/time_entries/" + a).json().get("external_reference").isNull()).isTrue();
    }

    @Test
    void updateChangesTheGivenFieldsAndDeleteAnswersTheEntry() {
        var ledger = ledger();
        var caller = harvest(ledger.admin());
        long id = id(caller.post("/v2/time_entries", body(ledger, "\"hours\": 1")).expect(201).json());

        var updated = caller.patch("/v2/time_entries/" + id, "{\"notes\": \"Updated notes\", \"hours\": 2.25}")
            .expect(200).json();
        var deleted = caller.delete("/v2/time_entries/" + id).expect(200).json();

        assertThat(updated.get("notes").stringValue()).isEqualTo("Updated notes");
        assertThat(updated.get("hours").decimalValue()).isEqualByComparingTo("2.25");
        assertThat(deleted.get("id").longValue()).isEqualTo(id);
        assertThat(deleted.get("notes").stringValue()).isEqualTo("Updated notes");
        caller.get("/v2/time_entries/" + id).expect(404);
    }

    @Test
    void anApprovedEntryIsDeletedOnlyByAnAdmin() {
        var ledger = ledger();
        var manager = fixtures.aPerson(ledger.admin().account(), Role.MANAGER, null);
        long id = id(harvest(manager).post("/v2/time_entries", body(ledger, "\"hours\": 1")).expect(201).json());
        jdbc.sql("UPDATE entry SET closed = true WHERE id = :id").param("id", id).update();

        var refused = harvest(manager).delete("/v2/time_entries/" + id).expect(422).json();
        var shown = harvest(manager).get("/v2/time_entries/" + id).json();
        harvest(ledger.admin()).delete("/v2/time_entries/" + id).expect(200);

        assertThat(refused.get("message").stringValue()).isEqualTo("The entry has been approved");
        assertThat(shown.get("is_closed").booleanValue()).isTrue();
        assertThat(shown.get("is_locked").booleanValue()).isTrue();
        assertThat(shown.get("locked_reason").stringValue()).isEqualTo("The entry has been approved");
    }

    @Test
    void formBodiesWorkLikeJson() {
        var ledger = ledger();

        var entry = harvest(ledger.admin()).send("POST", "/v2/time_entries", "project_id=" + ledger.project()
            + "&task_id=" + ledger.task() + "&spent_date=2024-03-01&hours=0.5&notes=From+a+form"
            + "&external_reference[id]=42&external_reference[permalink]=https%3A%2F%2Fexample.com",
            "application/x-www-form-urlencoded").expect(201).json();

        assertThat(entry.get("hours").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(entry.get("notes").stringValue()).isEqualTo("From a form");
        assertThat(entry.get("external_reference").get("id").stringValue()).isEqualTo("42");
    }

    @Test
    void errorsReadAsHarvestWritesThem() {
        var ledger = ledger();
        var caller = harvest(ledger.admin());

        var invalid = caller.post("/v2/time_entries", "{\"spent_date\": \"2017-02-30\", \"hours\": -1}")
            .expect(422).json();
        var malformed = caller.post("/v2/time_entries", "{\"project_id\": ").expect(422).json();
        var missing = caller.get("/v2/time_entries/999999999").expect(404).json();
        var unauthenticated = api.anonymous().get("/v2/time_entries").expect(401).json();

        assertThat(invalid.get("message").stringValue())
            .isEqualTo("Spent date is not a valid date (YYYY-MM-DD), Project can't be blank, Task can't be blank");
        assertThat(malformed.get("message").stringValue()).contains("not valid JSON");
        assertSameShape("{\"status\":404,\"error\":\"Not Found\"}", missing);
        assertThat(missing.get("status").intValue()).isEqualTo(404);
        assertThat(unauthenticated.get("error").stringValue()).isEqualTo("invalid_token");
        assertThat(unauthenticated.get("error_description").isString()).isTrue();
    }

    @Test
    void theAccountHeaderSelectsAndMustMatchTheToken() {
        var ledger = ledger();
        var elsewhere = fixtures.anAccount();
        long id = id(harvest(ledger.admin()).post("/v2/time_entries", body(ledger, "\"hours\": 1")).expect(201).json());

        api.bearer(ledger.admin().token()).header("harvest-account-id", ledger.admin().account().toString())
            .get("/v2/time_entries/" + id).expect(200);
        api.bearer(ledger.admin().token()).get("/v2/time_entries/" + id).expect(200);
        api.bearer(ledger.admin().token()).header("Harvest-Account-ID", elsewhere.account().toString())
            .get("/v2/time_entries/" + id).expect(403);
        api.anonymous().get("/v2/time_entries/" + id + "?access_token=" + ledger.admin().token() + "&account_id="
            + ledger.admin().account()).expect(200);
        var key = fixtures.apiKeyOf(ledger.admin());
        api.apiKey(key).header("Harvest-Account-Id", ledger.admin().account().toString())
            .get("/v2/time_entries/" + id).expect(200);
        api.apiKey(key).header("Harvest-Account-Id", elsewhere.account().toString())
            .get("/v2/time_entries/" + id).expect(404);
        harvest(elsewhere).get("/v2/time_entries/" + id).expect(404);
        harvest(elsewhere).patch("/v2/time_entries/" + id, "{\"notes\": \"x\"}").expect(404);
        harvest(elsewhere).delete("/v2/time_entries/" + id).expect(404);
        assertThat(harvest(elsewhere).get("/v2/time_entries").json().get("total_entries").longValue()).isZero();
    }

    @Test
    void oneLedgerHarvestAndMinuteDockSeeTheSameEntries() {
        var ledger = ledger();
        long fromHarvest = id(harvest(ledger.admin()).post("/v2/time_entries", body(ledger, "\"hours\": 1.5, "
            + "\"notes\": \"via Harvest\"")).expect(201).json());
        long fromMinuteDock = id(api.bearer(ledger.admin().token()).post("/api/v1/entries", """
            {"entry": {"date": "2024-01-02", "duration": 2700, "description": "via MinuteDock", "project_id": "%d",
                       "task_ids": ["%d"]}}""".formatted(ledger.project(), ledger.task())).expect(201).json());

        var seenByMinuteDock = api.bearer(ledger.admin().token()).get("/api/v1/entries/" + fromHarvest).json();
        var seenByHarvest = harvest(ledger.admin()).get("/v2/time_entries/" + fromMinuteDock).json();

        assertThat(seenByMinuteDock.get("duration").longValue()).isEqualTo(5400);
        assertThat(seenByMinuteDock.get("description").stringValue()).isEqualTo("via Harvest");
        assertThat(seenByMinuteDock.get("billing_rate").stringValue()).isEqualTo("100.00");
        assertThat(seenByMinuteDock.get("project_id").stringValue()).isEqualTo(Long.toString(ledger.project()));
        assertThat(seenByMinuteDock.get("task_ids").get(0).stringValue()).isEqualTo(Long.toString(ledger.task()));
        assertThat(seenByHarvest.get("hours").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(seenByHarvest.get("notes").stringValue()).isEqualTo("via MinuteDock");
        assertThat(seenByHarvest.get("billable_rate").decimalValue()).isEqualByComparingTo("100");
        assertThat(seenByHarvest.get("project").get("id").longValue()).isEqualTo(ledger.project());
        assertThat(seenByHarvest.get("task").get("id").longValue()).isEqualTo(ledger.task());
        assertThat(seenByHarvest.get("task_assignment").get("hourly_rate").decimalValue()).isEqualByComparingTo("100");
    }

    @Test
    void refusalsNameTheFieldsAsHarvestDoes() {
        var ledger = ledger();
        var caller = harvest(ledger.admin());

        assertThat(caller.post("/v2/projects", "{\"name\": \"No client\"}").expect(422).json().get("message")
            .stringValue()).isEqualTo("Client can't be blank");
        assertThat(caller.post("/v2/time_entries", body(ledger, "\"hours\": -1")).expect(422).json().get("message")
            .stringValue()).isEqualTo("Hours must be greater than or equal to 0");
        assertThat(caller.post("/v2/time_entries", body(ledger, "\"hours\": 25")).expect(422).json().get("message")
            .stringValue()).isEqualTo("Hours must be at most 24 hours");
        assertThat(caller.post("/v2/time_entries", body(ledger, "\"hours\": 1, \"user_id\": 999999999")).expect(422)
            .json().get("message").stringValue()).isEqualTo("User does not name a user in this account");
        assertThat(caller.post("/v2/time_entries", body(ledger, "\"started_time\": \"9:00am\", "
            + "\"ended_time\": \"8:00am\"")).expect(422).json().get("message").stringValue())
            .isEqualTo("Ended time must not be before the start");
    }

    private static String message(io.timeledger.support.Response response) {
        return response.json().get("message").stringValue();
    }

    private Api.Caller harvest(Person person) {
        return api.bearer(person.token()).header("Harvest-Account-Id", person.account().toString());
    }

    private static String body(Ledger ledger, String more) {
        return body(ledger, more, "2024-01-01");
    }

    private static String body(Ledger ledger, String more, String date) {
        return "{\"project_id\": " + ledger.project() + ", \"task_id\": " + ledger.task() + ", \"spent_date\": \""
            + date + "\", " + more + "}";
    }

    private static long id(JsonNode node) {
        return node.get("id").isString() ? Long.parseLong(node.get("id").stringValue()) : node.get("id").longValue();
    }

    private static List<Long> ids(JsonNode page) {
        var ids = new ArrayList<Long>();
        page.get("time_entries").forEach(entry -> ids.add(entry.get("id").longValue()));
        return ids;
    }

    private static List<String> dates(JsonNode page) {
        var dates = new ArrayList<String>();
        page.get("time_entries").forEach(entry -> dates.add(entry.get("spent_date").stringValue()));
        return dates;
    }
}
