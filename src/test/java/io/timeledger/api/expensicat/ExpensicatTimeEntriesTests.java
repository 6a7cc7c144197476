package io.timeledger.api.expensicat;

import static io.timeledger.support.JsonShape.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.Field;
import io.timeledger.core.time.Entries;
import io.timeledger.core.time.EntryChanges;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ApiTest
class ExpensicatTimeEntriesTests {

    /**
     * The time entry of the Expensicat document's list sample (types as the sample's placeholders give
     * them; invoice_id null for an entry on no invoice).
     */
    static final String SEED_ENTRY = """
        {"id": "string", "organization_id": "string", "user_id": "string", "project_id": "string",
         "start_time": "string", "end_time": "string", "duration": 0, "description": "string", "billable": true,
         "invoice_id": null, "created_at": "string", "updated_at": "string",
         "user": {"id": "string", "full_name": "string", "email": "string", "avatar_url": "string"},
         "project": {"id": "string", "name": "string", "customer_id": "string", "hourly_rate": 0, "currency": "string",
                     "customer": {"id": "string", "name": "string"}},
         "invoice": null}""";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Entries entries;
    @Autowired TestClock clock;

    @Test
    void aCreatedEntryIsTheDocumentsTimeEntry() {
        var admin = fixtures.anAccount();
        var project = project(admin);

        var created = api.bearer(admin.token()).post("/v1/time-entries", """
            {"start_time": "2024-01-20T09:00:00Z", "end_time": "2024-01-20T10:30:00Z", "description": "Design",
             "project_id": "%s"}""".formatted(project)).expect(201).json().get("data");

        assertSameShape(SEED_ENTRY, created);
        assertThat(created.get("duration").longValue()).isEqualTo(5400);
        assertThat(created.get("organization_id").stringValue()).isEqualTo(admin.account().toString());
        assertThat(created.get("user_id").stringValue()).isEqualTo(Long.toString(admin.membershipId()));
        assertThat(created.get("project").get("hourly_rate").decimalValue()).isEqualByComparingTo("120");
        assertThat(created.get("project").get("customer").get("name").stringValue()).isEqualTo("ACME");
        assertThat(created.get("user").get("email").stringValue()).isEqualTo(admin.email());
        var fetched = api.bearer(admin.token()).get("/api/v1/time-entries/" + created.get("id").stringValue())
            .expect(200).json().get("data");
        assertThat(fetched).isEqualTo(created);
    }

    @Test
    void anEntryOfADeletedProjectKeepsItsNamesButNoLongerItsRate() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token());
        var deleted = project(admin);
        var live = project(admin);
        var onDeleted = create(admin, "2024-01-20T09:00:00Z", "2024-01-20T10:00:00Z", "old work", deleted);
        var onLive = create(admin, "2024-01-21T09:00:00Z", "2024-01-21T10:00:00Z", "new work", live);
        caller.delete("/api/v1/projects/" + deleted).expect(200);

        var page = caller.get("/v1/time-entries").expect(200).json().get("data");

        var old = page.get(1).get("project");
        assertThat(page.get(1).get("id").stringValue()).isEqualTo(onDeleted);
        assertThat(old.get("name").stringValue()).isEqualTo("Web");
        assertThat(old.get("customer").get("name").stringValue()).isEqualTo("ACME");
        assertThat(old.get("hourly_rate").decimalValue()).isEqualByComparingTo("0");
        assertThat(page.get(0).get("id").stringValue()).isEqualTo(onLive);
        assertThat(page.get(0).get("project").get("hourly_rate").decimalValue()).isEqualByComparingTo("120");
    }

    @Test
    void withoutAnEndTheEntryRunsAndStopsTheTimerBeforeIt() {
        var admin = fixtures.anAccount();
        var start = clock.instant().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        var first = api.bearer(admin.token()).post("/v1/time-entries", "{\"start_time\": \"" + start
            + "\", \"description\": \"first\"}").expect(201).json().get("data");
        clock.advance(Duration.ofMinutes(10));
        api.bearer(admin.token()).post("/v1/time-entries", "{\"start_time\": \"" + clock.instant()
            .truncatedTo(ChronoUnit.SECONDS) + "\", \"description\": \"second\"}").expect(201);

        var stopped = api.bearer(admin.token()).get("/v1/time-entries/" + first.get("id").stringValue()).json().get("data");

        assertThat(first.get("end_time").isNull()).isTrue();
        assertThat(first.get("duration").longValue()).isBetween(1800L, 1805L);
        assertThat(stopped.get("end_time").isString()).isTrue();
        assertThat(stopped.get("duration").longValue()).isBetween(2400L, 2405L);
        api.bearer(admin.token()).post("/v1/time-entries", "{\"start_time\": \"2020-01-01T00:00:00Z\", "
            + "\"description\": \"stale timer\"}").expect(422);
    }

    @Test
    void updateIsPartialAndAnEndStopsARunningEntry() {
        var admin = fixtures.anAccount();
        var id = api.bearer(admin.token()).post("/v1/time-entries", "{\"start_time\": \"" + clock.instant()
            .minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS) + "\", \"description\": \"running\"}")
            .expect(201).json().get("data").get("id").stringValue();

        var renamed = api.bearer(admin.token()).patch("/v1/time-entries/" + id, "{\"description\": \"renamed\", "
            + "\"billable\": false}").expect(200).json().get("data");
        var end = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var ended = api.bearer(admin.token()).patch("/v1/time-entries/" + id, "{\"end_time\": \"" + end + "\"}")
            .expect(200).json().get("data");

        assertThat(renamed.get("description").stringValue()).isEqualTo("renamed");
        assertThat(renamed.get("billable").booleanValue()).isFalse();
        assertThat(renamed.get("end_time").isNull()).isTrue();
        assertThat(ended.get("end_time").stringValue()).isEqualTo(end.toString());
        assertThat(ended.get("duration").longValue()).isBetween(3595L, 3605L);
        assertThat(ended.get("description").stringValue()).isEqualTo("renamed");
    }

    @Test
    void theCursorWalksEveryEntryOnceWhileOthersAreAdded() {
        var admin = fixtures.anAccount();
        var actor = fixtures.actorOf(admin);
        for (int i = 0; i < 250; i++) {
            log(actor, "entry " + i);
        }
        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api.bearer(admin.token()).get("/v1/time-entries?limit=100"
                + (cursor == null ? "" : "&cursor=" + cursor)).expect(200).json();
            page.get("data").forEach(entry -> seen.add(entry.get("description").stringValue()));
            assertThat(page.get("meta").get("count").intValue()).isEqualTo(page.get("data").size());
            cursor = page.get("meta").get("next_cursor").isNull() ? null : page.get("meta").get("next_cursor").stringValue();
            for (int i = 0; i < 5; i++) {
                log(actor, "added during page " + pages);
            }
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(250).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(new HashSet<>(expected()));
    }

    @Test
    void listFiltersByDatesTextProjectAndPerson() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        var project = project(admin);
        var web = create(admin, "2024-03-01T09:00:00Z", "2024-03-01T10:00:00Z", "Website copy", project);
        var call = create(admin, "2024-03-05T09:00:00Z", "2024-03-05T09:30:00Z", "Client call", null);
        var mine = create(member, "2024-03-03T09:00:00Z", "2024-03-03T09:30:00Z", "Member work", null);

        var caller = api.bearer(admin.token());
        assertThat(ids(caller.get("/v1/time-entries").expect(200).json())).containsExactly(mine, call, web);
        assertThat(ids(caller.get("/v1/time-entries?user_id=me").json())).containsExactly(call, web);
        assertThat(ids(caller.get("/v1/time-entries?user_id=" + member.membershipId()).json())).containsExactly(mine);
        assertThat(ids(caller.get("/v1/time-entries?start_date=2024-03-02&end_date=2024-03-04").json()))
            .containsExactly(mine);
        assertThat(ids(caller.get("/v1/time-entries?q=WEBSITE").json())).containsExactly(web);
        assertThat(ids(caller.get("/v1/time-entries?q=100%25").json())).isEmpty();
        assertThat(ids(caller.get("/v1/time-entries?project_id=" + project).json())).containsExactly(web);
        assertThat(ids(api.bearer(member.token()).get("/v1/time-entries").json())).containsExactly(mine);
        caller.get("/v1/time-entries?limit=101").expect(422);
        caller.get("/v1/time-entries?start_date=March").expect(422);
    }

    @Test
    void deleteAnswers204AndErrorsUseTheDocumentsShape() {
        var admin = fixtures.anAccount();
        var id = create(admin, "2024-03-01T09:00:00Z", "2024-03-01T10:00:00Z", "to delete", null);
        var stranger = fixtures.anAccount();

        var foreign = api.bearer(stranger.token()).get("/v1/time-entries/" + id).expect(404).json();
        api.bearer(stranger.token()).patch("/v1/time-entries/" + id, "{\"description\": \"x\"}").expect(404);
        api.bearer(stranger.token()).delete("/v1/time-entries/" + id).expect(404);
        var deleted = api.bearer(admin.token()).delete("/v1/time-entries/" + id).expect(204);
        var invalid = api.bearer(admin.token()).post("/v1/time-entries", "{\"start_time\": \"yesterday\"}")
            .expect(422).json();
        var unauthenticated = api.anonymous().get("/v1/time-entries").expect(401).json();

        assertSameShape("{\"error\": {\"code\": \"string\", \"message\": \"string\", \"details\": {}}}", foreign);
        assertThat(foreign.get("error").get("code").stringValue()).isEqualTo("not_found");
        assertThat(deleted.text()).isEmpty();
        assertThat(invalid.get("error").get("code").stringValue()).isEqualTo("validation_error");
        assertThat(invalid.get("error").get("details").propertyNames()).containsExactlyInAnyOrder("start_time",
            "description");
        assertThat(unauthenticated.get("error").get("code").stringValue()).isEqualTo("unauthorized");
        api.bearer(admin.token()).get("/v1/time-entries/" + id).expect(404);
    }

    @Test
    void oneLedgerEveryDialectSeesWhatExpensicatWrote() {
        var admin = fixtures.anAccount();
        var project = project(admin);
        var id = create(admin, "2024-04-02T08:00:00Z", "2024-04-02T09:15:00Z", "Shared", project);

        var minuteDock = api.bearer(admin.token()).get("/api/v1/entries/" + id).expect(200).json();
        var harvest = api.bearer(admin.token()).get("/v2/time_entries/" + id).expect(200).json();

        assertThat(minuteDock.get("duration").longValue()).isEqualTo(4500);
        assertThat(minuteDock.get("date").stringValue()).isEqualTo("2024-04-02");
        assertThat(minuteDock.get("billing_rate").stringValue()).isEqualTo("120.00");
        assertThat(harvest.get("hours").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(harvest.get("notes").stringValue()).isEqualTo("Shared");
        assertThat(harvest.get("project").get("id").longValue()).isEqualTo(Long.parseLong(project));
    }

    private final List<String> logged = new ArrayList<>();

    private void log(Actor actor, String description) {
        entries.create(actor, EntryChanges.NONE.description(Field.of(description)).duration(Field.of(60L))
            .date(Field.of(LocalDate.of(2024, 1, 1))));
        logged.add(description);
    }

    private List<String> expected() {
        return logged.subList(0, 250);
    }

    @Test
    void anEndThatCannotBeStoredLeavesTheTimerRunning() {
        var person = fixtures.anAccount();
        var start = clock.instant().minusSeconds(600).toString();
        var id = api.bearer(person.token()).post("/v1/time-entries", "{\"description\": \"Running\", "
            + "\"start_time\": \"" + start + "\"}").expect(201).json().get("data").get("id").stringValue();

        api.bearer(person.token()).patch("/v1/time-entries/" + id, "{\"end_time\": \"" + clock.instant()
            + "\", \"project_id\": \"999999999\"}").expect(422);

        var entry = api.bearer(person.token()).get("/v1/time-entries/" + id).expect(200).json().get("data");
        assertThat(entry.get("end_time").isNull()).as("still running").isTrue();
        var stopped = api.bearer(person.token()).patch("/v1/time-entries/" + id, "{\"end_time\": \"" + clock.instant()
            + "\"}").expect(200).json().get("data");
        assertThat(stopped.get("duration").longValue()).isBetween(595L, 605L);
    }

    @Test
    void aRunningTimerStartsNeitherInTheFutureNorMoreThanADayAgo() {
        var person = fixtures.anAccount();

        var future = api.bearer(person.token()).post("/v1/time-entries", "{\"description\": \"Soon\", "
            + "\"start_time\": \"" + clock.instant().plusSeconds(3600) + "\"}").expect(422).json().get("error");
        var old = api.bearer(person.token()).post("/v1/time-entries", "{\"description\": \"Old\", "
            + "\"start_time\": \"" + clock.instant().minusSeconds(25 * 3600) + "\"}").expect(422).json().get("error");

        assertThat(future.get("details").get("start_time").stringValue())
            .isEqualTo("of a running timer must not be in the future");
        assertThat(old.get("details").get("start_time").stringValue())
            .isEqualTo("of a running timer must be within the last 24 hours; log past work with its end");
    }

    @Test
    void refusalsNameTheFieldsAsExpensicatDoes() {
        var person = fixtures.anAccount();

        var refused = api.bearer(person.token()).post("/v1/time-entries", """
            {"description": "Backwards", "start_time": "2024-01-20T10:00:00Z", "end_time": "2024-01-20T09:00:00Z"}""")
            .expect(422).json().get("error");

        assertThat(refused.get("code").stringValue()).isEqualTo("validation_error");
        assertThat(refused.get("details").propertyNames()).containsExactly("end_time");
        assertThat(refused.get("details").get("end_time").stringValue()).isEqualTo("must not be before the start");
        assertThat(refused.get("message").stringValue()).isEqualTo("end_time must not be before the start");
    }

    private String project(Person person) {
        var contact = api.bearer(person.token()).post("/api/v1/contacts", "{\"contact\": {\"name\": \"ACME\"}}")
            .expect(201).json().get("id").stringValue();
        return api.bearer(person.token()).post("/api/v1/projects", "{\"project\": {\"name\": \"Web\", \"contact_id\": \""
            + contact + "\", \"default_rate_dollars\": \"120.00\"}}").expect(201).json().get("id").stringValue();
    }

    private String create(Person person, String start, String end, String description, String project) {
        return api.bearer(person.token()).post("/v1/time-entries", "{\"start_time\": \"" + start + "\", \"end_time\": \""
            + end + "\", \"description\": \"" + description + "\"" + (project == null ? "" : ", \"project_id\": \""
            + project + "\"") + "}").expect(201).json().get("data").get("id").stringValue();
    }

    private static List<String> ids(JsonNode page) {
        var ids = new ArrayList<String>();
        page.get("data").forEach(entry -> ids.add(entry.get("id").stringValue()));
        return ids;
    }
}
