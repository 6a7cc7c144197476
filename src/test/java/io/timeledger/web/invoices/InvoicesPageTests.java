package io.timeledger.web.invoices;

import static io.timeledger.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.timeledger.core.account.Role;
import io.timeledger.web.Periods;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.TestClock;
import io.timeledger.support.WebSession;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.util.HtmlUtils;

/**
 * Billing a month in the browser: the account's invoice details, a previewed draft that stores
 * nothing, the draft, its lines edited, sent, paid in two parts, its PDF; a second invoice voided
 * frees its time; members are refused.
 */
@ApiTest
class InvoicesPageTests {

    static final String PASSWORD = "correct horse battery";
    static final String NOVEMBER = "from=2026-11-01&to=2026-11-30";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;
    @Value("${local.server.port}") int port;

    @Test
    void billAMonthEditItsLinesSendItRecordPaymentsAndPrintIt() throws IOException {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var pages = WebSession.signedIn(port, admin.email(), PASSWORD);
        assertThat(pages.submit("/manage/settings/invoices", "address", "Timeledger Studio\n1 Harbour Road",
            "tax_id", "GB123456789", "payment_terms", "14", "bank_details", "IBAN GB00 TEST 0000 0000"))
            .contains("Saved the invoice details.");
        var client = location(pages.postForm("/manage/clients", "name", "Acme Corp", "code", "acme", "rate", "100",
            "billable", "true", "address", "42 Wallaby Way\nSydney"));
        var clientId = client.substring(client.lastIndexOf('/') + 1);
        var caller = api.bearer(admin.token());
        for (var day : new String[] {"2026-11-03", "2026-11-17"}) {
            caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"" + day + "\", \"duration\": 5400,"
                + " \"contact_id\": \"" + clientId + "\", \"description\": \"Design\"}}").expect(201);
        }

        var preview = text(pages.get("/invoices/new?client=" + clientId + "&" + NOVEMBER + "&grouping=entry"));
        assertThat(preview).contains("2026-11-03 Design", "2026-11-17 Design", "id=\"preview-total\">300.00<");
        assertThat(caller.get("/api/v1/invoices").expect(200).json()).as("a preview stores nothing").isEmpty();

        var made = pages.postForm("/invoices", "client", clientId, "from", "2026-11-01", "to", "2026-11-30",
            "grouping", "project", "tax_rate", "10");
        var invoice = location(made);
        assertThat(invoice).matches(".*/invoices/\\d+");
        var draft = text(pages.get(invoice));
        assertThat(draft).contains("Drafted invoice", "Draft", "Time without a project", "330.00 USD");
        var due = Periods.day(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(14));
        assertThat(draft).as("due after the account's 14 days' terms, its dates as the pages write them")
            .contains("<dd>" + due + "</dd>", "<dd>1 – 30 Nov 2026</dd>");

        assertThat(text(pages.post(invoice + "/lines", "description", "Hosting, November", "quantity", "1",
            "unit_amount", "50", "_csrf", csrf(pages, invoice)))).isEmpty();
        var withHosting = text(pages.get(invoice));
        assertThat(withHosting).contains("Added the line.", "Hosting, November", "385.00 USD");
        var hosting = Pattern.compile("/lines/(\\d+)/delete").matcher(withHosting).results()
            .reduce((a, b) -> b).orElseThrow().group(1);
        assertThat(pages.submit(invoice + "/lines/" + hosting, "description", "Hosting, November", "quantity", "2",
            "unit_amount", "50")).contains("Saved the line.", "440.00 USD");
        assertThat(pages.submit(invoice + "/lines/" + hosting, "description", "", "quantity", "2",
            "unit_amount", "50")).contains("Description can't be blank.");

        assertThat(pages.submit(invoice + "/send")).contains("as sent", "Sent");
        assertThat(pages.submit(invoice + "/payments", "amount", "100", "paid_on", "2026-12-10", "note", "BACS 991"))
            .contains("Recorded the payment: 340.00 USD to go.", "Partly paid", "BACS 991", "10 Dec 2026");
        assertThat(pages.submit(invoice + "/payments", "amount", "500", "paid_on", "2026-12-11", "note", ""))
            .contains("Amount must not be more than the 340.00 USD outstanding.");
        assertThat(pages.submit(invoice + "/payments", "amount", "340", "paid_on", "2026-12-12", "note", ""))
            .contains("Recorded the payment: the invoice is paid.", "Paid");
        assertThat(text(pages.get("/invoices?status=paid"))).contains("Acme Corp", "440.00 USD", due);
        assertThat(text(pages.get("/invoices?status=open"))).contains("No invoices here yet");

        var pdf = pages.getBytes(invoice + ".pdf");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        var reader = new PdfReader(pdf.body());
        var printed = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(printed).contains("Timeledger Studio", "1 Harbour Road", "Tax id GB123456789", "Invoice 1",
            "Bill to", "Acme Corp", "42 Wallaby Way", "Sydney", "(14 days)", "Hosting, November", "440.00",
            "IBAN GB00 TEST 0000 0000", "PAID");
    }

    @Test
    void aPeriodWithNothingToBillSaysWhichDaysHaveSomethingAndPreviewsThem() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var pages = WebSession.signedIn(port, admin.email(), PASSWORD);
        var caller = api.bearer(admin.token());
        var clientId = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"Initech\", \"default_rate_dollars\":"
            + " \"90.00\"}}").expect(201).json().get("id").stringValue();
        for (var day : List.of("2026-12-01", "2026-12-04")) {
            caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"" + day + "\", \"duration\": 3600,"
                + " \"contact_id\": \"" + clientId + "\"}}").expect(201);
        }

        var november = pages.get("/invoices/new?client=" + clientId + "&" + NOVEMBER + "&grouping=task");
        assertThat(november.statusCode()).isEqualTo(422);
        assertThat(text(november)).contains("Nothing to bill for", "Initech", "from 1 Nov 2026 to 30 Nov 2026",
            "Its unbilled time and expenses are from 1 Dec 2026 to 4 Dec 2026");
        var link = Pattern.compile("id=\"preview-unbilled\"\\s+href=\"([^\"]+)\"").matcher(november.body());
        assertThat(link.find()).isTrue();

        var december = pages.get(HtmlUtils.htmlUnescape(link.group(1)));
        assertThat(december.statusCode()).isEqualTo(200);
        assertThat(text(december)).contains("id=\"preview-total\">180.00<", "value=\"2026-12-01\"",
            "value=\"2026-12-04\"", "value=\"task\" selected");

        // the client's page says the same, with the invoice one click away; a manager makes no invoices
        var clientPage = pages.get("/manage/clients/" + clientId).body();
        assertThat(text(clientPage)).contains("2 entries not billed yet, from 1 Dec 2026 to 4 Dec 2026.");
        var invoiceLink = Pattern.compile("id=\"invoice-unbilled\"\\s+href=\"([^\"]+)\"").matcher(clientPage);
        assertThat(invoiceLink.find()).isTrue();
        assertThat(text(pages.get(HtmlUtils.htmlUnescape(invoiceLink.group(1))))).contains("id=\"preview-total\">180.00<");
        var manager = fixtures.aPersonSigningInWith(admin.account(), Role.MANAGER, PASSWORD);
        assertThat(WebSession.signedIn(port, manager.email(), PASSWORD).get("/manage/clients/" + clientId).body())
            .contains("Initech").doesNotContain("id=\"unbilled\"");
    }

    @Test
    void aVoidInvoiceFreesItsTimeAndMembersAreRefused() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var member = fixtures.aMemberSigningInWith(admin.account(), PASSWORD);
        var pages = WebSession.signedIn(port, admin.email(), PASSWORD);
        var caller = api.bearer(admin.token());
        var clientId = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"Globex\", \"default_rate_dollars\":"
            + " \"80.00\"}}").expect(201).json().get("id").stringValue();
        caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-11-05\", \"duration\": 3600, \"contact_id\": \""
            + clientId + "\"}}").expect(201);
        var invoice = location(pages.postForm("/invoices", "client", clientId, "from", "2026-11-01", "to",
            "2026-11-30", "grouping", "project", "tax_rate", ""));
        assertThat(text(pages.get(invoice))).contains("Drafted invoice");
        assertThat(pages.submit(invoice + "/send")).contains("as sent");
        assertThat(text(pages.get("/invoices/new?client=" + clientId + "&" + NOVEMBER)))
            .contains("Nothing to bill for", "Globex", "from 1 Nov 2026 to 30 Nov 2026",
                "It has no unbilled time or expenses")
            .doesNotContain("id=\"preview-unbilled\"");
        assertThat(pages.submit(invoice + "/void")).contains("Voided invoice", "Void");
        assertThat(text(pages.get("/invoices/new?client=" + clientId + "&" + NOVEMBER)))
            .as("its time is free to bill again").contains("id=\"preview-total\">80.00<");

        var memberPages = WebSession.signedIn(port, member.email(), PASSWORD);
        assertThat(memberPages.get("/invoices").statusCode()).isEqualTo(403);
        assertThat(memberPages.get(invoice).statusCode()).isEqualTo(403);
        var stranger = WebSession.signedIn(port, fixtures.anAccountSigningInWith(PASSWORD).email(), PASSWORD);
        assertThat(stranger.get(invoice).statusCode()).as("another account's invoice").isEqualTo(404);
    }

    private static String csrf(WebSession pages, String path) {
        return WebSession.hidden(pages.get(path).body(), "_csrf");
    }

    private static String text(java.net.http.HttpResponse<String> page) {
        return HtmlUtils.htmlUnescape(page.body());
    }

    private static String text(String page) {
        return HtmlUtils.htmlUnescape(page);
    }
}
