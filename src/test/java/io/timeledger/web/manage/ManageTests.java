package io.timeledger.web.manage;

import static io.timeledger.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Role;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.WebSession;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.util.HtmlUtils;

/**
 * The Manage pages (clients, projects, tasks) over the catalog every API sees: what a page makes,
 * the APIs show; what the core refuses, the page says, keeping what was typed; a member is refused.
 */
@ApiTest
class ManageTests {

    static final String PASSWORD = "correct horse battery";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Value("${local.server.port}") int port;

    @Test
    void aClientAndABudgetedProjectMadeHereAreTheCatalogsAndTheBudgetFollowsTheTime() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = WebSession.signedIn(port, admin.email(), PASSWORD);
        assertThat(browser.get("/manage/clients").body()).contains("No clients yet");

        var added = browser.postForm("/manage/clients", "name", "Acme Corp", "code", "acme", "rate", "95",
            "billable", "true", "address", "");
        var client = location(added);
        assertThat(client).matches(".*/manage/clients/\\d+");
        assertThat(browser.get(client).body()).contains("Added the client “Acme Corp”.", "value=\"95.00\"");
        var clientId = client.substring(client.lastIndexOf('/') + 1);
        var caller = api.bearer(admin.token());
        assertThat(caller.get("/api/v1/contacts/" + clientId).expect(200).json().get("name").stringValue())
            .isEqualTo("Acme Corp");

        var project = location(browser.postForm("/manage/projects", "clientId", clientId, "name", "Website", "code", "",
            "rate", "", "billable", "true", "budgetType", "hours", "budgetTarget", "2", "budgetFrequency", "total"));
        assertThat(project).matches(".*/manage/projects/\\d+");
        var projectId = project.substring(project.lastIndexOf('/') + 1);
        assertThat(browser.get(project).body()).contains("Added the project “Website”.", "2.00 hours in total");

        caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-01-05\", \"duration\": 5400, \"project_id\": \""
            + projectId + "\"}}").expect(201);
        assertThat(browser.get(project).body()).contains("1.50 of 2.00 hours in total, 0.50 left");
        caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-01-06\", \"duration\": 3600, \"project_id\": \""
            + projectId + "\"}}").expect(201);
        var over = browser.get("/manage/clients").body();
        assertThat(over).contains("Acme Corp", "Website", "2.50 of 2.00 hours in total, 0.50 over",
            "class=\"budget over\"");

        assertThat(browser.get("/manage/clients?q=WEB").body()).contains("Website");
        assertThat(browser.get("/manage/clients?q=nothing-like-it").body())
            .contains("No client or project matches “nothing-like-it”.");
    }

    @Test
    void aRefusedFormIsShownAgainAsTypedAndNothingIsStored() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = WebSession.signedIn(port, admin.email(), PASSWORD);
        var caller = api.bearer(admin.token());
        browser.postForm("/manage/clients", "name", "Acme", "code", "acme", "rate", "", "billable", "true",
            "address", "");

        var blank = browser.postForm("/manage/clients", "name", " ", "code", "beta", "rate", "", "billable", "true",
            "address", "");
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(HtmlUtils.htmlUnescape(blank.body())).contains("Name can't be blank.", "value=\"beta\"");
        var taken = browser.postForm("/manage/clients", "name", "Acme Two", "code", "ACME", "rate", "12,50",
            "billable", "true", "address", "");
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("Rate must be a number, such as 120.00.", "value=\"Acme Two\"");
        var code = browser.postForm("/manage/clients", "name", "Acme Two", "code", "ACME", "rate", "",
            "billable", "true", "address", "");
        assertThat(HtmlUtils.htmlUnescape(code.body())).contains("Code has already been taken.");
        assertThat(caller.get("/api/v1/contacts").expect(200).json()).hasSize(1);

        var contact = caller.get("/api/v1/contacts").json().get(0).get("id").stringValue();
        var noTarget = browser.postForm("/manage/projects", "clientId", contact, "name", "Budgeted", "code", "", "rate",
            "", "billable", "true", "budgetType", "hours", "budgetTarget", "", "budgetFrequency", "monthly");
        assertThat(noTarget.statusCode()).isEqualTo(422);
        assertThat(HtmlUtils.htmlUnescape(noTarget.body()))
            .contains("Budget can't be blank when the project has a budget.",
            "value=\"Budgeted\"", "<option value=\"hours\" selected=\"selected\">Hours</option>");
        var noClient = browser.postForm("/manage/projects", "clientId", "", "name", "Orphan", "code", "", "rate", "",
            "billable", "true", "budgetType", "", "budgetTarget", "", "budgetFrequency", "monthly");
        assertThat(HtmlUtils.htmlUnescape(noClient.body())).contains("Client can't be blank.");
        // a post made by hand without the form's fields is a blank form, not a failure
        var bare = browser.postForm("/manage/clients", "billable", "true");
        assertThat(bare.statusCode()).isEqualTo(422);
        assertThat(HtmlUtils.htmlUnescape(bare.body())).contains("Name can't be blank.");
        var bareProject = browser.postForm("/manage/projects", "clientId", contact, "billable", "true",
            "budgetType", "hours", "budgetTarget", "10");
        assertThat(bareProject.statusCode()).isEqualTo(422);
        assertThat(HtmlUtils.htmlUnescape(bareProject.body()))
            .contains("Budget period must be total, weekly, monthly, quarterly or yearly.");
        assertThat(caller.get("/api/v1/projects").expect(200).json()).isEmpty();
    }

    @Test
    void archivedWorkLeavesTheListsAndAClientIsDeletedOnlyWithoutProjects() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = WebSession.signedIn(port, admin.email(), PASSWORD);
        var client = created(browser, "/manage/clients", "name", "Globex", "code", "", "rate", "", "billable", "true",
            "address", "");
        var clientId = client.substring(client.lastIndexOf('/') + 1);
        var project = created(browser, "/manage/projects", "clientId", clientId, "name", "Launch", "code", "",
            "rate", "", "billable", "true", "budgetType", "", "budgetTarget", "", "budgetFrequency", "monthly");

        assertThat(browser.submit(project + "/archive")).contains("Archived the project “Launch”", ">Restore<");
        assertThat(browser.get("/manage/clients").body()).contains("Globex").doesNotContain("Launch");
        assertThat(browser.get("/manage/clients?archived=true").body()).contains("Launch", "Archived");
        assertThat(browser.get("/timesheet").body()).doesNotContain(">Launch</option>");

        assertThat(browser.submit(client + "/delete")).contains("The client has projects; delete or move them first.");
        assertThat(browser.submit(project + "/delete")).contains("Deleted the project “Launch”");
        assertThat(browser.submit(client + "/delete")).contains("Deleted the client “Globex”", "No clients yet")
            .doesNotContain("Launch");
        assertThat(browser.get(client).statusCode()).isEqualTo(404);
    }

    @Test
    void aProjectsJobsAreAddedCompletedAndDeletedAsPaydirtSeesThem() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = WebSession.signedIn(port, admin.email(), PASSWORD);
        var client = created(browser, "/manage/clients", "name", "Initech", "code", "", "rate", "", "billable", "true",
            "address", "");
        var project = created(browser, "/manage/projects", "clientId", client.substring(client.lastIndexOf('/') + 1),
            "name", "Rollout", "code", "", "rate", "", "billable", "true", "budgetType", "", "budgetTarget", "",
            "budgetFrequency", "monthly");

        assertThat(browser.submit(project + "/jobs", "name", "Workshop", "price_type", "per_hour", "price", "85",
            "estimate", "12.5")).contains("Added the job “Workshop”.", "85.00 USD per hour", "· estimate 12:30");
        assertThat(browser.submit(project + "/jobs", "name", "", "price_type", "fixed", "price", "", "estimate", ""))
            .contains("Name can't be blank; Price can't be blank.");
        var paydirt = api.bearer(admin.token()).get("/v1/jobs").expect(200).json();
        assertThat(paydirt.toString()).contains("\"name\":\"Workshop\"", "\"estimate\":45000");
        var job = paydirt.findValue("id").asString();

        assertThat(browser.submit("/manage/jobs/" + job + "/complete")).contains("Completed the job “Workshop”.",
            "Completed", ">Reopen<");
        assertThat(browser.submit("/manage/jobs/" + job + "/delete")).contains("Deleted the job “Workshop”");
        assertThat(api.bearer(admin.token()).get("/v1/jobs").expect(200).json().toString()).doesNotContain("Workshop");
    }

    @Test
    void aProjectsRateTableSaysWhichLevelPricesEachTaskForEachPerson() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var member = fixtures.aPerson(admin.account(), Role.MEMBER, new BigDecimal("80"));
        var caller = api.bearer(admin.token());
        var browser = WebSession.signedIn(port, admin.email(), PASSWORD);
        var client = created(browser, "/manage/clients", "name", "Umbrella", "code", "", "rate", "100",
            "billable", "true", "address", "");
        var project = created(browser, "/manage/projects", "clientId", client.substring(client.lastIndexOf('/') + 1),
            "name", "Labs", "code", "", "rate", "", "billable", "true", "budgetType", "", "budgetTarget", "",
            "budgetFrequency", "monthly");
        browser.submit("/manage/tasks", "name", "Design", "rate", "150", "billable", "true");
        browser.submit("/manage/tasks", "name", "Meetings", "rate", "");

        var rates = browser.get(project).body();
        assertThat(rates).containsPattern(row("Design", "Everyone", "150.00 USD", "the task&#39;s rate"))
            .containsPattern(row("Meetings", "Everyone", "100.00 USD",
                "the client&#39;s rate</span><span class=\"muted\"> · not billable"))
            .containsPattern(row("No task", "Everyone", "100.00 USD", "the client&#39;s rate"));
        var projectId = project.substring(project.lastIndexOf('/') + 1);
        var design = caller.get("/api/v1/tasks").json().findValues("id").stream()
            .filter(id -> caller.get("/api/v1/tasks/" + id.asString()).json().get("name").asString().equals("Design"))
            .findFirst().orElseThrow().asString();
        var logged = api.bearer(member.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-01-05\","
            + " \"duration\": 3600, \"project_id\": \"" + projectId + "\", \"task_ids\": [\"" + design + "\"]}}");
        assertThat(logged.expect(201).json().get("billing_rate").asString()).as("what an entry of that task gets")
            .isEqualTo("150.00");

        assertThat(browser.submit(project + "/assignments/tasks", "subject_id", design, "rate", "175", "flag", "true"))
            .contains("The task is on the project.");
        assertThat(browser.submit(project + "/assignments/people", "subject_id", String.valueOf(member.membershipId()),
            "rate", "90")).contains("The person is on the project.");
        var assigned = browser.get(project).body();
        assertThat(assigned)
            .containsPattern(row("Design", "Everyone", "175.00 USD", "the task&#39;s rate on this project"))
            .doesNotContainPattern(row("Meetings", "Everyone", "100.00 USD", "the client"));
        assertThat(api.bearer(admin.token()).get("/v2/projects/" + projectId + "/task_assignments").expect(200).json()
            .toString()).contains("\"hourly_rate\":175.0");

        browser.submit(client, "name", "Umbrella", "code", "", "rate", "", "billable", "true", "address", "");
        assertThat(browser.get(project).body())
            .containsPattern(row("No task", "Pat Doe", "90.00 USD", "the person&#39;s rate on this project"))
            .containsPattern(row("No task", "Pat Doe", "—", "no rate is set at any level"));
    }

    /** A line of a project's rate table, as the page writes it. */
    private static String row(String task, String who, String rate, String why) {
        return "<td>" + Pattern.quote(task) + "</td>\\s*<td>" + Pattern.quote(who)
            + "</td>\\s*<td class=\"num\">" + Pattern.quote(rate) + "</td>\\s*<td><span>"
            + Pattern.quote(why);
    }

    @Test
    void membersSeeNoManageAndAreRefusedIt() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var member = fixtures.aMemberSigningInWith(admin.account(), PASSWORD);
        var adminPages = WebSession.signedIn(port, admin.email(), PASSWORD);
        var memberPages = WebSession.signedIn(port, member.email(), PASSWORD);

        assertThat(adminPages.get("/timesheet").body()).contains("href=\"/manage/clients\"");
        assertThat(memberPages.get("/timesheet").body()).doesNotContain("/manage/");
        assertThat(memberPages.get("/manage/clients").statusCode()).isEqualTo(403);
        assertThat(memberPages.get("/manage/tasks").statusCode()).isEqualTo(403);
        assertThat(memberPages.postForm("/manage/clients", "name", "Sneaky", "code", "", "rate", "", "billable", "true",
            "address", "").statusCode()).isEqualTo(403);
        assertThat(api.bearer(admin.token()).get("/api/v1/contacts").expect(200).json()).isEmpty();
    }

    @Test
    void anotherAccountsClientsProjectsAndTasksAreNotFound() {
        var theirs = fixtures.anAccountSigningInWith(PASSWORD);
        var mine = fixtures.anAccountSigningInWith(PASSWORD);
        var caller = api.bearer(theirs.token());
        var contact = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"Theirs\"}}").expect(201).json()
            .get("id").stringValue();
        var project = caller.post("/api/v1/projects", "{\"project\": {\"name\": \"Secret\", \"contact_id\": \""
            + contact + "\"}}").expect(201).json().get("id").stringValue();
        var task = caller.post("/api/v1/tasks", "{\"task\": {\"name\": \"Hidden\"}}").expect(201).json()
            .get("id").stringValue();
        var browser = WebSession.signedIn(port, mine.email(), PASSWORD);

        assertThat(browser.get("/manage/clients/" + contact).statusCode()).isEqualTo(404);
        assertThat(browser.get("/manage/projects/" + project).statusCode()).isEqualTo(404);
        assertThat(browser.postForm("/manage/clients/" + contact, "name", "Mine now", "code", "", "rate", "",
            "billable", "true", "address", "").statusCode()).isEqualTo(404);
        assertThat(browser.postForm("/manage/projects/" + project + "/delete").statusCode()).isEqualTo(404);
        assertThat(browser.postForm("/manage/tasks/" + task + "/delete").statusCode()).isEqualTo(404);
        assertThat(caller.get("/api/v1/contacts/" + contact).expect(200).json().get("name").stringValue())
            .isEqualTo("Theirs");
        assertThat(caller.get("/api/v1/tasks").expect(200).json()).hasSize(1);
    }

    @Test
    void tasksAreAddedRenamedArchivedAndDeletedOnlyWithoutTime() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = WebSession.signedIn(port, admin.email(), PASSWORD);
        var caller = api.bearer(admin.token());

        browser.submit("/manage/tasks", "name", "Design", "rate", "80", "billable", "true");
        assertThat(browser.submit("/manage/tasks", "name", "Meetings", "rate", ""))
            .contains("Added the task “Meetings”.", "value=\"Design\"", "value=\"80.00\"");
        assertThat(browser.submit("/manage/tasks", "name", "design", "rate", ""))
            .contains("Name has already been taken.");

        var tasks = caller.get("/api/v1/tasks").expect(200).json();
        var design = tasks.get(0).get("name").stringValue().equals("Design") ? tasks.get(0) : tasks.get(1);
        var meetings = design == tasks.get(0) ? tasks.get(1) : tasks.get(0);
        var designId = design.get("id").stringValue();
        assertThat(browser.submit("/manage/tasks/" + designId, "name", "Design work", "rate", "85"))
            .contains("Saved the task “Design work”.");
        assertThat(caller.get("/api/v1/tasks/" + designId).json().get("name").stringValue()).isEqualTo("Design work");

        caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-01-05\", \"duration\": 1800, \"task_ids\": [\""
            + designId + "\"]}}").expect(201);
        assertThat(browser.submit("/manage/tasks/" + designId + "/delete"))
            .contains("The task has time entries; archive it instead.");
        assertThat(browser.submit("/manage/tasks/" + designId + "/archive"))
            .contains("Archived the task “Design work”.");
        assertThat(browser.get("/manage/tasks").body()).doesNotContain("Design work");
        assertThat(browser.get("/manage/tasks?archived=true").body()).contains("Design work", "Archived");

        assertThat(browser.submit("/manage/tasks/" + meetings.get("id").stringValue() + "/delete"))
            .contains("Deleted the task “Meetings”.");
        assertThat(caller.get("/api/v1/tasks").expect(200).json()).singleElement()
            .satisfies(task -> assertThat(task.get("name").stringValue()).isEqualTo("Design work"));
    }

    /** Where a form's redirect leads, followed so that its notice is used up. */
    private static String created(WebSession browser, String path, String... fields) {
        var answer = browser.postForm(path, fields);
        assertThat(answer.statusCode()).as("the answer to %s", path).isEqualTo(302);
        var location = location(answer);
        browser.get(location);
        return location;
    }
}
