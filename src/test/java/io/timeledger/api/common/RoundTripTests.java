package io.timeledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Role;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.Statements;
import io.timeledger.support.Statements.RoundTrips;
import io.timeledger.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many SQL statements the hot paths cost, counted by PostgreSQL itself (pg_stat_statements,
 * loaded in the tests' throw-away cluster). Speed is measured in bench/; this pins the round trips
 * that docs/performance.md explains, so a lookup added to a create, or a query per entry on a page,
 * fails here instead of slowly showing up in a benchmark. Statements are counted without BEGIN and
 * COMMIT, which are counted on their own: reads and single-statement writes run without them
 * ({@code @Reads}, decision 010). Authentication is left out: a server remembers a secret it has
 * seen for a few seconds (decision 011) and reads it again when a change anywhere empties what it
 * remembers, which another test's change may do at any moment; AuthenticationCacheTests pins it.
 * What a server remembers of an account's catalog (decision 012) is forgotten when the account's
 * catalog is written, so each cost is counted twice: right after such a write (the lookups a
 * request makes) and once the server remembers what they read (CatalogCacheTests).
 */
@ApiTest
class RoundTripTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Statements statements;
    @Value("${local.server.port}") int port;

    @Test
    void aMinuteDockCreateIsThePricingLookupAndTheInsert() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token());
        var contact = id(caller.post("/api/v1/contacts",
            "{\"contact\": {\"name\": \"Rated\", \"default_rate_dollars\": \"90.00\"}}").expect(201));
        var project = id(caller.post("/api/v1/projects", "{\"project\": {\"name\": \"P\", \"contact_id\": \"" + contact
            + "\"}}").expect(201));
        var body = "{\"entry\": {\"date\": \"2026-01-02\", \"duration\": 1800, \"project_id\": \"" + project + "\"}}";

        // the project was just written: what the server remembered of the catalog is forgotten
        var create = roundTripsOf(() -> caller.post("/api/v1/entries", body).expect(201));

        assertThat(create.statements()).as("the work's lookup (project, its contact, the person's assignment),"
            + " the insert returning the entry").isEqualTo(2);
        assertThat(create.transactions()).as("one statement writes: no transaction").isZero();
        assertThat(comesToCost(new RoundTrips(1, 0), () -> caller.post("/api/v1/entries", body).expect(201)))
            .as("the work remembered (decision 012): the insert").isTrue();
    }

    @Test
    void aDockUpdateLocksTheDockReadsItsEntryAndWritesItWithTheDocksNewVersion() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token());
        caller.post("/api/v1/entries", "{\"entry\": {\"description\": \"the dock\"}}").expect(201);
        var rename = "{\"entry\": {\"description\": \"renamed\"}}";

        assertThat(comesToCost(new RoundTrips(3, 1), () -> caller.put("/api/v1/entries/current", rename).expect(200)))
            .as("the dock locked; its entry read; the entry written and the version moved on in one statement"
                + " (its changes logged as it commits, V25)").isTrue();
    }

    @Test
    void theWeekPageReadsTheDockAndTheWeeksEntries() {
        var person = fixtures.anAccountSigningInWith("correct horse battery");
        api.bearer(person.token()).post("/api/v1/entries",
            "{\"entry\": {\"date\": \"2026-01-05\", \"duration\": 1800, \"description\": \"logged\"}}").expect(201);
        var browser = new WebSession(port);
        browser.signIn(person.email(), "correct horse battery");

        assertThat(comesToCost(new RoundTrips(3, 0), () -> assertThat(browser.get("/timesheet?view=week&date=2026-01-05")
            .body()).contains("value=\"0:30\"")))
            .as("the sign-in session (read once, not written: decision 024), the timer (the dock's version beside"
                + " its entry and a running timer of another app's, one statement), the week's entries; who signed"
                + " in, the names, the pickers and the week's approval remembered").isTrue();
    }

    @Test
    void aDockIsReadInOneStatement() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token());
        assertThat(comesToCost(new RoundTrips(1, 0), () -> assertThat(caller.get("/api/v1/dock").expect(200).text())
            .isEqualTo("null")))
            .as("a dock never used: empty").isTrue();

        caller.post("/api/v1/entries", "{\"entry\": {\"description\": \"the dock\"}}").expect(201);
        assertThat(comesToCost(new RoundTrips(1, 0), () -> {
            var dock = caller.get("/api/v1/dock").expect(200).json();
            assertThat(dock.get("description").asString()).isEqualTo("the dock");
            assertThat(dock.get("version_number").asLong()).isEqualTo(1);
        })).as("the dock's version beside its entry").isTrue();
    }

    @Test
    void anEntryOfSeveralTasksIsPricedWithOneLookupOfTheirAssignments() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token());
        var project = aProject(caller);
        var unassigned = id(caller.post("/v2/tasks", "{\"name\": \"Unassigned\"}").expect(201));
        var design = id(caller.post("/v2/tasks", "{\"name\": \"Design\"}").expect(201));
        var build = id(caller.post("/v2/tasks", "{\"name\": \"Build\"}").expect(201));
        caller.post("/v2/projects/" + project + "/task_assignments", "{\"task_id\": " + design + ", \"hourly_rate\": 150}")
            .expect(201);
        caller.post("/v2/projects/" + project + "/task_assignments", "{\"task_id\": " + build + ", \"hourly_rate\": 175}")
            .expect(201);
        var oneTask = entry(project, design);
        var threeTasks = entry(project, unassigned, design, build);

        var withOne = roundTripsOf(() -> caller.post("/api/v1/entries", oneTask).expect(201));
        var withThree = roundTripsOf(() -> caller.post("/api/v1/entries", threeTasks).expect(201));
        var priced = id(caller.post("/api/v1/entries", threeTasks).expect(201));

        assertThat(withThree).as("one lookup of the project, the tasks and their assignments; the insert")
            .isEqualTo(withOne).isEqualTo(new RoundTrips(2, 0));
        assertThat(caller.get("/v2/time_entries/" + priced).expect(200).json().get("billable_rate").decimalValue())
            .as("the first of its tasks, in order, with a rate on the project").isEqualByComparingTo("150");
    }

    @Test
    void aHarvestCreateRendersWhatItsPricingRead() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token());
        var project = aProject(caller);
        var task = id(caller.post("/v2/tasks", "{\"name\": \"T\", \"default_hourly_rate\": 100}").expect(201));
        var body = "{\"project_id\": " + project + ", \"task_id\": " + task + ", \"spent_date\": \"2026-01-02\","
            + " \"hours\": 1}";

        var create = roundTripsOf(() -> caller.post("/v2/time_entries", body).expect(201));

        assertThat(create.transactions()).as("one statement writes: no transaction").isZero();
        assertThat(create.statements()).as("one lookup of what it prices and renders (task, project, contact,"
            + " assignments), the account's weeks waiting for approval (approval_status), the insert").isEqualTo(3);
        assertThat(comesToCost(new RoundTrips(1, 0), () -> caller.post("/v2/time_entries", body).expect(201)))
            .as("the work remembered: the insert").isTrue();
    }

    @Test
    void aPageCostsTheSameStatementsForFewEntriesAsForMany() {
        var admin = fixtures.anAccount();
        var member = fixtures.aPerson(admin.account(), Role.MEMBER, null);
        var caller = api.bearer(admin.token());
        var client = id(caller.post("/v2/clients", "{\"name\": \"C\"}").expect(201));
        log(caller, admin, member, client, 2);
        var harvestFew = coldly(caller, client, () -> caller.get("/v2/time_entries?per_page=100").expect(200));
        var expensicatFew = coldly(caller, client, () -> caller.get("/v1/time-entries?limit=100").expect(200));
        var minuteDockFew = coldly(caller, client, () -> caller.get("/api/v1/entries?user_accounts=all").expect(200));

        log(caller, admin, member, client, 12);
        var harvestMany = coldly(caller, client, () -> caller.get("/v2/time_entries?per_page=100").expect(200));
        var expensicatMany = coldly(caller, client, () -> caller.get("/v1/time-entries?limit=100").expect(200));
        var minuteDockMany = coldly(caller, client,
            () -> caller.get("/api/v1/entries?user_accounts=all").expect(200));
        assertThat(comesToCost(new RoundTrips(1, 0), () -> caller.get("/v1/time-entries?limit=100").expect(200)))
            .as("Expensicat page, on no invoice, its names remembered: the entries alone").isTrue();

        var invoice = caller.post("/api/v1/invoices", "{\"invoice\": {\"contact_id\": \"" + client
            + "\", \"from\": \"2026-01-01\", \"to\": \"2026-01-31\"}}").expect(201).json();
        assertThat(statements.holding("FROM invoice", () -> caller.get("/v1/time-entries?limit=100").expect(200)))
            .as("the first page to show an invoice reads it").isEqualTo(1);
        var harvestInvoiced = coldly(caller, client, () -> assertThat(caller.get("/v2/time_entries?per_page=100")
            .expect(200).json().get("time_entries").get(0).get("invoice").get("number").asString())
            .isEqualTo(invoice.get("number").asString()));
        var expensicatInvoiced = coldly(caller, client, () -> assertThat(caller.get("/v1/time-entries?limit=100")
            .expect(200).json().get("data").get(0).get("invoice").get("status").asString()).isEqualTo("draft"));

        assertThat(harvestInvoiced).as("Harvest page of invoiced entries, their invoices remembered (EntryInvoices)")
            .isEqualTo(harvestMany);
        assertThat(expensicatInvoiced).as("Expensicat page of invoiced entries, their invoices remembered")
            .isEqualTo(expensicatMany);
        assertThat(harvestMany).as("Harvest page").isEqualTo(harvestFew);
        assertThat(expensicatMany).as("Expensicat page").isEqualTo(expensicatFew);
        assertThat(minuteDockMany).as("MinuteDock search").isEqualTo(minuteDockFew)
            .isEqualTo(new RoundTrips(1, 0));
        assertThat(harvestMany).as("entries (their people remembered), names with assignments, count; no transaction")
            .isEqualTo(new RoundTrips(3, 0));
        assertThat(expensicatMany).as("entries (their people remembered), names with live projects' rates;"
            + " no transaction")
            .isEqualTo(new RoundTrips(2, 0));
        assertThat(comesToCost(new RoundTrips(2, 0),
                () -> caller.get("/v2/time_entries?per_page=100").expect(200)))
            .as("Harvest page, its names, assignments and invoices remembered: entries, count").isTrue();
        assertThat(comesToCost(new RoundTrips(1, 0), () -> caller.get("/v1/time-entries?limit=100").expect(200)))
            .as("Expensicat page, its names and invoices remembered: the entries alone").isTrue();
    }

    @Test
    void pagesOfDialectsThatShowNoTasksReadNone() {
        var admin = fixtures.anAccount();
        var member = fixtures.aPerson(admin.account(), Role.MEMBER, null);
        var caller = api.bearer(admin.token());
        var client = id(caller.post("/v2/clients", "{\"name\": \"C\"}").expect(201));
        log(caller, admin, member, client, 3);

        assertThat(statements.holding("entry_task", () -> caller.get("/v1/time-entries?limit=100").expect(200)))
            .as("Expensicat page").isZero();
        assertThat(statements.holding("entry_task", () -> caller.get("/api/v1/time").expect(200)))
            .as("Paydirt time logs").isZero();
        assertThat(statements.holding("entry_task",
                () -> caller.get("/api/v1/entries?user_accounts=all").expect(200)))
            .as("MinuteDock search, whose entries show their task_ids").isEqualTo(1);
    }

    /** A Harvest project of a client of its own. */
    private static String aProject(Api.Caller caller) {
        var client = id(caller.post("/v2/clients", "{\"name\": \"C\"}").expect(201));
        return id(caller.post("/v2/projects", "{\"client_id\": " + client + ", \"name\": \"P\"}").expect(201));
    }

    /** A MinuteDock entry of half an hour on the project, with these tasks. */
    private static String entry(String project, String... tasks) {
        return "{\"entry\": {\"date\": \"2026-01-02\", \"duration\": 1800, \"project_id\": \"" + project
            + "\", \"task_ids\": [\"" + String.join("\", \"", tasks) + "\"]}}";
    }

    /** {@code projects} entries, each on a project and task of its own, for the admin and a member. */
    private void log(Api.Caller caller, Person admin, Person member, String client, int projects) {
        for (int i = 0; i < projects; i++) {
            var project = id(caller.post("/v2/projects", "{\"client_id\": " + client + ", \"name\": \"P " + i + "-"
                + System.nanoTime() + "\"}").expect(201));
            var task = id(caller.post("/v2/tasks", "{\"name\": \"T " + i + "-" + System.nanoTime() + "\"}")
                .expect(201));
            var user = i % 2 == 0 ? admin.membershipId() : member.membershipId();
            caller.post("/v2/time_entries", "{\"user_id\": " + user + ", \"project_id\": " + project + ", \"task_id\": "
                + task + ", \"spent_date\": \"2026-01-0" + (1 + i % 9) + "\", \"hours\": 1}").expect(201);
        }
    }

    private RoundTrips roundTripsOf(Runnable request) {
        return statements.of(request);
    }

    /**
     * What {@code request} costs when the server remembers nothing of the account's catalog: a write
     * to it through the server (the client renamed to itself) forgets all of it as it commits. The
     * request is made once before, so that the people owning the entries are known ({@code Owners}:
     * read once, by the first page that shows them).
     */
    private RoundTrips coldly(Api.Caller caller, String client, Runnable request) {
        request.run();
        caller.patch("/v2/clients/" + client, "{\"name\": \"C\"}").expect(200);
        return roundTripsOf(request);
    }

    /**
     * Whether {@code request}, asked again for a few moments, comes to cost {@code expected}: once the
     * server remembers what it read (decision 012), and the announcements of the test's own writes
     * have arrived.
     */
    private boolean comesToCost(RoundTrips expected, Runnable request) {
        return Statements.within(() -> roundTripsOf(request).equals(expected));
    }

    private static String id(io.timeledger.support.Response response) {
        return response.json().get("id").asString();
    }
}
