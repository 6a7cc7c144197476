package io.timeledger.web.timesheet;

import static io.timeledger.support.Statements.within;
import static io.timeledger.support.WebSession.hidden;
import static io.timeledger.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Role;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.TestClock;
import io.timeledger.support.Unannounced;
import io.timeledger.support.WebSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The timesheet page over the ledger every API sees: its timer is the person's dock. */
@ApiTest
class TimesheetTests {

    static final String PASSWORD = "correct horse battery";
    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @Test
    void signingInLandsOnTodaysTimesheet() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = new WebSession(port);

        assertThat(location(browser.signIn(person.email(), PASSWORD))).endsWith("/timesheet");
        var page = browser.get("/timesheet").body();

        assertThat(page).contains("Nothing tracked on this day yet.", "What are you working on?", "id=\"week-total\"");
        assertThat(location(browser.get("/"))).endsWith("/timesheet");
        assertThat(location(new WebSession(port).get("/timesheet"))).endsWith("/login");
    }

    @Test
    void someoneAloneInTheirAccountIsNotAskedToSubmitTheirWeekForApproval() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var day = today(person);
        api.bearer(person.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"" + day
            + "\", \"duration\": 3600}}").expect(201);

        assertThat(signedIn(person).get("/timesheet?date=" + day).body()).contains(">1:00<")
            .doesNotContain("id=\"submit-week\"", "not been submitted");

        fixtures.aMember(person.account());
        var browser = signedIn(person);
        assertThat(within(() -> browser.get("/timesheet?date=" + day).body().contains("not been submitted")))
            .as("with a teammate there is someone to approve it").isTrue();
    }

    @Test
    void aNewAccountsFirstDaySaysWhereProjectsAreMadeUntilThereIsOne() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var member = fixtures.aMemberSigningInWith(person.account(), PASSWORD);

        assertThat(signedIn(person).get("/timesheet").body()).contains("id=\"no-projects\"",
            "href=\"/manage/clients\"");
        assertThat(signedIn(member).get("/timesheet").body()).contains("an administrator adds them")
            .doesNotContain("href=\"/manage/clients\"");

        var caller = api.bearer(person.token());
        var contact = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"ACME\"}}").expect(201).json()
            .get("id").stringValue();
        caller.post("/api/v1/projects", "{\"project\": {\"name\": \"Website\", \"contact_id\": \"" + contact + "\"}}")
            .expect(201);
        assertThat(signedIn(person).get("/timesheet").body()).doesNotContain("id=\"no-projects\"")
            .contains(">Website</option>");
    }

    @Test
    void theAppInstallsOnAPhonesHomeScreen() {
        var anyone = new WebSession(port);

        var manifest = anyone.get("/manifest.webmanifest");
        var icon = anyone.getBytes("/icons/icon-512.png");

        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/manifest+json");
        assertThat(manifest.body()).contains("\"start_url\": \"/timesheet\"", "\"display\": \"standalone\"");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(anyone.get("/login").body()).contains("rel=\"manifest\"", "rel=\"apple-touch-icon\"");
    }

    @Test
    void timeAddedOnThePageIsTheLedgersAndCanBeChangedDeletedAndPutBack() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = signedIn(person);
        var day = today(person).minusDays(1);

        var page = post(browser, "/timesheet/entries", "date", day.toString(), "duration", "1:30", "description",
            "Wireframes");

        assertThat(page).contains("Added 1:30.", "Wireframes", ">1:30<");
        var entries = api.bearer(person.token()).get("/api/v1/entries?from=" + day + "&to=" + day).expect(200).json();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.get("duration").longValue()).isEqualTo(5400);
            assertThat(entry.get("description").stringValue()).isEqualTo("Wireframes");
        });
        var id = entries.get(0).get("id").stringValue();

        post(browser, "/timesheet/entries/" + id, "date", day.toString(), "duration", "2h", "description", "Mockups");
        assertThat(api.bearer(person.token()).get("/api/v1/entries/" + id).json().get("duration").longValue())
            .isEqualTo(7200);

        var deleted = post(browser, "/timesheet/entries/" + id + "/delete", "date", day.toString());
        assertThat(deleted).contains("Deleted “Mockups”.", "Nothing tracked on this day yet.", "id=\"undo\"");
        api.bearer(person.token()).get("/api/v1/entries/" + id).expect(404);

        assertThat(post(browser, "/timesheet/entries", "date", hidden(deleted, "date"), "duration",
            hidden(deleted, "duration"), "description", hidden(deleted, "description"))).contains("Mockups", ">2:00<");
    }

    @Test
    void aLiveReloadOfThePageLeavesTheNoticeToThePageTheFormLeadsTo() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = signedIn(person);
        var day = today(person).minusDays(1);
        post(browser, "/timesheet/entries", "date", day.toString(), "duration", "1:30", "description", "Wireframes");
        var id = api.bearer(person.token()).get("/api/v1/entries?from=" + day + "&to=" + day).json().get(0)
            .get("id").stringValue();

        var leadsTo = location(browser.post("/timesheet/entries/" + id + "/delete", "date", day.toString(), "_csrf",
            hidden(browser.get("/profile").body(), "_csrf")));
        var liveReload = browser.get(leadsTo, "HX-Request", "true").body();
        var page = browser.get(leadsTo).body();

        assertThat(liveReload).doesNotContain("Deleted “Wireframes”.");
        assertThat(page).contains("Deleted “Wireframes”.", "id=\"undo\"");
    }

    @Test
    void entriesOfAProjectPastItsBudgetAreFlagged() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var caller = api.bearer(person.token());
        var contact = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"ABC\"}}").expect(201).json()
            .get("id").stringValue();
        var capped = caller.post("/api/v1/projects", ("{\"project\": {\"name\": \"Capped\", \"contact_id\": \"%s\","
            + " \"budget_type\": \"hours\", \"budget_frequency\": \"total\", \"budget_target\": 1}}").formatted(contact))
            .expect(201).json().get("id").stringValue();
        var open = caller.post("/api/v1/projects", ("{\"project\": {\"name\": \"Open\", \"contact_id\": \"%s\","
            + " \"budget_type\": \"hours\", \"budget_frequency\": \"total\", \"budget_target\": 10}}").formatted(contact))
            .expect(201).json().get("id").stringValue();
        var day = today(person).minusDays(1);
        for (var project : new String[] {capped, open}) {
            caller.post("/api/v1/entries", ("{\"entry\": {\"date\": \"%s\", \"duration\": 5400, \"project_id\": \"%s\","
                + " \"description\": \"On %s\"}}").formatted(day, project, project)).expect(201);
        }

        var page = signedIn(person).get("/timesheet?date=" + day).body();

        assertThat(page).containsOnlyOnce("Project over budget: 1.50 of 1.00 hours this budget period");
    }

    @Test
    void theTimerIsTheDockEveryApiSees() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = signedIn(person);

        var running = post(browser, "/timesheet/timer/start", "description", "Fixing the build");
        assertThat(running).contains("Fixing the build", "id=\"pause\"", "id=\"stop\"");
        // one click away from every page
        assertThat(browser.get("/profile").body()).contains("id=\"header-timer\"", "Fixing the build");
        assertThat(dock(person).get("timer_active").booleanValue()).isTrue();

        // paused from a phone through MinuteDock's API: the page shows it and offers to resume
        api.bearer(person.token()).put("/api/v1/dock", "{\"entry\": {\"timer_active\": false, \"version_number\": "
            + version(running) + "}}").expect(200);
        var paused = browser.get("/timesheet").body();
        assertThat(paused).contains("id=\"resume\"").doesNotContain("id=\"pause\"");

        // a page still holding the old version is told, and changes nothing
        assertThat(post(browser, "/timesheet/timer/resume", "version", version(running)))
            .contains("The timer was changed on another device meanwhile");
        assertThat(dock(person).get("timer_active").booleanValue()).isFalse();

        assertThat(post(browser, "/timesheet/timer/stop", "version", version(paused)))
            .contains("The time is logged for today.", "Fixing the build", "id=\"start\"");
        assertThat(api.bearer(person.token()).get("/api/v1/entries").expect(200).json()).singleElement()
            .satisfies(entry -> assertThat(entry.get("description").stringValue()).isEqualTo("Fixing the build"));
    }

    @Test
    void aTimerStartedByAnotherAppIsShownAndStoppedHere() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = signedIn(person);
        var expensicat = api.bearer(person.token());
        var id = expensicat.post("/v1/time-entries", "{\"description\": \"Call with the client\", "
            + "\"start_time\": \"" + clock.instant().minusSeconds(600) + "\"}").expect(201).json()
            .get("data").get("id").stringValue();

        var page = browser.get("/timesheet").body();
        assertThat(page).contains("Call with the client", "/timesheet/entries/" + id + "/stop", ">0:10<");

        post(browser, "/timesheet/entries/" + id + "/stop");
        assertThat(expensicat.get("/v1/time-entries/" + id).json().get("data").get("end_time").isString()).isTrue();
    }

    @Test
    void anAccountThatTracksStartAndEndTimesAddsTimeByThem() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = signedIn(person);
        api.bearer(person.token()).header("Harvest-Account-Id", person.account().toString())
            .patch("/v2/company", "{\"wants_timestamp_timers\": true}").expect(200);
        var day = today(person).minusDays(1);

        assertThat(browser.get("/timesheet?date=" + day).body()).contains("id=\"add-started\"", "id=\"add-ended\"")
            .doesNotContain("id=\"add-duration\"");
        var page = post(browser, "/timesheet/entries", "date", day.toString(), "started", "9:00am", "ended", "10:45am",
            "description", "Workshop");

        assertThat(page).contains("Added 1:45.", "Workshop");
        var entry = api.bearer(person.token()).header("Harvest-Account-Id", person.account().toString())
            .get("/v2/time_entries?from=" + day + "&to=" + day).expect(200).json().get("time_entries").get(0);
        assertThat(entry.get("started_time").stringValue()).isEqualTo("9:00am");
        assertThat(entry.get("ended_time").stringValue()).isEqualTo("10:45am");
        assertThat(post(browser, "/timesheet/entries", "date", day.toString(), "started", "10am", "ended", "9am"))
            .contains("Ended time must not be before the start.");
    }

    @Test
    void refusalsAreSaidOnThePage() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = signedIn(person);

        var page = post(browser, "/timesheet/entries", "date", today(person).toString(), "duration", "soon");

        assertThat(page).contains("Duration is not a duration: type it like 1:30, 1.5 or 90m.");
    }

    @Test
    void invoicedTimeIsShownReadOnlyWithItsInvoice() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = signedIn(person);
        var caller = api.bearer(person.token());
        var contact = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"ACME\", "
            + "\"default_rate_dollars\": \"100.00\"}}").expect(201).json().get("id").stringValue();
        var day = today(person).minusDays(2);
        caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"" + day + "\", \"duration\": 3600, "
            + "\"contact_id\": \"" + contact + "\", \"description\": \"Billed work\"}}").expect(201);
        var number = caller.post("/api/v1/invoices", "{\"invoice\": {\"contact_id\": \"" + contact + "\"}}")
            .expect(201).json().get("number").stringValue();

        var page = browser.get("/timesheet?date=" + day).body();

        assertThat(page).contains("Billed work", "On invoice " + number, "<strong>ACME</strong>").doesNotContain("aria-label=\"Delete Billed work\"");
    }

    @Test
    void theWeekGridMakesChangesAndDeletesTheEntryOfACell() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = signedIn(person);
        var caller = api.bearer(person.token());
        var contact = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"ACME\"}}").expect(201).json()
            .get("id").stringValue();
        var project = caller.post("/api/v1/projects", "{\"project\": {\"name\": \"Website\", \"contact_id\": \""
            + contact + "\"}}").expect(201).json().get("id").stringValue();
        var task = caller.post("/api/v1/tasks", "{\"task\": {\"name\": \"Design\"}}").expect(201).json()
            .get("id").stringValue();
        var day = today(person).minusWeeks(1);
        var cell = "cell:" + project + ":" + task + ":0:" + day;

        var withRow = post(browser, "/timesheet/week/rows", "date", day.toString(), "project_id", project,
            "task_id", task);
        assertThat(withRow).contains("Website", "· Design", "name=\"" + cell + "\"", "Add a row");

        var saved = post(browser, "/timesheet/week", "date", day.toString(), cell, "2:15", "was:" + cell, "");
        assertThat(saved).contains("Saved one day.", "value=\"2:15\"", ">2:15<");
        var made = caller.get("/api/v1/entries?from=" + day + "&to=" + day).expect(200).json();
        assertThat(made).singleElement().satisfies(entry -> {
            assertThat(entry.get("duration").longValue()).isEqualTo(8100);
            assertThat(entry.get("project_id").stringValue()).isEqualTo(project);
            assertThat(entry.get("task_ids").get(0).stringValue()).isEqualTo(task);
        });

        // the entry's edit form (written for that entry alone) has its work chosen
        var entry = made.get(0).get("id").stringValue();
        assertThat(browser.get("/timesheet?date=" + day).body()).doesNotContain("<details class=\"edit\"");
        assertThat(browser.get("/timesheet?date=" + day + "&edit=" + entry).body())
            .contains("<option value=\"" + project + "\" selected>Website</option>",
                "<option value=\"" + task + "\" selected>Design</option>");

        post(browser, "/timesheet/week", "date", day.toString(), cell, "1.5", "was:" + cell, "2:15");
        assertThat(caller.get("/api/v1/entries?from=" + day + "&to=" + day).json().get(0).get("duration").longValue())
            .isEqualTo(5400);

        // a second entry of that work on that day: the cell is their sum, changed on its day
        caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"" + day + "\", \"duration\": 1800, "
            + "\"project_id\": \"" + project + "\", \"task_ids\": [\"" + task + "\"]}}").expect(201);
        var summed = browser.get("/timesheet?view=week&date=" + day).body();
        assertThat(summed).contains(">2:00<").doesNotContain("name=\"" + cell + "\"");
        caller.delete("/api/v1/entries/" + made.get(0).get("id").stringValue()).expect(200);

        var cleared = post(browser, "/timesheet/week", "date", day.toString(), cell, "", "was:" + cell, "0:30");
        assertThat(cleared).contains("Saved one day.");
        assertThat(caller.get("/api/v1/entries?from=" + day + "&to=" + day).json()).isEmpty();
    }

    @Test
    void lastWeeksRowsAreCopiedEmptyIncludingAClientWithoutProject() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = signedIn(person);
        var caller = api.bearer(person.token());
        var contact = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"Retainer Ltd\"}}").expect(201)
            .json().get("id").stringValue();
        var day = today(person);
        caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"" + day.minusWeeks(1) + "\", \"duration\": 3600, "
            + "\"contact_id\": \"" + contact + "\"}}").expect(201);

        var copied = post(browser, "/timesheet/week/copy", "date", day.toString());

        assertThat(copied).contains("Retainer Ltd", "(no project)", "name=\"cell:0:0:" + contact + ":" + day + "\"");
        var saved = post(browser, "/timesheet/week", "date", day.toString(), "cell:0:0:" + contact + ":" + day, "0:45",
            "was:cell:0:0:" + contact + ":" + day, "");
        assertThat(saved).contains("Saved one day.");
        assertThat(caller.get("/api/v1/entries?from=" + day + "&to=" + day).json()).singleElement()
            .satisfies(entry -> assertThat(entry.get("contact_id").stringValue()).isEqualTo(contact));
    }

    @Test
    void somebodyInTwoAccountsSwitchesBetweenThem() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var other = fixtures.anAccount("Second Co");
        var there = fixtures.join(person, other.account(), Role.MEMBER);
        var browser = signedIn(person);

        post(browser, "/account", "account_id", other.account().toString());
        var page = post(browser, "/timesheet/entries", "date", today(person).toString(), "duration", "45m",
            "description", "For the second account");

        assertThat(page).contains("Second Co", "For the second account");
        assertThat(api.bearer(there.token()).get("/api/v1/entries").expect(200).json())
            .singleElement().satisfies(entry -> assertThat(entry.get("duration").longValue()).isEqualTo(2700));
        assertThat(api.bearer(person.token()).get("/api/v1/entries").expect(200).json()).isEmpty();
    }


    /**
     * Where a page acts and what its pickers list are remembered between pages (decisions 011, 012),
     * and forgotten when they change: at once for this server's own writes (their triggers off, so
     * only that path can show them), within moments for anyone else's.
     */
    @Test
    void whatPagesRememberIsForgottenWhenItChanges() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var other = fixtures.anAccount("Second Co");
        var browser = signedIn(person);
        assertThat(browser.get("/timesheet").body()).doesNotContain("Second Co", "Kitchen");

        Unannounced.run(jdbc, "membership", "membership_added",
            () -> fixtures.join(person, other.account(), Role.MEMBER));
        assertThat(browser.get("/timesheet").body()).as("a membership added here").contains("Second Co");
        jdbc.sql("UPDATE membership SET archived = true WHERE account_id = :account AND user_id = :user")
            .param("account", other.account().value()).param("user", person.userId()).update();
        assertThat(within(() -> !browser.get("/timesheet").body().contains("Second Co")))
            .as("a membership archived elsewhere").isTrue();

        var caller = api.bearer(person.token());
        var contact = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"Acme\"}}").expect(201).json()
            .get("id").stringValue();
        Unannounced.run(jdbc, "project", "project_catalog_changed", () -> caller.post("/api/v1/projects",
            "{\"project\": {\"name\": \"Kitchen\", \"contact_id\": \"" + contact + "\"}}").expect(201));
        assertThat(browser.get("/timesheet").body()).as("a project added here").contains(">Kitchen</option>");
        jdbc.sql("UPDATE project SET name = 'Bathroom' WHERE account_id = :account")
            .param("account", person.account().value()).update();
        assertThat(within(() -> browser.get("/timesheet").body().contains(">Bathroom</option>")))
            .as("a project renamed elsewhere").isTrue();
    }

    @Test
    void aManagerLooksAtATeammatesDayAndWeekAsTheyAreWithoutChangingThem() {
        var admin = fixtures.anAccount();
        var manager = fixtures.aPersonSigningInWith(admin.account(), io.timeledger.core.account.Role.MANAGER,
            PASSWORD);
        var member = fixtures.aMemberSigningInWith(admin.account(), PASSWORD);
        var day = today(member).minusDays(1);
        api.bearer(member.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"" + day + "\", \"duration\": 5400,"
            + " \"description\": \"Member's design work\"}}").expect(201);
        var browser = signedIn(manager);
        assertThat(browser.get("/manage/approvals?date=" + day).body())
            .contains("href=\"/timesheet/people/" + member.membershipId() + "?view=week&amp;date=");

        var page = browser.get("/timesheet/people/" + member.membershipId() + "?date=" + day);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Member&#39;s design work", "1:30", "id=\"viewing\"", "Back to yours",
                "href=\"/timesheet/people/" + member.membershipId() + "?view=week&amp;date=" + day + "\"")
            .doesNotContain("id=\"add-entry\"", "id=\"timer-bar\"", "Delete", "Submit week");
        var week = browser.get("/timesheet/people/" + member.membershipId() + "?view=week&date=" + day).body();
        assertThat(week).contains("1:30").doesNotContain("id=\"save-week\"", "id=\"add-row\"");
        // their own sheet is theirs still
        assertThat(browser.get("/timesheet?date=" + day).body()).doesNotContain("Member&#39;s design work")
            .contains("id=\"add-entry\"");

        assertThat(browser.get("/timesheet/people/999999999").statusCode()).isEqualTo(404);
        assertThat(signedIn(member).get("/timesheet/people/" + manager.membershipId()).statusCode()).isEqualTo(403);

        // the sheet's person picker opens anyone's sheet on the same day and view, and one's own as one's own
        assertThat(browser.get("/timesheet?date=" + day).body()).contains("id=\"person-pick\"",
            "<option value=\"" + member.membershipId() + "\">");
        assertThat(location(browser.get("/timesheet/people?person=" + member.membershipId() + "&date=" + day
            + "&view=week"))).endsWith("/timesheet/people/" + member.membershipId() + "?date=" + day + "&view=week");
        assertThat(location(browser.get("/timesheet/people?person=" + manager.membershipId() + "&date=" + day)))
            .endsWith("/timesheet?date=" + day);
        assertThat(signedIn(member).get("/timesheet?date=" + day).body()).doesNotContain("person-pick");
        // the picker's people are remembered until one of them changes: a new name shows at once
        api.bearer(admin.token()).header("Harvest-Account-Id", admin.account().toString())
            .patch("/v2/users/" + member.membershipId(), "{\"first_name\": \"Renamed\"}").expect(200);
        assertThat(browser.get("/timesheet?date=" + day).body()).contains(">Renamed ");
    }

    @Test
    void anAdministratorChangesATeammatesTimeOnTheirSheetAndAManagerCannot() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var manager = fixtures.aPersonSigningInWith(admin.account(), io.timeledger.core.account.Role.MANAGER,
            PASSWORD);
        var member = fixtures.aMemberSigningInWith(admin.account(), PASSWORD);
        var theirs = api.bearer(member.token());
        var day = today(member).minusDays(1);
        var logged = theirs.post("/api/v1/entries", "{\"entry\": {\"date\": \"" + day + "\", \"duration\": 5400,"
            + " \"description\": \"Member's design work\"}}").expect(201).json().get("id").stringValue();
        var sheet = "/timesheet/people/" + member.membershipId();
        var person = Long.toString(member.membershipId());
        var browser = signedIn(admin);

        var page = browser.get(sheet + "?date=" + day).body();
        assertThat(page).contains("You are changing", "id=\"add-entry\"", "Delete",
                "name=\"person\" value=\"" + person + "\"")
            .doesNotContain("id=\"timer-bar\"", "aria-label=\"Restart");
        // added on their sheet, the time is theirs; changed and deleted there, their entries change
        var added = post(browser, "/timesheet/entries", "date", day.toString(), "duration", "2:00",
            "description", "Added by the administrator", "person", person);
        assertThat(added).contains("Added 2:00.", "Added by the administrator", "You are changing");
        post(browser, "/timesheet/entries/" + logged, "date", day.toString(), "duration", "1:00",
            "description", "Member's design work", "person", person);
        var week = browser.get(sheet + "?view=week&date=" + day).body();
        assertThat(week).contains("id=\"save-week\"", "id=\"add-row\"");
        var onTheirs = theirs.get("/api/v1/entries?from=" + day + "&to=" + day).expect(200).json();
        assertThat(onTheirs).extracting(entry -> entry.get("description").stringValue() + " "
            + entry.get("duration").intValue()).containsExactlyInAnyOrder("Member's design work 3600",
            "Added by the administrator 7200");
        var deleted = location(browser.postForm("/timesheet/entries/" + logged + "/delete", "date", day.toString(),
            "person", person));
        assertThat(deleted).contains(sheet + "?date=" + day);
        assertThat(theirs.get("/api/v1/entries?from=" + day + "&to=" + day).json()).hasSize(1);
        // the administrator's own sheet holds none of it
        assertThat(browser.get("/timesheet?date=" + day).body()).doesNotContain("Added by the administrator");

        // a manager only looks: the page offers nothing to change, and a form sent anyway is refused
        var managers = signedIn(manager);
        assertThat(managers.get(sheet + "?date=" + day).body()).contains("You are looking at")
            .doesNotContain("id=\"add-entry\"", "Delete");
        assertThat(managers.postForm("/timesheet/entries", "date", day.toString(), "duration", "1:00",
            "description", "Not mine to add", "person", person).statusCode()).isEqualTo(403);
        assertThat(theirs.get("/api/v1/entries?from=" + day + "&to=" + day).json()).hasSize(1);
    }

    private WebSession signedIn(Person person) {
        var browser = new WebSession(port);
        browser.signIn(person.email(), PASSWORD);
        return browser;
    }

    /**
     * Posts a form of the timesheet with the page's CSRF token, as the page's own forms do, and
     * follows the redirect as a browser would (showing, and so using up, the flash message).
     */
    private static String post(WebSession browser, String path, String... fields) {
        var location = location(browser.postForm(path, fields));
        assertThat(location).contains("/timesheet");
        return browser.get(location).body();
    }

    private tools.jackson.databind.JsonNode dock(Person person) {
        return api.bearer(person.token()).get("/api/v1/dock").expect(200).json();
    }

    private static String version(String page) {
        var matcher = VERSION.matcher(page);
        assertThat(matcher.find()).as("the dock version on the page").isTrue();
        return matcher.group(1);
    }

    /** The person's today (fixtures' people live in Sydney), on the test clock. */
    private LocalDate today(Person person) {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Australia/Sydney"));
    }
}
