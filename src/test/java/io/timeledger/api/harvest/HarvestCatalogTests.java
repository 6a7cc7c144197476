package io.timeledger.api.harvest;

import static io.timeledger.support.JsonShape.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Harvest's clients, projects, tasks, assignments, users and company, against the reference's examples. */
@ApiTest
class HarvestCatalogTests {

    static final String CLIENT = """
        {"id": 5735776, "name": "123 Industries", "is_active": true, "address": "123 Main St.\\r\\nAnytown, LA 71223",
         "statement_key": "0a39d3e33c8058cf7c3f8097d854c64e", "created_at": "2017-06-26T21:02:12Z",
         "updated_at": "2017-06-26T21:34:11Z", "currency": "EUR"}""";

    static final String PROJECT = """
        {"id": 14308069, "name": "Online Store - Phase 1", "code": "OS1", "is_active": true, "bill_by": "Project",
         "budget": 200.0, "budget_by": "project", "budget_is_monthly": false, "notify_when_over_budget": true,
         "over_budget_notification_percentage": 80.0, "over_budget_notification_date": null,
         "show_budget_to_all": false, "created_at": "2017-06-26T21:52:18Z", "updated_at": "2017-06-26T21:54:06Z",
         "starts_on": null, "ends_on": null, "is_billable": true, "is_fixed_fee": false, "notes": "",
         "client": {"id": 5735776, "name": "123 Industries", "currency": "EUR"}, "cost_budget": null,
         "cost_budget_include_expenses": false, "hourly_rate": 100.0, "fee": null}""";

    static final String TASK = """
        {"id": 8083368, "name": "Project Management", "billable_by_default": true, "default_hourly_rate": 100.0,
         "is_default": true, "is_active": true, "created_at": "2017-06-26T20:41:00Z",
         "updated_at": "2017-06-26T21:14:10Z"}""";

    static final String TASK_ASSIGNMENT = """
        {"id": 155505014, "billable": true, "is_active": true, "created_at": "2017-06-26T21:52:18Z",
         "updated_at": "2017-06-26T21:52:18Z", "hourly_rate": 100.0, "budget": null,
         "project": {"id": 14308069, "name": "Online Store - Phase 1", "code": "OS1"},
         "task": {"id": 8083366, "name": "Programming"}}""";

    static final String USER_ASSIGNMENT = """
        {"id": 125066109, "is_project_manager": true, "is_active": true, "use_default_rates": false, "budget": null,
         "created_at": "2017-06-26T21:52:18Z", "updated_at": "2017-06-26T21:52:18Z", "hourly_rate": 100.0,
         "project": {"id": 14308069, "name": "Online Store - Phase 1", "code": "OS1"},
         "user": {"id": 1782884, "name": "Jeremy Israelsen"}}""";

    /** The reference's user, with the permission flags of Harvest's older user object that clients still read. */
    static final String USER = """
        {"id": 1782974, "first_name": "Jim", "last_name": "Allen", "email": "jimallen@example.com",
         "telephone": "", "timezone": "Mountain Time (US & Canada)", "has_access_to_all_future_projects": false,
         "is_contractor": false, "is_active": true, "weekly_capacity": 126000, "default_hourly_rate": 100.0,
         "cost_rate": 50.0, "roles": [], "access_roles": ["member"], "avatar_url": "https://example.com/a.png",
         "created_at": "2017-06-26T22:34:41Z", "updated_at": "2017-06-26T22:34:52Z", "is_admin": false,
         "is_project_manager": false, "can_see_rates": false, "can_create_projects": false,
         "can_create_invoices": false}""";

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    @Test
    void clientsProjectsAndTasksAreCreatedListedChangedAndDeleted() {
        var admin = fixtures.anAccount();
        var caller = harvest(admin);

        var client = caller.post("/v2/clients", "{\"name\": \"123 Industries\", \"address\": "
            + "\"123 Main St.\\r\\nAnytown, LA 71223\"}").expect(201).json();
        var project = caller.post("/v2/projects", """
            {"client_id": %d, "name": "Online Store - Phase 1", "code": "OS1", "is_billable": true,
             "budget_by": "project", "budget": 200, "hourly_rate": 100.0}""".formatted(id(client))).expect(201).json();
        var task = caller.post("/v2/tasks", """
            {"name": "Project Management", "billable_by_default": true, "default_hourly_rate": 100.0}""")
            .expect(201).json();

        assertSameShape(CLIENT.replace("\"statement_key\": \"0a39d3e33c8058cf7c3f8097d854c64e\"",
            "\"statement_key\": null"), client);
        assertThat(client.get("name").stringValue()).isEqualTo("123 Industries");
        assertThat(client.get("address").stringValue()).isEqualTo("123 Main St.\r\nAnytown, LA 71223");
        assertThat(caller.patch("/v2/clients/" + id(client), "{\"is_active\": false}").expect(200).json()
            .get("address").stringValue()).startsWith("123 Main St.");
        assertThat(client.get("currency").stringValue()).isEqualTo("USD");
        assertSameShape(PROJECT.replace("\"notify_when_over_budget\": true", "\"notify_when_over_budget\": false")
            .replace("\"currency\": \"EUR\"", "\"currency\": \"USD\""), project);
        assertThat(project.get("client").get("name").stringValue()).isEqualTo("123 Industries");
        assertThat(project.get("budget").decimalValue()).isEqualByComparingTo("200");
        assertThat(project.get("hourly_rate").decimalValue()).isEqualByComparingTo("100");
        assertSameShape(TASK.replace("\"is_default\": true", "\"is_default\": false"), task);

        var changed = caller.patch("/v2/projects/" + id(project), "{\"is_active\": false, \"budget_is_monthly\": true}")
            .expect(200).json();
        assertThat(changed.get("is_active").booleanValue()).isFalse();
        assertThat(changed.get("budget_is_monthly").booleanValue()).isTrue();
        assertThat(caller.get("/v2/projects?is_active=true").json().get("projects")).isEmpty();
        assertThat(caller.get("/v2/projects?client_id=" + id(client)).json().get("total_entries").longValue()).isEqualTo(1);
        caller.patch("/v2/tasks/" + id(task), "{\"is_active\": false}").expect(200);
        assertThat(caller.get("/v2/tasks?is_active=false").json().get("tasks")).hasSize(1);

        assertThat(caller.delete("/v2/clients/" + id(client)).expect(422).json().get("message").stringValue())
            .contains("has projects");
        caller.delete("/v2/projects/" + id(project)).expect(200);
        caller.delete("/v2/clients/" + id(client)).expect(200);
        caller.delete("/v2/tasks/" + id(task)).expect(200);
        caller.get("/v2/clients/" + id(client)).expect(404);
        // the same records the MinuteDock dialect shows
        assertThat(api.bearer(admin.token()).get("/api/v1/contacts").json()).isEmpty();
    }

    @Test
    void aTaskWithTimeIsArchivedNotDeleted() {
        var admin = fixtures.anAccount();
        var task = harvest(admin).post("/v2/tasks", "{\"name\": \"Busy\"}").expect(201).json();
        api.bearer(admin.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2024-01-01\", \"task_ids\": [\""
            + id(task) + "\"]}}").expect(201);

        var refused = harvest(admin).delete("/v2/tasks/" + id(task)).expect(422).json();

        assertThat(refused.get("message").stringValue()).contains("archive it instead");
    }

    @Test
    void assignmentsCarryRatesThatDecideTheEntrysRate() {
        var admin = fixtures.anAccount();
        var caller = harvest(admin);
        long client = id(caller.post("/v2/clients", "{\"name\": \"123 Industries\"}").expect(201).json());
        long project = id(caller.post("/v2/projects", "{\"client_id\": " + client + ", \"name\": \"Online Store\", "
            + "\"code\": \"OS1\"}").expect(201).json());
        long task = id(caller.post("/v2/tasks", "{\"name\": \"Programming\", \"default_hourly_rate\": 90}")
            .expect(201).json());
        long other = id(caller.post("/v2/tasks", "{\"name\": \"Unrated\"}").expect(201).json());

        var taskAssignment = caller.post("/v2/projects/" + project + "/task_assignments",
            "{\"task_id\": " + task + ", \"hourly_rate\": 120.0}").expect(201).json();
        var userAssignment = caller.post("/v2/projects/" + project + "/user_assignments",
            "{\"user_id\": " + admin.membershipId() + ", \"is_project_manager\": true, \"hourly_rate\": 100.0}")
            .expect(201).json();
        caller.post("/v2/projects/" + project + "/task_assignments", "{\"task_id\": " + task + "}").expect(422);

        assertSameShape(TASK_ASSIGNMENT, taskAssignment);
        assertSameShape(USER_ASSIGNMENT, userAssignment);
        assertThat(taskAssignment.get("project").get("code").stringValue()).isEqualTo("OS1");
        assertThat(userAssignment.get("use_default_rates").booleanValue()).isFalse();
        assertThat(rate(admin, project, task)).isEqualByComparingTo("120");
        assertThat(rate(admin, project, other)).isEqualByComparingTo("100");

        caller.patch("/v2/projects/" + project + "/task_assignments/" + id(taskAssignment), "{\"billable\": false}")
            .expect(200);
        var nonBillable = caller.post("/v2/time_entries", "{\"project_id\": " + project + ", \"task_id\": " + task
            + ", \"spent_date\": \"2024-01-01\", \"hours\": 1}").expect(201).json();
        assertThat(nonBillable.get("billable").booleanValue()).isFalse();
        assertThat(nonBillable.get("billable_rate").isNull()).isTrue();

        assertThat(caller.get("/v2/task_assignments").json().get("task_assignments")).hasSize(1);
        assertThat(caller.get("/v2/user_assignments?user_id=" + admin.membershipId()).json().get("user_assignments"))
            .hasSize(1);
        assertThat(caller.get("/v2/projects/" + project + "/user_assignments/" + id(userAssignment)).expect(200)
            .json().get("user").get("id").longValue()).isEqualTo(admin.membershipId());
        caller.delete("/v2/projects/" + project + "/task_assignments/" + id(taskAssignment)).expect(200);
        caller.delete("/v2/projects/" + project + "/user_assignments/" + id(userAssignment)).expect(200);
        assertThat(caller.get("/v2/projects/" + project + "/task_assignments").json().get("total_entries").longValue())
            .isZero();
    }

    @Test
    void aMemberSeesTheirOwnRatesAndNoColleagues() {
        var admin = fixtures.anAccount();
        var boss = fixtures.aPerson(admin.account(), io.timeledger.core.account.Role.ADMIN, new BigDecimal("180.00"));
        var manager = fixtures.aPerson(admin.account(), io.timeledger.core.account.Role.MANAGER, null);
        var member = fixtures.aPerson(admin.account(), io.timeledger.core.account.Role.MEMBER, new BigDecimal("100.00"));

        var seenByMember = harvest(member).get("/v2/users").expect(200).json().get("users");
        var seenByManager = harvest(manager).get("/v2/users").expect(200).json().get("users");

        for (var user : seenByMember) {
            boolean own = user.get("id").longValue() == member.membershipId();
            assertThat(user.get("default_hourly_rate").isNull()).as("rate of %s", user.get("id")).isEqualTo(!own);
            assertThat(user.get("cost_rate").isNull()).isTrue();
        }
        assertThat(seenByMember).filteredOn(u -> u.get("id").longValue() == member.membershipId()).singleElement()
            .satisfies(u -> assertThat(u.get("default_hourly_rate").decimalValue()).isEqualByComparingTo("100"));
        assertThat(seenByManager).filteredOn(u -> u.get("id").longValue() == boss.membershipId()).singleElement()
            .satisfies(u -> assertThat(u.get("default_hourly_rate").decimalValue()).isEqualByComparingTo("180"));
    }

    @Test
    void usersAndTheCompanyAreShownAsHarvestDoes() {
        var admin = fixtures.anAccount();
        var member = fixtures.aPerson(admin.account(), io.timeledger.core.account.Role.MEMBER, new BigDecimal("100.00"));

        var me = harvest(member).get("/v2/users/me").expect(200).json();
        var users = harvest(admin).get("/v2/users").expect(200).json();
        var company = harvest(admin).get("/v2/company").expect(200).json();

        assertSameShape(USER.replace("\"cost_rate\": 50.0", "\"cost_rate\": null"), me);
        assertThat(me.get("id").longValue()).isEqualTo(member.membershipId());
        assertThat(me.get("access_roles").get(0).stringValue()).isEqualTo("member");
        assertThat(me.get("default_hourly_rate").decimalValue()).isEqualByComparingTo("100");
        assertThat(users.get("users")).hasSize(2);
        assertThat(users.get("total_entries").longValue()).isEqualTo(2);
        assertThat(company.get("wants_timestamp_timers").booleanValue()).isFalse();
        assertThat(company.get("week_start_day").stringValue()).isEqualTo("Monday");
        assertThat(company.get("base_uri").stringValue()).startsWith("http://localhost:");
        harvest(member).patch("/v2/company", "{\"wants_timestamp_timers\": true}").expect(403);
        assertThat(harvest(admin).patch("/v2/company", "{\"clock\": \"13h\"}").expect(422).json()
            .get("message").stringValue()).isEqualTo("Clock must be 12h or 24h");
    }

    @Test
    void eachKindOfAssignmentNamesItsOwnFieldsWhenRefused() {
        var admin = fixtures.anAccount();
        var caller = harvest(admin);
        long client = id(caller.post("/v2/clients", "{\"name\": \"ABC\"}").expect(201).json());
        long project = id(caller.post("/v2/projects", "{\"client_id\": " + client + ", \"name\": \"One\"}")
            .expect(201).json());
        long other = id(caller.post("/v2/projects", "{\"client_id\": " + client + ", \"name\": \"Two\"}")
            .expect(201).json());
        long task = id(caller.post("/v2/tasks", "{\"name\": \"Design\"}").expect(201).json());
        var tasks = "/v2/projects/" + project + "/task_assignments";
        var users = "/v2/projects/" + project + "/user_assignments";

        assertThat(message(caller.post(tasks, "{}").expect(422))).isEqualTo("Task can't be blank");
        assertThat(message(caller.post(users, "{}").expect(422))).isEqualTo("User can't be blank");
        assertThat(message(caller.post(tasks, "{\"task_id\": 999999999}").expect(422)))
            .isEqualTo("Task does not name a task in this account");
        assertThat(message(caller.post(users, "{\"user_id\": 999999999}").expect(422)))
            .isEqualTo("User does not name a user in this account");
        assertThat(message(caller.post(tasks, "{\"task_id\": " + task + ", \"billable\": null}").expect(422)))
            .isEqualTo("Billable must be true or false");
        assertThat(message(caller.post(users, "{\"user_id\": " + admin.membershipId()
            + ", \"is_project_manager\": null}").expect(422))).isEqualTo("Is project manager must be true or false");

        // a new task assignment is billable, a new user assignment not a project manager
        var taskAssignment = caller.post(tasks, "{\"task_id\": " + task + "}").expect(201).json();
        var userAssignment = caller.post(users, "{\"user_id\": " + admin.membershipId() + "}").expect(201).json();
        assertThat(taskAssignment.get("billable").booleanValue()).isTrue();
        assertThat(userAssignment.get("is_project_manager").booleanValue()).isFalse();
        assertThat(message(caller.post(users, "{\"user_id\": " + admin.membershipId() + "}").expect(422)))
            .isEqualTo("User is already assigned to this project");

        // an assignment answers only under its own project
        caller.get("/v2/projects/" + other + "/task_assignments/" + id(taskAssignment)).expect(404);
        caller.patch("/v2/projects/" + other + "/user_assignments/" + id(userAssignment), "{\"is_active\": false}")
            .expect(404);
        caller.delete("/v2/projects/" + other + "/user_assignments/" + id(userAssignment)).expect(404);
        assertThat(caller.get(users + "/" + id(userAssignment)).expect(200).json().get("is_active").booleanValue())
            .isTrue();
    }

    private static String message(io.timeledger.support.Response response) {
        return response.json().get("message").stringValue();
    }

    @Test
    void anotherAccountsCatalogIsNotFound() {
        var mine = fixtures.anAccount();
        var theirs = fixtures.anAccount();
        long client = id(harvest(theirs).post("/v2/clients", "{\"name\": \"Theirs\"}").expect(201).json());
        long project = id(harvest(theirs).post("/v2/projects", "{\"client_id\": " + client + ", \"name\": \"P\"}")
            .expect(201).json());
        long task = id(harvest(theirs).post("/v2/tasks", "{\"name\": \"T\"}").expect(201).json());

        harvest(mine).get("/v2/clients/" + client).expect(404);
        harvest(mine).patch("/v2/clients/" + client, "{\"name\": \"x\"}").expect(404);
        harvest(mine).get("/v2/projects/" + project).expect(404);
        harvest(mine).get("/v2/projects/" + project + "/task_assignments").expect(404);
        harvest(mine).post("/v2/projects/" + project + "/task_assignments", "{\"task_id\": " + task + "}").expect(404);
        harvest(mine).get("/v2/tasks/" + task).expect(404);
        harvest(mine).post("/v2/projects", "{\"client_id\": " + client + ", \"name\": \"Poached\"}").expect(422);
        assertThat(harvest(mine).get("/v2/clients").json().get("clients")).isEmpty();
    }

    private java.math.BigDecimal rate(Person person, long project, long task) {
        return harvest(person).post("/v2/time_entries", "{\"project_id\": " + project + ", \"task_id\": " + task
            + ", \"spent_date\": \"2024-01-01\", \"hours\": 1}").expect(201).json().get("billable_rate").decimalValue();
    }

    private Api.Caller harvest(Person person) {
        return api.bearer(person.token()).header("Harvest-Account-Id", person.account().toString());
    }

    private static long id(JsonNode node) {
        return node.get("id").longValue();
    }
}
