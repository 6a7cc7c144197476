package io.timeledger.api.minutedock;

import static io.timeledger.support.JsonShape.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ApiTest
class MinuteDockMoneyTests {

    static final String SEED_EXPENSE = """
        {"id": "1234", "description": "Office supplies", "quantity": 2, "unit_amount": "25.50", "amount": "51.00",
         "currency": "USD", "date": "2024-01-15", "contact_id": "789", "project_id": "1011", "user_account_id": "456",
         "invoice_id": null, "manually_invoiced": false, "written_off": false,
         "item": {"id": "123456", "name": "Consulting", "description": "Hourly consulting work",
                  "default_rate_cents": 15000},
         "created_at": "2024-01-15T10:30:00Z", "updated_at": "2024-01-15T10:30:00Z"}""";

    static final String SEED_INVOICE = """
        {"id": "123456", "contact_id": 0, "number": "string", "reference": "string", "status": "draft",
         "sent_at": "2019-08-24T14:15:22Z", "archived": true, "date": "2019-08-24", "due_date": "2019-08-24",
         "currency": "string", "subtotal": "string", "tax": "string", "total": "string", "delivery": null,
         "created_at": "2019-08-24T14:15:22Z", "updated_at": "2019-08-24T14:15:22Z",
         "line_items": [{"id": "123456", "description": "string", "quantity": "string", "unit_amount": "string",
                         "subtotal": "string", "tax": "string", "total": "string", "position": 0}]}""";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;

    record Books(Person admin, String contact, String project) { }

    private Books books() {
        var admin = fixtures.anAccount();
        jdbc.sql("UPDATE account SET expenses_enabled = true WHERE id = :id").param("id", admin.account().value())
            .update();
        var contact = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"ACME\", "
            + "\"default_rate_dollars\": \"150.00\"}}");
        var project = post(admin, "/api/v1/projects", "{\"project\": {\"name\": \"Website\", \"contact_id\": \""
            + contact + "\"}}");
        return new Books(admin, contact, project);
    }

    @Test
    void itemsAreTheCatalogAdminsKeep() {
        var books = books();
        var member = fixtures.aMember(books.admin().account());

        var item = api.bearer(books.admin().token()).post("/api/v1/items", "{\"item\": {\"name\": \"Consulting\", "
            + "\"description\": \"Hourly consulting work\", \"default_rate_cents\": 15000}}").expect(201).json();
        api.bearer(member.token()).post("/api/v1/items", "{\"item\": {\"name\": \"Mine\"}}").expect(403);
        api.bearer(books.admin().token()).put("/api/v1/items/" + item.get("id").stringValue(),
            "{\"item\": {\"default_rate_cents\": 16000}}").expect(200);

        assertSameShape("{\"id\": \"123456\", \"name\": \"Consulting\", \"description\": \"Hourly consulting work\","
            + " \"default_rate_cents\": 15000}", item);
        var listed = api.bearer(member.token()).get("/api/v1/items").expect(200).json();
        assertThat(listed.get(0).get("default_rate_cents").longValue()).isEqualTo(16000);
        api.bearer(books.admin().token()).post("/api/v1/items", "{\"item\": {\"name\": \"\", "
            + "\"default_rate_cents\": -1}}").expect(422);
        api.bearer(books.admin().token()).delete("/api/v1/items/" + item.get("id").stringValue()).expect(200);
        assertThat(api.bearer(member.token()).get("/api/v1/items").json()).isEmpty();
    }

    @Test
    void expensesFollowTheDocumentsUpdateSemantics() {
        var books = books();
        var item = post(books.admin(), "/api/v1/items", "{\"item\": {\"name\": \"Consulting\", "
            + "\"description\": \"Hourly consulting work\", \"default_rate_cents\": 15000}}");

        var byItem = api.bearer(books.admin().token()).post("/api/v1/expenses", """
            {"expense": {"description": "Office supplies", "item_id": "%s", "quantity": 2, "date": "2024-01-15",
                         "project_id": "%s"}}""".formatted(item, books.project())).expect(201).json();
        var id = byItem.get("id").stringValue();
        var oneOff = api.bearer(books.admin().token()).put("/api/v1/expenses/" + id,
            "{\"expense\": {\"rate_cents\": 2550}}").expect(200).json();
        var marked = api.bearer(books.admin().token()).put("/api/v1/expenses/" + id,
            "{\"expense\": {\"manually_invoiced\": true}}").expect(200).json();

        assertSameShape(SEED_EXPENSE, byItem);
        assertThat(byItem.get("unit_amount").stringValue()).isEqualTo("150.00");
        assertThat(byItem.get("amount").stringValue()).isEqualTo("300.00");
        assertThat(byItem.get("contact_id").stringValue()).isEqualTo(books.contact());
        assertThat(oneOff.get("quantity").intValue()).isEqualTo(1);
        assertThat(oneOff.get("unit_amount").stringValue()).isEqualTo("25.50");
        assertThat(oneOff.get("amount").stringValue()).isEqualTo("25.50");
        assertThat(oneOff.get("item").isNull()).isTrue();
        assertThat(marked.get("manually_invoiced").booleanValue()).isTrue();
        assertThat(marked.get("invoice_id").isNull()).isTrue();
        var caller = api.bearer(books.admin().token());
        assertThat(caller.get("/api/v1/expenses?invoiced_only=true").json()).hasSize(1);
        assertThat(caller.get("/api/v1/expenses?uninvoiced_only=true").json()).isEmpty();
        caller.delete("/api/v1/expenses/" + id).expect(422);
    }

    @Test
    void expensesAreRefusedWhileTheFeatureIsOffAndMembersSeeTheirOwn() {
        var books = books();
        var member = fixtures.aMember(books.admin().account());
        api.bearer(member.token()).post("/api/v1/expenses", "{\"expense\": {\"description\": \"Taxi\", "
            + "\"rate_cents\": 1800, \"date\": \"2024-02-01\"}}").expect(201);
        api.bearer(books.admin().token()).post("/api/v1/expenses", "{\"expense\": {\"description\": \"Lunch\", "
            + "\"rate_cents\": 2000, \"date\": \"2024-02-01\"}}").expect(201);

        assertThat(api.bearer(member.token()).get("/api/v1/expenses").json()).hasSize(1);
        assertThat(api.bearer(books.admin().token()).get("/api/v1/expenses").json()).hasSize(2);
        assertThat(api.bearer(books.admin().token()).get("/api/v1/expenses?user_account_id=" + member.membershipId())
            .json()).hasSize(1);
        api.bearer(member.token()).get("/api/v1/expenses?user_account_id=" + books.admin().membershipId()).expect(403);
        api.bearer(books.admin().token()).post("/api/v1/expenses", "{\"expense\": {\"description\": \"Free\"}}")
            .expect(422);

        jdbc.sql("UPDATE account SET expenses_enabled = false WHERE id = :id")
            .param("id", books.admin().account().value()).update();
        var off = api.bearer(books.admin().token()).get("/api/v1/expenses").expect(422).json();
        assertThat(off.get("errors").get("base").get(0).stringValue()).contains("not enabled");
    }

    @Test
    void aDraftBillsExactlyTheUninvoicedBillableWorkAndAddsUpToTheCent() {
        var books = books();
        var other = post(books.admin(), "/api/v1/contacts", "{\"contact\": {\"name\": \"Other\"}}");
        var internal = post(books.admin(), "/api/v1/projects", "{\"project\": {\"name\": \"Internal\", "
            + "\"contact_id\": \"" + books.contact() + "\", \"billable\": false}}");
        var a = entry(books, "\"project_id\": \"" + books.project() + "\", \"date\": \"2024-03-04\", \"duration\": 5400");
        var b = entry(books, "\"project_id\": \"" + books.project() + "\", \"date\": \"2024-03-05\", \"duration\": 1000");
        var outOfRange = entry(books, "\"project_id\": \"" + books.project() + "\", \"date\": \"2024-04-01\", "
            + "\"duration\": 3600");
        var nonBillable = entry(books, "\"project_id\": \"" + internal + "\", \"date\": \"2024-03-06\", "
            + "\"duration\": 3600");
        var otherContact = entry(books, "\"contact_id\": \"" + other + "\", \"date\": \"2024-03-06\", "
            + "\"duration\": 3600");
        api.bearer(books.admin().token()).post("/api/v1/expenses", "{\"expense\": {\"description\": \"Fonts\", "
            + "\"rate_cents\": 3333, \"date\": \"2024-03-10\", \"contact_id\": \"" + books.contact() + "\"}}")
            .expect(201);

        var invoice = api.bearer(books.admin().token()).post("/api/v1/invoices", """
            {"invoice": {"contact_id": "%s", "from": "2024-03-01", "to": "2024-03-31", "tax_rate": 7.5,
                         "reference": "PO-42"}}""".formatted(books.contact())).expect(201).json();

        assertSameShape(SEED_INVOICE.replace("\"sent_at\": \"2019-08-24T14:15:22Z\"", "\"sent_at\": null")
            .replace("\"contact_id\": 0", "\"contact_id\": 1"), invoice);
        // 1.5 h + 0.28 h (1000 s) = 1.78 h at 150.00 = 267.00; tax 7.5 % = 20.03 (20.025 half up)
        var lines = invoice.get("line_items");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("description").stringValue()).isEqualTo("Website");
        assertThat(lines.get(0).get("quantity").stringValue()).isEqualTo("1.78");
        assertThat(lines.get(0).get("subtotal").stringValue()).isEqualTo("267.00");
        assertThat(lines.get(0).get("tax").stringValue()).isEqualTo("20.03");
        assertThat(lines.get(1).get("subtotal").stringValue()).isEqualTo("33.33");
        assertThat(lines.get(1).get("tax").stringValue()).isEqualTo("2.50");
        assertThat(invoice.get("subtotal").stringValue()).isEqualTo("300.33");
        assertThat(invoice.get("tax").stringValue()).isEqualTo("22.53");
        assertThat(invoice.get("total").stringValue()).isEqualTo("322.86");
        assertThat(invoice.get("reference").stringValue()).isEqualTo("PO-42");
        var invoiceId = invoice.get("id").stringValue();
        assertThat(invoiceOf(books, a)).isEqualTo(invoiceId);
        assertThat(invoiceOf(books, b)).isEqualTo(invoiceId);
        assertThat(invoiceOf(books, outOfRange)).isNull();
        assertThat(invoiceOf(books, nonBillable)).isNull();
        assertThat(invoiceOf(books, otherContact)).isNull();
        api.bearer(books.admin().token()).post("/api/v1/invoices", "{\"invoice\": {\"contact_id\": \""
            + books.contact() + "\", \"from\": \"2024-03-01\", \"to\": \"2024-03-31\"}}").expect(422);
    }

    @Test
    void aReportBillsWhatTheInvoiceDraftedForTheSamePeriodBillsHoweverItsLinesGroup() {
        var admin = fixtures.anAccount();
        // a rate and durations whose hours and amounts all round: 1,234 s are 0.34 h, 4,321 s 1.20 h ...
        var contact = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"Awkward\", "
            + "\"default_rate_dollars\": \"123.45\"}}");
        var books = new Books(admin, contact, null);
        var seconds = List.of(1234, 4321, 999, 61, 7777, 2701, 18);
        for (int i = 0; i < seconds.size(); i++) {
            entry(books, "\"contact_id\": \"" + contact + "\", \"date\": \"2024-05-0" + (i + 1) + "\", \"duration\": "
                + seconds.get(i));
        }

        var report = api.bearer(admin.token()).post("/api/v1/reports/generate", """
            {"contacts": ["%s"], "from": "2024-05-01", "to": "2024-05-31"}""".formatted(contact)).expect(200).json();
        var billed = report.get("billable_amount").get("USD").stringValue();

        // 0.34 + 1.20 + 0.28 + 0.02 + 2.16 + 0.75 + 0.01 h, each x 123.45 to the cent
        assertThat(billed).isEqualTo("587.62");
        for (var grouping : List.of("project", "task", "person", "entry")) {
            var invoice = draft(books, grouping);
            assertThat(invoice.get("subtotal").stringValue()).as("grouped by %s", grouping).isEqualTo(billed);
            api.bearer(admin.token()).delete("/api/v1/invoices/" + invoice.get("id").stringValue()).expect(200);
        }
    }

    @Test
    void linesGroupByTaskPersonOrEntry() {
        var books = books();
        var design = post(books.admin(), "/api/v1/tasks", "{\"task\": {\"name\": \"Design\"}}");
        entry(books, "\"contact_id\": \"" + books.contact() + "\", \"task_ids\": [\"" + design
            + "\"], \"date\": \"2024-03-04\", \"duration\": 3600, \"description\": \"Logo\"");
        entry(books, "\"contact_id\": \"" + books.contact() + "\", \"date\": \"2024-03-05\", \"duration\": 1800, "
            + "\"description\": \"Call\"");

        var byTask = draft(books, "task");
        assertThat(descriptions(byTask)).containsExactly("Design", "Time without a task");
        api.bearer(books.admin().token()).delete("/api/v1/invoices/" + byTask.get("id").stringValue()).expect(200);
        var byEntry = draft(books, "entry");
        assertThat(descriptions(byEntry)).containsExactly("2024-03-04 Logo", "2024-03-05 Call");
        api.bearer(books.admin().token()).delete("/api/v1/invoices/" + byEntry.get("id").stringValue()).expect(200);
        var byPerson = draft(books, "person");
        assertThat(descriptions(byPerson)).containsExactly("Pat Doe");
        assertThat(byPerson.get("line_items").get(0).get("quantity").stringValue()).isEqualTo("1.5");
    }

    @Test
    void invoicedWorkIsLockedEverywhereUntilTheDraftIsDeleted() {
        var books = books();
        var id = entry(books, "\"project_id\": \"" + books.project() + "\", \"date\": \"2024-03-04\", \"duration\": 3600");
        var invoice = draft(books, "project");
        var invoiceId = invoice.get("id").stringValue();
        var caller = api.bearer(books.admin().token());

        caller.put("/api/v1/entries/" + id, "{\"entry\": {\"description\": \"x\"}}").expect(422);
        caller.delete("/api/v1/entries/" + id).expect(422);
        var harvest = caller.get("/v2/time_entries/" + id).expect(200).json();
        caller.patch("/v2/time_entries/" + id, "{\"notes\": \"x\"}").expect(422);
        caller.patch("/v1/time-entries/" + id, "{\"description\": \"x\"}").expect(422);
        var expensicat = caller.get("/v1/time-entries/" + id).json().get("data");

        assertThat(harvest.get("is_billed").booleanValue()).isTrue();
        assertThat(harvest.get("is_locked").booleanValue()).isTrue();
        assertThat(harvest.get("locked_reason").stringValue()).isEqualTo("The entry has been invoiced");
        assertThat(harvest.get("invoice").get("number").stringValue()).isEqualTo(invoice.get("number").stringValue());
        assertThat(expensicat.get("invoice").get("status").stringValue()).isEqualTo("draft");
        assertThat(expensicat.get("invoice_id").stringValue()).isEqualTo(invoiceId);

        caller.delete("/api/v1/invoices/" + invoiceId).expect(200);
        caller.get("/api/v1/invoices/" + invoiceId).expect(404);
        assertThat(invoiceOf(books, id)).isNull();
        caller.put("/api/v1/entries/" + id, "{\"entry\": {\"description\": \"editable again\"}}").expect(200);
    }

    @Test
    void sendingArchivingListingAndOnlyAdminsManageInvoices() {
        var books = books();
        var member = fixtures.aMember(books.admin().account());
        entry(books, "\"project_id\": \"" + books.project() + "\", \"date\": \"2024-03-04\", \"duration\": 3600");
        var invoice = draft(books, "project");
        var id = invoice.get("id").stringValue();
        var caller = api.bearer(books.admin().token());

        var sent = caller.put("/api/v1/invoices/" + id, "{\"invoice\": {\"status\": \"sent\"}}").expect(200).json();
        caller.delete("/api/v1/invoices/" + id).expect(422);
        caller.put("/api/v1/invoices/" + id, "{\"invoice\": {\"status\": \"draft\"}}").expect(422);

        assertThat(sent.get("status").stringValue()).isEqualTo("sent");
        assertThat(sent.get("sent_at").isString()).isTrue();
        assertThat(caller.get("/api/v1/invoices?sent_only=true").json()).hasSize(1);
        assertThat(caller.get("/api/v1/invoices?draft_only=true").json()).isEmpty();
        assertThat(caller.get("/api/v1/invoices?contact_id=" + books.contact()).json().get(0).has("line_items"))
            .isFalse();
        caller.put("/api/v1/invoices/" + id, "{\"invoice\": {\"archived\": true}}").expect(200);
        assertThat(caller.get("/api/v1/invoices").json()).isEmpty();
        assertThat(caller.get("/api/v1/invoices?archived=true").json()).hasSize(1);
        api.bearer(member.token()).get("/api/v1/invoices").expect(403);
        api.bearer(member.token()).get("/api/v1/invoices/" + id).expect(403);
        api.bearer(fixtures.anAccount().token()).get("/api/v1/invoices/" + id).expect(404);
    }

    @Test
    void thePdfNamesTheInvoiceNumberAndTotal() throws Exception {
        var books = books();
        entry(books, "\"project_id\": \"" + books.project() + "\", \"date\": \"2024-03-04\", \"duration\": 7200");
        var invoice = draft(books, "project");

        var pdf = download("/api/v1/invoices/" + invoice.get("id").stringValue() + ".pdf", books.admin().token());

        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        var reader = new PdfReader(pdf.body());
        var text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("Invoice " + invoice.get("number").stringValue(), "ACME", "Website", "300.00");
        reader.close();
    }

    private HttpResponse<byte[]> download(String path, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:"
            + environment.getProperty("local.server.port") + path)).header("Authorization", "Bearer " + token).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode draft(Books books, String grouping) {
        return api.bearer(books.admin().token()).post("/api/v1/invoices", "{\"invoice\": {\"contact_id\": \""
            + books.contact() + "\", \"group_by\": \"" + grouping + "\"}}").expect(201).json();
    }

    private static List<String> descriptions(JsonNode invoice) {
        var list = new ArrayList<String>();
        invoice.get("line_items").forEach(line -> list.add(line.get("description").stringValue()));
        return list;
    }

    private String invoiceOf(Books books, String entry) {
        var node = api.bearer(books.admin().token()).get("/api/v1/entries/" + entry).json().get("invoice_id");
        return node.isNull() ? null : node.stringValue();
    }

    private String entry(Books books, String fields) {
        return post(books.admin(), "/api/v1/entries", "{\"entry\": {" + fields + "}}");
    }

    private String post(Person person, String path, String body) {
        return api.bearer(person.token()).post(path, body).expect(201).json().get("id").stringValue();
    }
}
