package io.timeledger.web.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Role;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.EventStream;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Statements;
import io.timeledger.support.Unannounced;
import io.timeledger.support.WebSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * Timesheet approval through the pages, seen by every dialect: a person submits their week, a
 * manager approves it and its time is locked in Harvest's and MinuteDock's APIs (no entry changes,
 * none is added or moved into it) until an administrator reopens it; a week sent back carries its
 * note to the person's timesheet; who may decide is the role's; each change reaches the change feed.
 */
@ApiTest
class ApprovalsTests {

    static final String PASSWORD = "correct horse battery";
    /** A Monday, and two days of its week (accounts' weeks start on Mondays unless set otherwise). */
    static final String MONDAY = "2026-01-05";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @Test
    void aWeekSubmittedThroughThisServerShowsOnItsNextPageUnannounced() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var member = fixtures.aMemberSigningInWith(admin.account(), PASSWORD);
        var entry = api.bearer(member.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-01-06\","
            + " \"duration\": 3600, \"description\": \"Tuesday's work\"}}").expect(201).json().get("id").asLong();
        var person = WebSession.signedIn(port, member.email(), PASSWORD);
        // the open week and the account's waiting weeks are now remembered
        assertThat(text(person.get("/timesheet?date=" + MONDAY))).contains("This week has not been submitted");
        assertThat(harvest(admin, entry).get("approval_status").stringValue()).isEqualTo("unsubmitted");

        // V28's trigger silent: only this server's forgetting at commit can show the change
        Unannounced.run(jdbc, "timesheet_approval", "timesheet_approval_announced", () -> {
            assertThat(person.submit("/timesheet/approval/submit", "date", "2026-01-07", "view", "week"))
                .contains("Submitted for approval");
            assertThat(harvest(admin, entry).get("approval_status").stringValue()).isEqualTo("submitted");
        });
    }

    @Test
    void anApprovedWeekIsLockedInEveryDialectUntilAnAdministratorReopensIt() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var member = fixtures.aMemberSigningInWith(admin.account(), PASSWORD);
        var entry = api.bearer(member.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-01-06\","
            + " \"duration\": 3600, \"description\": \"Tuesday's work\"}}").expect(201).json().get("id").asLong();
        var person = WebSession.signedIn(port, member.email(), PASSWORD);
        var manager = WebSession.signedIn(port, admin.email(), PASSWORD);

        assertThat(text(person.get("/timesheet?date=" + MONDAY))).contains("This week has not been submitted");
        try (var feed = EventStream.withToken("http://localhost:" + port, "/events", admin.token(), null)) {
            assertThat(person.submit("/timesheet/approval/submit", "date", "2026-01-07", "view", "week"))
                .contains("The week is submitted for approval.", "Submitted for approval");
            assertThat(feed.during(Duration.ofSeconds(2))).anySatisfy(event ->
                assertThat(event.name()).isEqualTo("approval.changed"));
        }
        assertThat(harvest(admin, entry).get("approval_status").stringValue()).isEqualTo("submitted");

        var week = text(manager.get("/manage/approvals?date=" + MONDAY));
        assertThat(week).contains("Week of 5 Jan 2026", "Pat Doe", "submitted", "1:00");
        assertThat(manager.submit("/manage/approvals/" + member.membershipId() + "/approve", "date", MONDAY,
            "note", "")).contains("Approved the week of Pat Doe: its time is locked.", "approved");

        var approved = harvest(admin, entry);
        assertThat(approved.get("is_closed").booleanValue()).isTrue();
        assertThat(approved.get("is_locked").booleanValue()).isTrue();
        assertThat(approved.get("locked_reason").stringValue()).isEqualTo("The entry has been approved");
        assertThat(approved.get("approval_status").stringValue()).isEqualTo("approved");
        var caller = api.bearer(member.token()).header("Harvest-Account-Id", admin.account().toString());
        var refused = caller.patch("/v2/time_entries/" + entry, "{\"notes\": \"changed\"}");
        assertThat(refused.status()).isBetween(400, 499);
        assertThat(refused.text()).contains("approved");
        var added = api.bearer(member.token()).post("/api/v1/entries",
            "{\"entry\": {\"date\": \"2026-01-08\", \"duration\": 600}}");
        assertThat(added.status()).isBetween(400, 499);
        assertThat(added.text()).contains("has been approved");
        var other = api.bearer(member.token()).post("/api/v1/entries",
            "{\"entry\": {\"date\": \"2026-01-12\", \"duration\": 600}}").expect(201).json().get("id").asLong();
        assertThat(caller.patch("/v2/time_entries/" + other, "{\"spent_date\": \"2026-01-09\"}").status())
            .as("moved into the approved week").isBetween(400, 499);
        assertThat(text(person.get("/timesheet?date=" + MONDAY))).contains("Approved by Pat Doe",
            "this week's time is locked");

        assertThat(manager.submit("/manage/approvals/" + member.membershipId() + "/reopen", "date", MONDAY))
            .contains("Reopened the week of Pat Doe");
        caller.patch("/v2/time_entries/" + entry, "{\"notes\": \"changed\"}").expect(200);
        assertThat(harvest(admin, entry).get("approval_status").stringValue()).isEqualTo("unsubmitted");
    }

    @Test
    void aWeekSentBackCarriesItsNoteAndOnlyThoseWhoMayDecideDo() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var member = fixtures.aMemberSigningInWith(admin.account(), PASSWORD);
        var manager = fixtures.aPersonSigningInWith(admin.account(), Role.MANAGER, PASSWORD);
        api.bearer(member.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-01-06\", \"duration\": 3600}}")
            .expect(201);
        api.bearer(manager.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-01-06\", \"duration\": 60}}")
            .expect(201);
        var person = WebSession.signedIn(port, member.email(), PASSWORD);
        var managerPages = WebSession.signedIn(port, manager.email(), PASSWORD);
        person.submit("/timesheet/approval/submit", "date", MONDAY);

        assertThat(person.get("/manage/approvals").statusCode()).isEqualTo(403);
        assertThat(person.postForm("/manage/approvals/" + member.membershipId() + "/approve", "date", MONDAY)
            .statusCode()).isEqualTo(403);
        assertThat(managerPages.submit("/manage/approvals/" + member.membershipId() + "/reject", "date", MONDAY,
            "note", " ")).contains("Note can't be blank: say what should change.");
        assertThat(managerPages.submit("/manage/approvals/" + member.membershipId() + "/reject", "date", MONDAY,
            "note", "Split the workshop from the travel")).contains("Sent the week back to Pat Doe.");
        assertThat(text(person.get("/timesheet?date=2026-01-09"))).contains("Sent back by Pat Doe",
            "Split the workshop from the travel", "Submit week for approval");

        managerPages.submit("/timesheet/approval/submit", "date", MONDAY);
        assertThat(managerPages.postForm("/manage/approvals/" + manager.membershipId() + "/approve", "date", MONDAY)
            .statusCode()).as("a manager's own week is an administrator's to approve").isEqualTo(403);
        assertThat(managerPages.submit("/manage/approvals/" + member.membershipId() + "/approve", "date", MONDAY))
            .contains("Only a submitted week can be approved.");
        assertThat(managerPages.postForm("/manage/approvals/" + member.membershipId() + "/reopen", "date", MONDAY)
            .statusCode()).as("reopening is an administrator's").isEqualTo(403);

        var stranger = fixtures.anAccountSigningInWith(PASSWORD);
        assertThat(WebSession.signedIn(port, stranger.email(), PASSWORD)
            .postForm("/manage/approvals/" + member.membershipId() + "/approve", "date", MONDAY).statusCode())
            .as("another account's person").isEqualTo(404);
    }

    private JsonNode harvest(Fixtures.Person admin, long entry) {
        return api.bearer(admin.token()).header("Harvest-Account-Id", admin.account().toString())
            .get("/v2/time_entries/" + entry).expect(200).json();
    }

    @Test
    void aWeekSubmittedThroughAnotherServerReachesTheTimesheetWithinMoments() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var member = fixtures.aMemberSigningInWith(admin.account(), PASSWORD);
        api.bearer(member.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-01-06\","
            + " \"duration\": 3600}}").expect(201);
        var person = WebSession.signedIn(port, member.email(), PASSWORD);
        assertThat(text(person.get("/timesheet?date=" + MONDAY))).contains("This week has not been submitted");

        // what another node's submission writes: V28's trigger announces that the account's weeks changed
        jdbc.sql("""
                INSERT INTO timesheet_approval (account_id, membership_id, period_start, period_end, status, submitted_at)
                VALUES (:account, :membership, DATE '2026-01-05', DATE '2026-01-11', 'submitted', now())""")
            .param("account", admin.account().value())
            .param("membership", member.membershipId())
            .update();

        assertThat(Statements.within(() -> text(person.get("/timesheet?date=" + MONDAY))
            .contains("Submitted for approval"))).as("the week this server remembered is forgotten").isTrue();
    }

    private static String text(java.net.http.HttpResponse<String> page) {
        return HtmlUtils.htmlUnescape(page.body());
    }
}
