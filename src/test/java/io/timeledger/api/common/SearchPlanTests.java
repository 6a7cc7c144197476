package io.timeledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Statements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Which searches PostgreSQL plans once and which it plans per call, seen in pg_stat_statements
 * (its {@code plans} beside its {@code calls}; the tests' cluster tracks planning). A page in its
 * default shape is planned once and reused: planning it cost eight times its execution over a
 * million entries (docs/performance.md). A search whose best plan depends on its values, such as
 * Harvest's {@code updated_since}, must keep a plan made for each call's values.
 *
 * <p>Which plan PostgreSQL keeps depends on the statistics of the whole table, so these tests run
 * on a database of their own (the property makes a context, and so an embedded cluster, apart):
 * after the rest of the suite's accounts, a generic plan of the default page was costed above the
 * custom plans in some runs and not in others.
 */
@ApiTest
@TestPropertySource(properties = "timeledger.test.own-database=search-plans")
class SearchPlanTests {

    /**
     * pgjdbc prepares a statement on the server at its fifth call, and PostgreSQL makes five custom
     * plans of it before it weighs the generic one: nine plans, then one generic plan for the rest —
     * on each pooled connection the calls happen to get (usually one, sometimes two).
     */
    private static final int CALLS = 40;

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Statements statements;

    @Test
    void aDefaultPageIsPlannedOnceAndReused() {
        var caller = anAccountWithAnEntry();
        analyzed();

        for (int i = 0; i < CALLS; i++) {
            caller.get("/v1/time-entries?limit=7").expect(200);
            caller.get("/v2/time_entries?per_page=7").expect(200);
        }

        assertThat(plans("ORDER BY e.id DESC")).as("Expensicat's page").satisfies(Plans::reused);
        assertThat(plans("ORDER BY e.spent_on DESC")).as("Harvest's page")
            .satisfies(Plans::reused);
    }

    @Test
    void aSearchWhoseBestPlanDependsOnItsValuesIsPlannedPerCall() {
        var caller = anAccountWithAnEntry();

        for (int i = 0; i < CALLS; i++) {
            caller.get("/v2/time_entries?per_page=7&updated_since=2026-01-0" + (1 + i % 9) + "T00:00:00Z").expect(200);
        }

        var plans = plans("e.updated_at >");
        assertThat(plans.calls()).isEqualTo(CALLS);
        assertThat(plans.plans()).as("a plan per call").isGreaterThanOrEqualTo(CALLS);
    }

    /** A new account's caller, its one entry logged and the statistics reset. */
    private Api.Caller anAccountWithAnEntry() {
        var caller = api.bearer(fixtures.anAccount().token());
        caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-01-02\", \"duration\": 1800}}").expect(201);
        statements.reset();
        return caller;
    }

    /**
     * The tables analyzed, the statistics reset again: the tests before leave enough changed rows
     * that autovacuum would analyze them any moment, and an ANALYZE invalidates every cached plan of
     * a table, which then starts again from five custom plans.
     */
    private void analyzed() {
        jdbc.sql("ANALYZE").update();
        statements.reset();
    }

    record Plans(long calls, long plans) {
        void reused() {
            assertThat(calls).isEqualTo(CALLS);
            assertThat(plans).as("plans made for %d calls", CALLS).isLessThanOrEqualTo(CALLS / 2);
        }
    }

    /** The plans of the searches (since the reset) whose SQL contains {@code fragment}. */
    private Plans plans(String fragment) {
        return jdbc.sql("""
                SELECT coalesce(sum(calls), 0), coalesce(sum(plans), 0)
                  FROM pg_stat_statements
                 WHERE %s AND query LIKE 'SELECT e.id%%' AND strpos(query, :fragment) > 0
                """.formatted(Statements.SERVERS))
            .param("fragment", fragment)
            .query((rs, row) -> new Plans(rs.getLong(1), rs.getLong(2)))
            .single();
    }
}
