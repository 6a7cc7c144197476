package io.timeledger.web.expenses;

import static io.timeledger.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * Expenses in the browser: recorded with a receipt (a picture or a PDF, told by its bytes, capped
 * in size) served only to those who may see the expense; an expense for a client goes on its next
 * invoice draft and is then locked; a refused receipt leaves no expense behind.
 */
@ApiTest
class ExpensesPageTests {

    static final String PASSWORD = "correct horse battery";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @Test
    void whereExpensesAreOffThePageSaysSoAndWhereToTurnThemOn() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var member = fixtures.aMemberSigningInWith(admin.account(), PASSWORD);

        var adminsPage = WebSession.signedIn(port, admin.email(), PASSWORD).get("/expenses");
        assertThat(adminsPage.statusCode()).isEqualTo(200);
        var asAdmin = adminsPage.body();
        assertThat(asAdmin).contains("Expenses are off", "href=\"/manage/settings#expenses\"")
            .doesNotContain("id=\"new-expense\"");
        var membersPage = WebSession.signedIn(port, member.email(), PASSWORD).get("/expenses");
        assertThat(membersPage.statusCode()).isEqualTo(200);
        var asMember = HtmlUtils.htmlUnescape(membersPage.body());
        assertThat(asMember).contains("Expenses are off", "An administrator of the account can turn them on.")
            .doesNotContain("/manage/settings");
    }

    @Test
    void anExpenseWithItsReceiptGoesOnTheClientsNextInvoice() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var member = fixtures.aMemberSigningInWith(admin.account(), PASSWORD);
        jdbc.sql("UPDATE account SET expenses_enabled = true WHERE id = :id").param("id", admin.account().value())
            .update();
        var client = api.bearer(admin.token()).post("/api/v1/contacts", "{\"contact\": {\"name\": \"Acme Corp\"}}")
            .expect(201).json().get("id").stringValue();
        var person = WebSession.signedIn(port, member.email(), PASSWORD);

        var added = person.postFile("/expenses", csrf(person), "receipt", "train.pdf", "application/pdf", PDF,
            "date", "2026-11-12", "description", "Train to Acme", "amount", "42.50", "client", client, "project", "");
        assertThat(location(added)).endsWith("/expenses");
        var page = HtmlUtils.htmlUnescape(person.get("/expenses").body());
        assertThat(page).contains("Added the expense “Train to Acme”.", "42.50", "12 Nov 2026 · Acme Corp", "Receipt");
        var id = Pattern.compile("id=\"expense-(\\d+)\"").matcher(page).results().findFirst().orElseThrow().group(1);
        var receipt = person.getBytes("/expenses/" + id + "/receipt");
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(receipt.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
            assertThat(csp).contains("sandbox"));
        assertThat(receipt.body()).isEqualTo(PDF);

        var colleague = WebSession.signedIn(port, fixtures.aMemberSigningInWith(admin.account(), PASSWORD).email(),
            PASSWORD);
        assertThat(colleague.getBytes("/expenses/" + id + "/receipt").statusCode())
            .as("another member's receipt").isEqualTo(403);
        var strangerAccount = fixtures.anAccountSigningInWith(PASSWORD);
        var stranger = WebSession.signedIn(port, strangerAccount.email(), PASSWORD);
        assertThat(stranger.getBytes("/expenses/" + id + "/receipt").statusCode()).as("another account: expenses off there")
            .isEqualTo(422);
        jdbc.sql("UPDATE account SET expenses_enabled = true WHERE id = :id")
            .param("id", strangerAccount.account().value()).update();
        assertThat(stranger.getBytes("/expenses/" + id + "/receipt").statusCode()).as("another account's receipt")
            .isEqualTo(404);

        var refused = person.postFile("/expenses", csrf(person), "receipt", "notes.txt", "image/png",
            "not a picture".getBytes(StandardCharsets.UTF_8), "date", "2026-11-13", "description", "Lunch",
            "amount", "12", "client", "", "project", "");
        assertThat(HtmlUtils.htmlUnescape(person.get(location(refused)).body()))
            .contains("Receipt must be a picture (PNG, JPEG, GIF, WebP) or a PDF.").doesNotContain("Lunch");

        var absurd = person.postFile("/expenses", csrf(person), "receipt", "", "application/octet-stream", new byte[0],
            "date", "2026-11-13", "description", "Yacht", "amount", "99999999999999999999999", "client", "",
            "project", "");
        assertThat(HtmlUtils.htmlUnescape(person.get(location(absurd)).body()))
            .contains("Amount must be a whole number of cents from 0 to 99999999999.").doesNotContain("Yacht");

        var admins = WebSession.signedIn(port, admin.email(), PASSWORD);
        assertThat(HtmlUtils.htmlUnescape(admins.get("/expenses").body())).as("an administrator sees everyone's")
            .contains("Train to Acme");
        var preview = HtmlUtils.htmlUnescape(admins.get("/invoices/new?client=" + client
            + "&from=2026-11-01&to=2026-11-30").body());
        assertThat(preview).contains("Train to Acme", "id=\"preview-total\">42.50<");
        var invoice = location(admins.postForm("/invoices", "client", client, "from", "2026-11-01", "to",
            "2026-11-30", "grouping", "project", "tax_rate", ""));
        assertThat(invoice).contains("/invoices/");
        assertThat(HtmlUtils.htmlUnescape(person.get("/expenses").body())).contains("Invoiced");
        assertThat(person.submit("/expenses/" + id, "date", "2026-11-12", "description", "Changed", "amount", "1",
            "client", client, "project", "")).contains("The expense has been invoiced");
    }

    private static String csrf(WebSession pages) {
        return WebSession.hidden(pages.get("/profile").body(), "_csrf");
    }
}
