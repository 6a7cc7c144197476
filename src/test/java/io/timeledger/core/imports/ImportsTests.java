package io.timeledger.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.timeledger.core.common.Forbidden;
import io.timeledger.core.common.Invalid;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Imports of the detailed time reports Harvest, Toggl Track and Clockify export, in their own
 * columns: what they hold arrives as entries with the right people, clients, projects, tasks,
 * durations, billable flags and rates; a second import of the same file adds nothing; a dry run
 * stores nothing; unreadable rows are said with their line, the rest imported.
 */
@ApiTest
class ImportsTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Harvest's detailed time report, as its export writes it. */
    static final String HARVEST = """
        Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,Approved?,First Name,\
        Last Name,Roles,Employee?,Billable Rate,Billable Amount,Cost Rate,Cost Amount,Currency,External Reference URL
        2026-10-05,ABC Corp,Marketing Website,MW,Graphic Design,Homepage mockups,2.5,2.5,Yes,No,No,Kim,Allen,,Yes,\
        100.0,250.0,50.0,125.0,US Dollar - USD,
        2026-10-05,ABC Corp,Marketing Website,MW,Graphic Design,Homepage mockups,2.5,2.5,Yes,No,No,Kim,Allen,,Yes,\
        100.0,250.0,50.0,125.0,US Dollar - USD,
        2026-10-06,ABC Corp,Marketing Website,MW,Project Management,"Standup, planning",0.75,0.75,No,Yes,Yes,\
        Tom,Lee,,Yes,0,0,40.0,30.0,US Dollar - USD,
        2026-10-07,Globex,Online Store,,Programming,=cmd|' /C calc'!A0,1.0,1.0,Yes,No,No,Kim,Allen,,Yes,150.0,150.0,\
        50.0,50.0,US Dollar - USD,
        """;

    /** Toggl Track's detailed report, with a byte order mark. */
    static final String TOGGL = "\uFEFF" + """
        User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,\
        Amount (USD)
        Ada Lovelace,ada@example.com,Acme,Website,Design,Wireframes,Yes,2026-10-05,09:00:00,2026-10-05,10:30:00,\
        01:30:00,"design, client work",180.00
        Ada Lovelace,ada@example.com,,,,Admin,No,2026-10-05,23:30:00,2026-10-06,00:15:00,00:45:00,,
        """;

    /** Clockify's detailed report: US dates, 12-hour times with and without seconds. */
    static final String CLOCKIFY = """
        Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,\
        Duration (h),Duration (decimal),Billable Rate (USD),Billable Amount (USD)
        Website,Acme,Call with Wile,Meetings,Grace Hopper,,grace@example.com,,Yes,10/05/2026,1:00:00 PM,\
        10/05/2026,2:15:00 PM,01:15:00,1.25,90.00,112.50
        Website,Acme,Review,Meetings,Grace Hopper,,grace@example.com,,No,10/06/2026,9:05 AM,10/06/2026,9:35 AM,\
        00:30:00,0.50,0.00,0.00
        Website,Acme,Broken,Meetings,Grace Hopper,,grace@example.com,,Yes,13/45/2026,9:05 AM,10/06/2026,9:35 AM,\
        00:30:00,0.50,0.00,0.00
        Website,Acme,Broken too,Meetings,Grace Hopper,,grace@example.com,,Yes,10/07/2026,9:05 AM,10/07/2026,\
        9:35 AM,half an hour,0.50,0.00,0.00
        """;

    @Autowired Imports imports;
    @Autowired io.timeledger.core.approval.Approvals approvals;
    @Autowired JdbcClient jdbc;
    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @org.springframework.beans.factory.annotation.Value("${local.server.port}") int port;

    @Test
    void aHarvestReportArrivesWithItsPeopleWorkRatesAndLocksAndOnlyOnce() {
        var admin = fixtures.anAccount();
        var actor = fixtures.actorOf(admin);

        var dryRun = imports.run(actor, ImportSource.HARVEST_CSV, new StringReader(HARVEST), BERLIN, true);
        assertThat(dryRun.created()).isEqualTo(4);
        assertThat(dryRun.clients()).containsExactly("ABC Corp", "Globex");
        assertThat(dryRun.people()).containsExactly("Kim Allen", "Tom Lee");
        assertThat(entries(admin)).as("a dry run stores nothing").isEmpty();

        var report = imports.run(actor, ImportSource.HARVEST_CSV, new StringReader(HARVEST), BERLIN, false);
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.created()).isEqualTo(4);
        assertThat(report.projects()).containsExactly("Marketing Website", "Online Store");
        assertThat(report.tasks()).containsExactly("Graphic Design", "Project Management", "Programming");
        assertThat(report.problems()).isEmpty();

        var entries = entries(admin);
        assertThat(entries).hasSize(4);
        var mockups = find(entries, "Homepage mockups");
        assertThat(mockups.get("hours").doubleValue()).isEqualTo(2.5);
        assertThat(mockups.get("user").get("name").stringValue()).isEqualTo("Kim Allen");
        assertThat(mockups.get("client").get("name").stringValue()).isEqualTo("ABC Corp");
        assertThat(mockups.get("project").get("name").stringValue()).isEqualTo("Marketing Website");
        assertThat(mockups.get("task").get("name").stringValue()).isEqualTo("Graphic Design");
        assertThat(mockups.get("billable_rate").doubleValue()).isEqualTo(100.0);
        assertThat(mockups.get("cost_rate").doubleValue()).isEqualTo(50.0);
        var standup = find(entries, "Standup, planning");
        assertThat(standup.get("billable").booleanValue()).isFalse();
        assertThat(standup.get("is_closed").booleanValue()).as("approved in Harvest").isTrue();
        assertThat(standup.get("locked_reason").stringValue()).isEqualTo("Invoiced in Harvest before the import");
        assertThat(find(entries, "=cmd|' /C calc'!A0").get("billable_rate").doubleValue())
            .as("a formula is notes like any other").isEqualTo(150.0);
        var placeholders = api.bearer(admin.token()).header("Harvest-Account-Id", admin.account().toString())
            .get("/v2/users?is_active=false").expect(200).json().get("users");
        assertThat(placeholders.valueStream().map(u -> u.get("email").stringValue()).toList())
            .containsExactlyInAnyOrder("kim.allen@imported.invalid", "tom.lee@imported.invalid");

        var feed = jdbc.sql("SELECT seq, kind, object_id FROM change_log WHERE account_id = :account ORDER BY seq")
            .param("account", admin.account().value()).query((rs, row) -> rs.getLong(1) + " " + rs.getString(2))
            .list();
        int made = feed.size() - 4;
        assertThat(feed).as("the change feed numbers the new catalog, then each imported entry, in order, without gaps")
            .endsWith(made + 1 + " entry.created", made + 2 + " entry.created", made + 3 + " entry.created",
                made + 4 + " entry.created");
        assertThat(feed.subList(0, made)).as("two clients, their projects and tasks")
            .hasSizeGreaterThanOrEqualTo(4).allMatch(change -> change.matches("\\d+ (contact|project|task)\\.changed"))
            .first().isEqualTo("1 contact.changed");
        assertThat(jdbc.sql("SELECT count(*) FROM change_batch").query(Long.class).single()).isZero();

        var again = imports.run(actor, ImportSource.HARVEST_CSV, new StringReader(HARVEST), BERLIN, false);
        assertThat(again.created()).isZero();
        assertThat(again.skipped()).isEqualTo(4);
        assertThat(again.clients()).isEmpty();
        assertThat(entries(admin)).hasSize(4);
    }

    @Test
    void aTogglReportKeepsItsTimesTagsAndAmounts() {
        var admin = fixtures.anAccount();
        var report = imports.run(fixtures.actorOf(admin), ImportSource.TOGGL_CSV, new StringReader(TOGGL), BERLIN,
            false);
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(2);
        var entries = entries(admin);
        var wireframes = find(entries, "Wireframes #design #client-work");
        assertThat(wireframes.get("hours").doubleValue()).isEqualTo(1.5);
        assertThat(wireframes.get("billable_rate").doubleValue()).as("180.00 for 1.5 hours").isEqualTo(120.0);
        assertThat(wireframes.get("user").get("name").stringValue()).isEqualTo("Ada Lovelace");
        assertThat(wireframes.get("spent_date").stringValue()).isEqualTo("2026-10-05");
        var admin2 = find(entries, "Admin");
        assertThat(admin2.get("hours").doubleValue()).isEqualTo(0.75);
        assertThat(admin2.get("billable").booleanValue()).isFalse();
        assertThat(admin2.get("client").isNull()).isTrue();
    }

    @Test
    void aReportWithTimeInAnApprovedWeekImportsNothing() {
        var admin = fixtures.anAccount();
        var actor = fixtures.actorOf(admin);
        api.bearer(admin.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-10-06\", \"duration\": 3600}}")
            .expect(201);
        approvals.submit(actor, LocalDate.parse("2026-10-06"));
        approvals.approve(actor, admin.membershipId(), LocalDate.parse("2026-10-06"), null);
        var report = """
            User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,\
            Tags,Amount (USD)
            ,,Acme,Website,,Earlier work,Yes,2026-09-28,09:00:00,2026-09-28,10:00:00,01:00:00,,
            ,,Acme,Website,,Into the approved week,Yes,2026-10-07,09:00:00,2026-10-07,10:00:00,01:00:00,,
            """;

        assertThatThrownBy(() -> imports.run(actor, ImportSource.TOGGL_CSV, new StringReader(report), BERLIN, false))
            .isInstanceOfSatisfying(Invalid.class, refused -> assertThat(refused.violations()).singleElement()
                .satisfies(violation -> assertThat(violation.message())
                    .startsWith("Nothing was imported: ").contains("2026-10-07", "approved")));
        assertThat(entries(admin)).as("the approved week's hour only, nor Acme made").hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE account_id = :account")
            .param("account", admin.account().value()).query(Long.class).single()).isZero();
    }

    @Test
    void aClockifyReportWithUsDatesAndTwelveHourTimesSaysWhichRowsItCannotRead() {
        var admin = fixtures.anAccount();
        var report = imports.run(fixtures.actorOf(admin), ImportSource.CLOCKIFY_CSV, new StringReader(CLOCKIFY),
            BERLIN, false);
        assertThat(report.created()).as(report.problems().toString()).isEqualTo(2);
        assertThat(report.problems()).extracting(ImportReport.Problem::line, ImportReport.Problem::message)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "Start Date is not a date: \"13/45/2026\""),
                org.assertj.core.groups.Tuple.tuple(5L, "Duration (h) is not a duration: \"half an hour\""));
        var call = find(entries(admin), "Call with Wile");
        assertThat(call.get("hours").doubleValue()).isEqualTo(1.25);
        assertThat(call.get("billable_rate").doubleValue()).isEqualTo(90.0);
        assertThat(call.get("task").get("name").stringValue()).isEqualTo("Meetings");
    }

    @Test
    void aLiveHarvestAccountIsImportedOverItsApiEachEntryOnce() {
        // the source: an account of this very server, which speaks Harvest v2
        var source = fixtures.anAccount();
        var caller = api.bearer(source.token());
        var client = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"Initech\", \"default_rate_dollars\":"
            + " \"140.00\"}}").expect(201).json().get("id").stringValue();
        caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-09-01\", \"duration\": 7200, \"contact_id\": \""
            + client + "\", \"description\": \"TPS reports\"}}").expect(201);
        caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-09-02\", \"duration\": 1800,"
            + " \"description\": \"Stapler\"}}").expect(201);
        // a project with a task and its manager assigned, and no time on it yet
        var project = caller.post("/api/v1/projects", "{\"project\": {\"name\": \"Rollout\", \"contact_id\": \""
            + client + "\"}}").expect(201).json().get("id").stringValue();
        var task = caller.post("/api/v1/tasks", "{\"task\": {\"name\": \"Migration\"}}").expect(201).json().get("id")
            .stringValue();
        caller.post("/v2/projects/" + project + "/task_assignments", "{\"task_id\": " + task + ", \"billable\": true,"
            + " \"hourly_rate\": 155.0}").expect(201);
        caller.post("/v2/projects/" + project + "/user_assignments", "{\"user_id\": " + source.membershipId()
            + ", \"is_project_manager\": true}").expect(201);
        var target = fixtures.anAccount();
        var harvest = new HarvestAccount("http://localhost:" + port, source.token(), source.account().toString());

        var report = imports.run(fixtures.actorOf(target), harvest, BERLIN, false);
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.clients()).containsExactly("Initech");
        var tps = find(entries(target), "TPS reports");
        assertThat(tps.get("hours").doubleValue()).isEqualTo(2.0);
        assertThat(tps.get("billable_rate").doubleValue()).isEqualTo(140.0);
        assertThat(tps.get("client").get("name").stringValue()).isEqualTo("Initech");
        assertThat(tps.get("user").get("id").asLong()).as("the source's admin, by email, is the target's")
            .isNotEqualTo(target.membershipId());
        assertThat(report.projects()).contains("Rollout");
        assertThat(report.tasks()).contains("Migration");
        assertThat(report.assignments()).isEqualTo(2);
        var targetApi = api.bearer(target.token()).header("Harvest-Account-Id", target.account().toString());
        var rollout = java.util.stream.StreamSupport.stream(targetApi.get("/v2/projects").expect(200).json()
            .get("projects").spliterator(), false).filter(p -> p.get("name").stringValue().equals("Rollout"))
            .findFirst().orElseThrow();
        assertThat(rollout.get("client").get("name").stringValue()).isEqualTo("Initech");
        var assignedTask = targetApi.get("/v2/projects/" + rollout.get("id").asLong() + "/task_assignments").expect(200)
            .json().get("task_assignments").get(0);
        assertThat(assignedTask.get("task").get("name").stringValue()).isEqualTo("Migration");
        assertThat(assignedTask.get("billable").booleanValue()).isTrue();
        assertThat(assignedTask.get("hourly_rate").doubleValue()).isEqualTo(155.0);
        var assignedUser = targetApi.get("/v2/projects/" + rollout.get("id").asLong() + "/user_assignments").expect(200)
            .json().get("user_assignments").get(0);
        assertThat(assignedUser.get("user").get("id").asLong()).isEqualTo(tps.get("user").get("id").asLong());
        assertThat(assignedUser.get("is_project_manager").booleanValue()).isTrue();

        var again = imports.run(fixtures.actorOf(target), harvest, BERLIN, false);
        assertThat(again.created()).isZero();
        assertThat(again.assignments()).isZero();
        assertThat(again.skipped()).isEqualTo(2);
        assertThatThrownBy(() -> imports.run(fixtures.actorOf(target),
            new HarvestAccount("http://localhost:" + port, "not-a-token", source.account().toString()), BERLIN, false))
            .isInstanceOf(Invalid.class).hasMessageContaining("was refused");
    }

    @Test
    void aFileOfAnotherShapeIsSaidAndOnlyAdministratorsImport() {
        var admin = fixtures.anAccount();
        var wrong = imports.run(fixtures.actorOf(admin), ImportSource.HARVEST_CSV, new StringReader(TOGGL), BERLIN,
            false);
        assertThat(wrong.created()).isZero();
        assertThat(wrong.problems()).extracting(ImportReport.Problem::message)
            .containsExactly("This is not Harvest's detailed time report: it has no Date, Hours columns");
        var latin1 = TOGGL.substring(1).replace("Ada", "Zoë").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> imports.run(fixtures.actorOf(admin), ImportSource.TOGGL_CSV,
            new ByteArrayInputStream(latin1), BERLIN, false)).isInstanceOf(Invalid.class)
            .hasMessageContaining("UTF-8");
        var member = fixtures.aMember(admin.account());
        assertThatThrownBy(() -> imports.run(fixtures.actorOf(member), ImportSource.TOGGL_CSV,
            new StringReader(TOGGL), BERLIN, false)).isInstanceOf(Forbidden.class);
    }

    private List<JsonNode> entries(Fixtures.Person admin) {
        var found = new ArrayList<JsonNode>();
        api.bearer(admin.token()).header("Harvest-Account-Id", admin.account().toString())
            .get("/v2/time_entries?per_page=2000").expect(200).json().get("time_entries").forEach(found::add);
        return found;
    }

    private static JsonNode find(List<JsonNode> entries, String notes) {
        return entries.stream().filter(e -> notes.equals(e.get("notes").stringValue())).findFirst().orElseThrow();
    }
}
