package io.timeledger.core.time;

import static io.timeledger.support.Statements.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Statements;
import io.timeledger.support.Unannounced;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Pages show the invoice each entry is billed on as {@link EntryInvoices} remembers it, until one
 * of the account's invoices changes what a page shows of it: at once when the change is this
 * server's (an invoice sent), within moments when plain SQL makes it (V18's triggers announce it).
 * What a page does not show — an invoice archived, its totals — forgets nothing, an announcement
 * that names no account forgets every account's, and another account's invoice is never found.
 */
@ApiTest
class EntryInvoicesTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Statements statements;
    @Autowired EntryInvoices invoices;

    @Test
    void anInvoiceSentThroughThisServerShowsSentOnTheNextPage() {
        var caller = api.bearer(fixtures.anAccount().token());
        var invoice = remembered(caller, anInvoicedEntry(caller));
        assertThat(shownInvoice(caller).get("status").asString()).isEqualTo("draft");

        // unannounced by V18's trigger, which would reach the server within milliseconds: this server
        // forgets its own write as it commits, before it answers
        Unannounced.run(jdbc, "invoice", "invoice_shown_changed", () -> {
            caller.patch("/api/v1/invoices/" + invoice, "{\"invoice\": {\"status\": \"sent\"}}").expect(200);

            assertThat(shownInvoice(caller).get("status").asString()).isEqualTo("sent");
        });
    }

    @Test
    void aChangeElsewhereShowsWithinMoments() {
        var caller = api.bearer(fixtures.anAccount().token());
        var invoice = remembered(caller, anInvoicedEntry(caller));

        jdbc.sql("UPDATE invoice SET number = 'ELSEWHERE-7', due_on = DATE '2026-03-31' WHERE id = :id")
            .param("id", Long.parseLong(invoice)).update();

        assertThat(within(() -> shownInvoice(caller).get("number").asString().equals("ELSEWHERE-7"))).isTrue();
        assertThat(shownInvoice(caller).get("due_date").asString()).isEqualTo("2026-03-31");
    }

    @Test
    void anArchivedInvoiceIsStillRemembered() {
        var caller = api.bearer(fixtures.anAccount().token());
        var invoice = remembered(caller, anInvoicedEntry(caller));

        caller.patch("/api/v1/invoices/" + invoice, "{\"invoice\": {\"archived\": true}}").expect(200);
        Statements.pause(300);

        assertThat(invoiceReads(caller)).as("a page reads no invoice: archiving changes nothing it shows").isZero();
    }

    @Test
    void anotherAccountsChangeForgetsNothingOfThisOne() {
        var caller = api.bearer(fixtures.anAccount().token());
        remembered(caller, anInvoicedEntry(caller));
        var other = api.bearer(fixtures.anAccount().token());
        var theirs = anInvoicedEntry(other);

        other.patch("/api/v1/invoices/" + theirs, "{\"invoice\": {\"status\": \"sent\"}}").expect(200);
        Statements.pause(300);

        assertThat(invoiceReads(caller)).as("this account's invoices still remembered").isZero();
    }

    @Test
    void anAnnouncementThatNamesNoAccountForgetsEveryAccount() {
        var caller = api.bearer(fixtures.anAccount().token());
        remembered(caller, anInvoicedEntry(caller));

        jdbc.sql("SELECT pg_notify('timeledger_invoices', 'not an account')").query().singleValue();

        assertThat(within(() -> invoiceReads(caller) == 1)).as("the invoice read again").isTrue();
    }

    @Test
    void anotherAccountsInvoiceIsNeverFound() {
        var mine = fixtures.anAccount();
        var theirs = fixtures.anAccount();
        var theirCaller = api.bearer(theirs.token());
        var invoice = Long.parseLong(remembered(theirCaller, anInvoicedEntry(theirCaller)));

        assertThat(invoices.of(mine.account(), List.of(invoice))).isEmpty();
        assertThat(invoices.of(theirs.account(), List.of(invoice))).containsOnlyKeys(invoice);
    }

    /** A client's billable entry on a draft invoice of its own; the invoice's id. */
    private static String anInvoicedEntry(Api.Caller caller) {
        var client = id(caller.post("/v2/clients", "{\"name\": \"Billed\"}").expect(201));
        var project = id(caller.post("/v2/projects", "{\"client_id\": " + client + ", \"name\": \"P\"}").expect(201));
        var task = id(caller.post("/v2/tasks", "{\"name\": \"T " + System.nanoTime() + "\"}").expect(201));
        caller.post("/v2/time_entries", "{\"project_id\": " + project + ", \"task_id\": " + task
            + ", \"spent_date\": \"2026-01-05\", \"hours\": 2}").expect(201);
        return id(caller.post("/api/v1/invoices", "{\"invoice\": {\"contact_id\": \"" + client
            + "\", \"from\": \"2026-01-01\", \"to\": \"2026-01-31\"}}").expect(201));
    }

    /** The invoice, once a page that shows it reads no invoice. */
    private String remembered(Api.Caller caller, String invoice) {
        assertThat(shownInvoice(caller).get("id").asString()).isEqualTo(invoice);
        assertThat(within(() -> invoiceReads(caller) == 0)).as("the invoice is remembered").isTrue();
        return invoice;
    }

    /** The invoice of the newest entry, as Expensicat's page shows it. */
    private static JsonNode shownInvoice(Api.Caller caller) {
        return caller.get("/v1/time-entries?limit=10").expect(200).json().get("data").get(0).get("invoice");
    }

    /** How many statements Expensicat's page makes that read invoices. */
    private long invoiceReads(Api.Caller caller) {
        return statements.holding("FROM invoice", () -> shownInvoice(caller));
    }

    private static String id(io.timeledger.support.Response response) {
        return response.json().get("id").asString();
    }
}
