package io.timeledger.api.minutedock;

import static io.timeledger.support.JsonShape.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Role;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ApiTest
class MinuteDockEntriesTests {

    /** The Entry model's example in the MinuteDock document. */
    static final String SEED_ENTRY = """
        {
          "id": "123456", "user_account_id": "123456", "contact_id": null, "project_id": null, "task_ids": ["1"],
          "description": "Working on API documentation", "duration": 3600, "duration_hours": "1.0",
          "account_id": "123456", "user_id": "123456", "date": "2024-01-20", "invoice_id": "123456",
          "billing_rate": "150.00", "updated_at": "2024-01-20T15:45:00Z", "logged_at": "2024-01-20T14:30:00-05:00",
          "logged": true, "rate": "150.00"
        }""";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void loggingAnEntryAnswersTheSeedsEntry() {
        var admin = fixtures.anAccount();
        var contact = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"ABC\"}}");
        var task = post(admin, "/api/v1/tasks", "{\"task\": {\"name\": \"Docs\", \"default_rate_dollars\": \"150.00\"}}");

        var entry = api.bearer(admin.token()).post("/api/v1/entries", """
            {"entry": {"description": "Working on API documentation", "duration": 3600, "date": "2024-01-20",
                       "contact_id": "%s", "task_ids": ["%s"]}}""".formatted(contact, task)).expect(201).json();

        // the document's example has no contact; ours has one, and no invoice yet
        assertSameShape(SEED_ENTRY.replace("\"contact_id\": null", "\"contact_id\": \"1\"")
            .replace("\"invoice_id\": \"123456\"", "\"invoice_id\": null"), entry);
        assertThat(entry.get("duration_hours").stringValue()).isEqualTo("1.0");
        assertThat(entry.get("billing_rate").stringValue()).isEqualTo("150.00");
        assertThat(entry.get("rate").stringValue()).isEqualTo("150.00");
        assertThat(entry.get("date").stringValue()).isEqualTo("2024-01-20");
        assertThat(entry.get("logged").booleanValue()).isTrue();
        assertThat(entry.get("user_account_id").stringValue()).isEqualTo(Long.toString(admin.membershipId()));
        assertThat(entry.get("user_id").stringValue()).isEqualTo(Long.toString(admin.userId()));
        assertThat(entry.get("account_id").stringValue()).isEqualTo(admin.account().toString());
        assertThat(entry.get("logged_at").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+1[01]:00");
        assertThat(entry.get("updated_at").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        var fetched = api.bearer(admin.token()).get("/api/v1/entries/" + entry.get("id").stringValue()).expect(200);
        assertThat(fetched.json()).isEqualTo(entry);
    }

    @Test
    void durationHoursShowsHoursToTwoPlaces() {
        var admin = fixtures.anAccount();

        assertThat(logged(admin, 1800).get("duration_hours").stringValue()).isEqualTo("0.5");
        assertThat(logged(admin, 1000).get("duration_hours").stringValue()).isEqualTo("0.28");
        assertThat(logged(admin, 0).get("duration_hours").stringValue()).isEqualTo("0.0");
        assertThat(logged(admin, 86400).get("duration_hours").stringValue()).isEqualTo("24.0");
    }

    @Test
    void hashtagsTagTasksAndProjectsAndAtCodesNameContacts() {
        var admin = fixtures.anAccount();
        var abc = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"ABC\", \"short_code\": \"ABC\"}}");
        var xyz = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"XYZ\", \"short_code\": \"XYZ\"}}");
        var web = post(admin, "/api/v1/projects",
            "{\"project\": {\"name\": \"Web\", \"short_code\": \"WEB\", \"contact_id\": \"" + xyz + "\"}}");
        var design = post(admin, "/api/v1/tasks", "{\"task\": {\"name\": \"Graphic Design\"}}");
        var meet = post(admin, "/api/v1/tasks", "{\"task\": {\"name\": \"Meetings\"}}");

        var byProject = create(admin, "{\"entry\": {\"description\": \"Header #web #GraphicDesign\", "
            + "\"duration\": 60, \"date\": \"2024-02-01\"}}");
        var byContact = create(admin, "{\"entry\": {\"description\": \"Call with @abc #meetings and #nothing\", "
            + "\"duration\": 60, \"date\": \"2024-02-01\"}}");
        var notTags = create(admin, "{\"entry\": {\"description\": \"Mail me@abc.com about issue#12\", "
            + "\"duration\": 60, \"date\": \"2024-02-01\"}}");
        var explicit = create(admin, "{\"entry\": {\"description\": \"#meetings\", \"task_ids\": \"" + design
            + "\", \"duration\": 60, \"date\": \"2024-02-01\"}}");

        assertThat(byProject.get("project_id").stringValue()).isEqualTo(web);
        assertThat(byProject.get("contact_id").stringValue()).isEqualTo(xyz);
        assertThat(ids(byProject.get("task_ids"))).containsExactly(design);
        assertThat(byProject.get("description").stringValue()).isEqualTo("Header #web #GraphicDesign");
        assertThat(byContact.get("contact_id").stringValue()).isEqualTo(abc);
        assertThat(byContact.get("project_id").isNull()).isTrue();
        assertThat(ids(byContact.get("task_ids"))).containsExactly(meet);
        assertThat(notTags.get("contact_id").isNull()).isTrue();
        assertThat(notTags.get("task_ids")).isEmpty();
        assertThat(ids(explicit.get("task_ids"))).containsExactly(design, meet);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        var admin = fixtures.anAccount();
        var foreignTask = post(fixtures.anAccount(), "/api/v1/tasks", "{\"task\": {\"name\": \"Theirs\"}}");
        var contact = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"ABC\"}}");
        var otherContact = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"XYZ\"}}");
        var project = post(admin, "/api/v1/projects",
            "{\"project\": {\"name\": \"Web\", \"contact_id\": \"" + contact + "\"}}");

        assertThat(error(admin, "{\"entry\": {\"duration\": -5, \"date\": \"2024-01-01\"}}", "duration"))
            .contains("greater than or equal to 0");
        assertThat(error(admin, "{\"entry\": {\"duration\": 90000, \"date\": \"2024-01-01\"}}", "duration"))
            .contains("24 hours");
        assertThat(error(admin, "{\"entry\": {\"duration\": \"an hour\", \"date\": \"2024-01-01\"}}", "duration"))
            .contains("whole number");
        assertThat(error(admin, "{\"entry\": {\"duration\": 60, \"date\": \"2024-02-30\"}}", "date"))
            .contains("YYYY-MM-DD");
        assertThat(error(admin, "{\"entry\": {\"duration\": 60, \"date\": \"20/01/2024\"}}", "date"))
            .contains("YYYY-MM-DD");
        assertThat(error(admin, "{\"entry\": {\"duration\": 60, \"date\": \"1066-10-14\"}}", "date"))
            .contains("between");
        assertThat(error(admin, "{\"entry\": {\"date\": \"2024-01-01\", \"task_ids\": [\"" + foreignTask + "\"]}}",
            "task_ids")).contains("names no task");
        assertThat(error(admin, "{\"entry\": {\"date\": \"2024-01-01\", \"task_ids\": [\"x\"]}}", "task_ids"))
            .contains("list of ids");
        assertThat(error(admin, "{\"entry\": {\"date\": \"2024-01-01\", \"project_id\": \"999999999\"}}",
            "project_id")).contains("does not name a project");
        assertThat(error(admin, "{\"entry\": {\"date\": \"2024-01-01\", \"project_id\": \"" + project
            + "\", \"contact_id\": \"" + otherContact + "\"}}", "contact_id")).contains("not the contact");
        assertThat(error(admin, "{\"entry\": {\"date\": \"2024-01-01\", \"user_account_id\": \"999999999\"}}",
            "user_account_id")).contains("does not name a user");
        api.bearer(admin.token()).post("/api/v1/entries", "{\"entry\": {\"duration\": ").expect(400);
        api.bearer(admin.token()).post("/api/v1/entries", "{\"entry\": [1]}").expect(422);
        assertThat(api.bearer(admin.token()).get("/api/v1/entries?user_accounts=all").json()).isEmpty();
    }

    @Test
    void updateChangesTheGivenFieldsAndDeleteAnswersTheDocumentedBody() {
        var admin = fixtures.anAccount();
        var id = logged(admin, 3600).get("id").stringValue();

        var updated = api.bearer(admin.token()).put("/api/v1/entries/" + id, """
            {"entry": {"description": "Reviewed", "duration": 5400, "date": "2024-03-01"}}""").expect(200).json();
        var deleted = api.bearer(admin.token()).delete("/api/v1/entries/" + id).expect(200).json();

        assertThat(updated.get("description").stringValue()).isEqualTo("Reviewed");
        assertThat(updated.get("duration").longValue()).isEqualTo(5400);
        assertThat(updated.get("duration_hours").stringValue()).isEqualTo("1.5");
        assertThat(updated.get("date").stringValue()).isEqualTo("2024-03-01");
        assertSameShape("{\"id\": \"5432\", \"status\": \"deleted\"}", deleted);
        assertThat(deleted.get("id").stringValue()).isEqualTo(id);
        api.bearer(admin.token()).get("/api/v1/entries/" + id).expect(404);
        api.bearer(admin.token()).put("/api/v1/entries/" + id, "{\"description\": \"x\"}").expect(404);
    }

    @Test
    void membersSeeAndChangeOnlyTheirOwnEntriesAdminsAnyones() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        var manager = fixtures.aPerson(admin.account(), Role.MANAGER, null);
        var adminsEntry = logged(admin, 60).get("id").stringValue();
        var membersEntry = logged(member, 60).get("id").stringValue();

        api.bearer(member.token()).get("/api/v1/entries/" + adminsEntry).expect(403);
        api.bearer(member.token()).put("/api/v1/entries/" + adminsEntry, "{\"description\": \"x\"}").expect(403);
        api.bearer(member.token()).delete("/api/v1/entries/" + adminsEntry).expect(403);
        api.bearer(member.token()).get("/api/v1/entries?user_accounts=" + admin.membershipId()).expect(403);
        api.bearer(member.token()).post("/api/v1/entries", """
            {"entry": {"user_account_id": "%d", "date": "2024-01-01"}}""".formatted(admin.membershipId()))
            .expect(403);
        assertThat(ids(api.bearer(member.token()).get("/api/v1/entries?user_accounts=all").expect(200).json()))
            .containsExactly(membersEntry);

        api.bearer(manager.token()).get("/api/v1/entries/" + membersEntry).expect(200);
        api.bearer(manager.token()).put("/api/v1/entries/" + membersEntry, "{\"description\": \"x\"}").expect(403);
        api.bearer(admin.token()).put("/api/v1/entries/" + membersEntry, "{\"description\": \"Fixed\"}").expect(200);
        var forMember = api.bearer(admin.token()).post("/api/v1/entries", """
            {"entry": {"user_account_id": "%d", "duration": 60, "date": "2024-01-01"}}"""
            .formatted(member.membershipId())).expect(201).json();
        assertThat(forMember.get("user_account_id").stringValue()).isEqualTo(Long.toString(member.membershipId()));
        api.bearer(admin.token()).delete("/api/v1/entries/" + membersEntry).expect(200);
    }

    @Test
    void anotherAccountsEntryIsNotFound() {
        var mine = fixtures.anAccount();
        var theirs = fixtures.anAccount();
        var id = logged(theirs, 60).get("id").stringValue();

        api.bearer(mine.token()).get("/api/v1/entries/" + id).expect(404);
        api.bearer(mine.token()).put("/api/v1/entries/" + id, "{\"description\": \"x\"}").expect(404);
        api.bearer(mine.token()).delete("/api/v1/entries/" + id).expect(404);
        api.bearer(mine.token()).post("/api/v1/entries/" + id + "/redock", null).expect(404);
        assertThat(api.bearer(mine.token()).get("/api/v1/entries?user_accounts=all").json()).isEmpty();
        assertThat(api.bearer(theirs.token()).get("/api/v1/entries/" + id).expect(200).json()
            .get("description").stringValue()).isEmpty();
    }

    @Test
    void aLockedEntryCannotBeChangedOrDeleted() {
        var admin = fixtures.anAccount();
        var id = logged(admin, 60).get("id").stringValue();
        jdbc.sql("UPDATE entry SET locked_reason = 'Approved and locked for this period' WHERE id = :id")
            .param("id", Long.parseLong(id)).update();

        var refused = api.bearer(admin.token()).put("/api/v1/entries/" + id, "{\"description\": \"x\"}")
            .expect(422).json();
        api.bearer(admin.token()).delete("/api/v1/entries/" + id).expect(422);
        api.bearer(admin.token()).post("/api/v1/entries/" + id + "/redock", null).expect(422);

        assertThat(refused.get("errors").get("base").get(0).stringValue())
            .isEqualTo("Approved and locked for this period");
        api.bearer(admin.token()).get("/api/v1/entries/" + id).expect(200);
    }

    @Test
    void searchFiltersByPeopleContactsProjectsTasksAndDates() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        var abc = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"ABC\"}}");
        var xyz = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"XYZ\"}}");
        var web = post(admin, "/api/v1/projects", "{\"project\": {\"name\": \"Web\", \"contact_id\": \"" + abc + "\"}}");
        var design = post(admin, "/api/v1/tasks", "{\"task\": {\"name\": \"Design\"}}");
        var jan = entry(admin, "{\"date\": \"2024-01-10\", \"contact_id\": \"" + xyz + "\"}");
        var feb = entry(admin, "{\"date\": \"2024-02-10\", \"project_id\": \"" + web + "\", \"task_ids\": [\"" + design + "\"]}");
        var mar = entry(admin, "{\"date\": \"2024-03-10\", \"project_id\": \"" + web + "\"}");
        var members = entry(member, "{\"date\": \"2024-02-11\", \"contact_id\": \"" + abc + "\"}");

        var caller = api.bearer(admin.token());
        assertThat(ids(caller.get("/api/v1/entries").expect(200).json())).containsExactly(mar, feb, jan);
        assertThat(ids(caller.get("/api/v1/entries?user_accounts=all").json())).containsExactly(mar, members, feb, jan);
        assertThat(ids(caller.get("/api/v1/entries?users=all").json())).containsExactly(mar, members, feb, jan);
        assertThat(ids(caller.get("/api/v1/entries?user_accounts=" + member.membershipId()).json()))
            .containsExactly(members);
        assertThat(ids(caller.get("/api/v1/entries?users=" + member.userId()).json())).containsExactly(members);
        assertThat(ids(caller.get("/api/v1/entries?user_accounts=all&contacts=" + abc).json()))
            .containsExactly(mar, members, feb);
        assertThat(ids(caller.get("/api/v1/entries?contacts=" + abc + "," + xyz).json())).containsExactly(mar, feb, jan);
        assertThat(ids(caller.get("/api/v1/entries?contacts[]=" + xyz + "&contacts[]=" + abc).json()))
            .containsExactly(mar, feb, jan);
        assertThat(ids(caller.get("/api/v1/entries?projects=" + web + "&tasks=" + design).json())).containsExactly(feb);
        assertThat(ids(caller.get("/api/v1/entries?from=2024-02-01&to=2024-02-29&user_accounts=all").json()))
            .containsExactly(members, feb);
        assertThat(ids(caller.get("/api/v1/entries?from=2024-03-10").json())).containsExactly(mar);
        assertThat(ids(caller.get("/api/v1/entries?since=2000-01-01T00:00:00Z").json())).containsExactly(mar, feb, jan);
        assertThat(ids(caller.get("/api/v1/entries?since=2999-01-01T00:00:00Z").json())).isEmpty();
        assertThat(ids(caller.get("/api/v1/entries?limit=2").json())).containsExactly(mar, feb);
        assertThat(ids(caller.get("/api/v1/entries?limit=2&offset=2").json())).containsExactly(jan);

        caller.get("/api/v1/entries?limit=0").expect(422);
        caller.get("/api/v1/entries?limit=1001").expect(422);
        caller.get("/api/v1/entries?offset=-1").expect(422);
        caller.get("/api/v1/entries?from=yesterday").expect(422);
        caller.get("/api/v1/entries?since=soon").expect(422);
        assertThat(caller.get("/api/v1/entries?contacts=abc").expect(422).json().get("errors").has("contacts")).isTrue();
    }

    @Test
    void deletingATaskRemovesItFromEntriesAndDeletingAContactKeepsItsEntries() {
        var admin = fixtures.anAccount();
        var contact = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"ABC\"}}");
        var design = post(admin, "/api/v1/tasks", "{\"task\": {\"name\": \"Design\"}}");
        var id = entry(admin, "{\"date\": \"2024-01-10\", \"contact_id\": \"" + contact + "\", \"task_ids\": [\""
            + design + "\"]}");
        assertThat(api.bearer(admin.token()).get("/api/v1/tasks/" + design).json().get("entries_count").longValue())
            .isEqualTo(1);

        api.bearer(admin.token()).delete("/api/v1/tasks/" + design).expect(200);
        api.bearer(admin.token()).delete("/api/v1/contacts/" + contact).expect(200);

        var entry = api.bearer(admin.token()).get("/api/v1/entries/" + id).expect(200).json();
        assertThat(entry.get("task_ids")).isEmpty();
        assertThat(entry.get("contact_id").stringValue()).isEqualTo(contact);
        api.bearer(admin.token()).put("/api/v1/entries/" + id, "{\"entry\": {\"description\": \"still editable\"}}")
            .expect(200);
    }

    private JsonNode logged(Person person, long seconds) {
        return create(person, "{\"entry\": {\"duration\": " + seconds + ", \"date\": \"2024-01-20\"}}");
    }

    private String entry(Person person, String fields) {
        return create(person, "{\"entry\": " + fields + "}").get("id").stringValue();
    }

    private JsonNode create(Person person, String body) {
        return api.bearer(person.token()).post("/api/v1/entries", body).expect(201).json();
    }

    private String post(Person person, String path, String body) {
        return api.bearer(person.token()).post(path, body).expect(201).json().get("id").stringValue();
    }

    private String error(Person person, String body, String field) {
        var errors = api.bearer(person.token()).post("/api/v1/entries", body).expect(422).json().get("errors");
        assertThat(errors.has(field)).as("errors %s name %s", errors, field).isTrue();
        return errors.get(field).get(0).stringValue();
    }

    static List<String> ids(JsonNode array) {
        var ids = new ArrayList<String>();
        array.forEach(item -> ids.add(item.isString() ? item.stringValue() : item.get("id").stringValue()));
        return ids;
    }
}
