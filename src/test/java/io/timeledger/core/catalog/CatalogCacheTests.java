package io.timeledger.core.catalog;

import static io.timeledger.support.Statements.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Statements;
import io.timeledger.support.Unannounced;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server remembers what it read of an account's catalog (decision 012) — the work an entry is
 * logged against, the names and rates a page shows — and forgets it when it changes: at once when
 * the change is its own, within moments when plain SQL (the admin command line, a second server,
 * an operator) makes it, announced by V14's triggers.
 */
@ApiTest
class CatalogCacheTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Statements statements;

    @Test
    void workLoggedAgainBeforeIsOnlyItsInsert() {
        var caller = api.bearer(fixtures.anAccount().token());
        var work = harvestWork(caller);

        assertThat(within(() -> statements.of(() -> caller.post("/v2/time_entries", work.entry(1))
            .expect(201)).statements() == 1)).as("the insert alone, the work remembered").isTrue();
    }

    @Test
    void aProjectDeletedThroughThisServerTakesNoMoreTimeAtOnce() {
        var caller = api.bearer(fixtures.anAccount().token());
        var work = remembered(caller, harvestWork(caller));

        // unannounced by V14's trigger: this server forgets its own write as it commits
        Unannounced.run(jdbc, "project", "project_catalog_changed", () -> {
            caller.delete("/v2/projects/" + work.project()).expect(200);

            caller.post("/v2/time_entries", work.entry(1)).expect(422);
        });
    }

    @Test
    void aRenameThroughThisServerShowsOnTheNextPage() {
        var caller = api.bearer(fixtures.anAccount().token());
        var work = remembered(caller, harvestWork(caller));
        assertThat(expensicatProjectName(caller)).isEqualTo("Before");

        Unannounced.run(jdbc, "project", "project_catalog_changed", () -> {
            caller.patch("/v2/projects/" + work.project(), "{\"name\": \"After\"}").expect(200);

            assertThat(expensicatProjectName(caller)).isEqualTo("After");
        });
    }

    @Test
    void aRenameElsewhereShowsWithinMoments() {
        var caller = api.bearer(fixtures.anAccount().token());
        var work = remembered(caller, harvestWork(caller));
        assertThat(expensicatProjectName(caller)).isEqualTo("Before");

        jdbc.sql("UPDATE project SET name = 'Renamed elsewhere' WHERE id = :id")
            .param("id", Long.parseLong(work.project())).update();

        assertThat(within(() -> expensicatProjectName(caller).equals("Renamed elsewhere"))).isTrue();
    }

    @Test
    void anAssignmentAddedElsewherePricesTheNextEntryWithinMoments() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token());
        var work = remembered(caller, harvestWork(caller));
        assertThat(rateOfANewEntry(caller, work)).as("no rate on the task, project or client").isNotEqualTo("333");

        // what the server remembered includes that the project has no assignment of the task
        jdbc.sql("""
                INSERT INTO task_assignment (account_id, project_id, task_id, billable, active, hourly_rate)
                VALUES (:account, :project, :task, true, true, 333)
                """)
            .param("account", admin.account().value())
            .param("project", Long.parseLong(work.project()))
            .param("task", Long.parseLong(work.task()))
            .update();

        assertThat(within(() -> rateOfANewEntry(caller, work).equals("333"))).isTrue();
    }

    @Test
    void aTransactionThatWritesReadsTheCatalogItself() {
        var caller = api.bearer(fixtures.anAccount().token());
        var work = remembered(caller, harvestWork(caller));

        // deleted elsewhere, and not yet heard of: a logged entry may still find the project for a
        // few milliseconds, but a timer starts in a transaction, which reads the catalog as it is
        jdbc.sql("UPDATE project SET deleted_at = now() WHERE id = :id")
            .param("id", Long.parseLong(work.project())).update();

        caller.post("/v2/time_entries", work.timer()).expect(422);
    }

    @Test
    void anotherAccountsChangeForgetsNothingOfThisOne() {
        var caller = api.bearer(fixtures.anAccount().token());
        var work = remembered(caller, harvestWork(caller));
        var other = api.bearer(fixtures.anAccount().token());

        var others = harvestWork(other);
        jdbc.sql("UPDATE project SET name = 'Elsewhere' WHERE id = :id")
            .param("id", Long.parseLong(others.project())).update();
        Statements.pause(300);

        assertThat(statements.of(() -> caller.post("/v2/time_entries", work.entry(1)).expect(201)).statements())
            .as("still only the insert").isEqualTo(1);
    }

    /** A Harvest client, project "Before" and task, none with a rate. */
    private static Work harvestWork(Api.Caller caller) {
        var client = id(caller.post("/v2/clients", "{\"name\": \"C\"}").expect(201));
        var project = id(caller.post("/v2/projects", "{\"client_id\": " + client + ", \"name\": \"Before\"}")
            .expect(201));
        var task = id(caller.post("/v2/tasks", "{\"name\": \"T\"}").expect(201));
        return new Work(project, task);
    }

    /** The work, once logging time against it reads nothing but the insert. */
    private Work remembered(Api.Caller caller, Work work) {
        assertThat(within(() -> statements.of(() -> caller.post("/v2/time_entries", work.entry(1))
            .expect(201)).statements() == 1)).as("the work is remembered").isTrue();
        return work;
    }

    /** The billable rate of a new entry against the work, as text ("null" without one). */
    private static String rateOfANewEntry(Api.Caller caller, Work work) {
        var rate = caller.post("/v2/time_entries", work.entry(1)).expect(201).json().get("billable_rate");
        return rate.isNumber() ? rate.decimalValue().stripTrailingZeros().toPlainString() : String.valueOf(rate);
    }

    private static String expensicatProjectName(Api.Caller caller) {
        return caller.get("/v1/time-entries?limit=10").expect(200).json().get("data").get(0).get("project")
            .get("name").asString();
    }

    private record Work(String project, String task) {
        String entry(int hours) {
            return "{\"project_id\": " + project + ", \"task_id\": " + task + ", \"spent_date\": \"2026-01-02\","
                + " \"hours\": " + hours + "}";
        }

        /** Without hours: a running timer. */
        String timer() {
            return "{\"project_id\": " + project + ", \"task_id\": " + task + ", \"spent_date\": \"2026-01-02\"}";
        }
    }

    private static String id(io.timeledger.support.Response response) {
        return response.json().get("id").asString();
    }
}
