package io.timeledger.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.WebSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.util.HtmlUtils;

/**
 * The reports page over the same core reports the MinuteDock API runs: grouped once or twice, with
 * money and costs to those who may see them; its CSV, XLSX and PDF say what the page says; the
 * entries behind it download one per line; members see only their own time, and no money.
 */
@ApiTest
class ReportsTests {

    static final String PASSWORD = "correct horse battery";
    static final String JANUARY_AND_FEBRUARY = "period=custom&from=2026-01-01&to=2026-02-28";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Value("${local.server.port}") int port;

    /** An account with two clients' time over two months, a manager's and the admin's, rates and a cost. */
    record Ledger(Fixtures.Person admin, Fixtures.Person member, WebSession pages, String acme, String globex) { }

    Ledger aLedger() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var member = fixtures.aMemberSigningInWith(admin.account(), PASSWORD);
        var pages = WebSession.signedIn(port, admin.email(), PASSWORD);
        pages.submit("/manage/team/" + admin.membershipId(), "role", "admin", "billing_rate", "", "cost_rate", "40");
        var caller = api.bearer(admin.token());
        var acme = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"Acme\", \"default_rate_dollars\": \"100.00\"}}")
            .expect(201).json().get("id").stringValue();
        var globex = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"Globex\"}}")
            .expect(201).json().get("id").stringValue();
        log(admin, acme, "2026-01-05", 5400, "Wireframes");
        log(admin, acme, "2026-02-02", 3600, "=HYPERLINK(\"http://evil\")");
        log(admin, globex, "2026-01-20", 1800, "Call");
        log(member, acme, "2026-02-03", 7200, "Build");
        log(admin, acme, "2026-03-02", 3600, "Outside the range");
        return new Ledger(admin, member, pages, acme, globex);
    }

    void log(Fixtures.Person person, String contact, String date, int seconds, String notes) {
        api.bearer(person.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"" + date + "\", \"duration\": "
            + seconds + ", \"contact_id\": \"" + contact + "\", \"description\": " + api.json(notes) + "}}")
            .expect(201);
    }

    @Test
    void aReportGroupedByClientAndMonthShowsItsTotalsChartAndRows() {
        var ledger = aLedger();
        var page = ledger.pages().get("/reports?" + JANUARY_AND_FEBRUARY + "&group=client&then=month");
        assertThat(page.statusCode()).isEqualTo(200);
        var html = HtmlUtils.htmlUnescape(page.body());
        assertThat(stat(html, "total-hours")).isEqualTo("5.00");
        assertThat(stat(html, "billable-hours")).isEqualTo("5.00");
        // 1.5 h + 1 h of the admin's and 2 h of the member's at Acme's 100.00; Globex has no rate
        assertThat(stat(html, "billable-amount")).isEqualTo("450.00");
        // only the admin's time has a cost rate: 3 h at 40.00
        assertThat(stat(html, "cost")).isEqualTo("120.00");
        assertThat(rows(html)).containsExactly(
            "Acme 4.50", "January 2026 1.50", "February 2026 3.00",
            "Globex 0.50", "January 2026 0.50");
        assertThat(html).contains("Report for 2026-01-01 to 2026-02-28");
        var chart = Pattern.compile("data-chart=\"([^\"]*)\"").matcher(page.body()).results().findFirst()
            .orElseThrow().group(1);
        assertThat(HtmlUtils.htmlUnescape(chart))
            .contains("\"labels\":[\"Jan 2026\",\"Feb 2026\"]", "{\"name\":\"Acme\",\"hours\":[1.50,3.00]}",
                "{\"name\":\"Globex\",\"hours\":[0.50,0]}");

        var byPerson = HtmlUtils.htmlUnescape(ledger.pages().get("/reports?" + JANUARY_AND_FEBRUARY
            + "&group=person&client=" + ledger.acme()).body());
        assertThat(stat(byPerson, "total-hours")).isEqualTo("4.50");
        assertThat(rows(byPerson)).hasSize(2);
    }

    @Test
    void theCsvAndXlsxOfAReportAddUpToItsTotals() throws IOException {
        var ledger = aLedger();
        var query = JANUARY_AND_FEBRUARY + "&group=client&then=month";
        var csv = ledger.pages().get("/reports/report.csv?" + query);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
            .contains("attachment", "timeledger-report-2026-01-01-to-2026-02-28.csv"));
        var records = csv(csv.body());
        assertThat(records.get(0).values()).containsExactly("Client", "Month", "Hours", "Billable hours",
            "Billable amount (USD)", "Cost (USD)");
        assertThat(records.subList(1, records.size()).stream().map(r -> String.join(" ", r.values())))
            .containsExactly("Acme January 2026 1.50 1.50 150.00 60.00", "Acme February 2026 3.00 3.00 300.00 40.00",
                "Globex January 2026 0.50 0.50 0.00 20.00");

        var xlsx = ledger.pages().getBytes("/reports/report.xlsx?" + query);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        var sheet = xlsx(xlsx.body());
        assertThat(sheet.get(0)).containsExactly("Client", "Month", "Hours", "Billable hours",
            "Billable amount (USD)", "Cost (USD)");
        var hours = sheet.subList(1, sheet.size()).stream().map(r -> new BigDecimal(r.get(2)))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        var amount = sheet.subList(1, sheet.size()).stream().map(r -> new BigDecimal(r.get(4)))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(hours).isEqualByComparingTo("5.00");
        assertThat(amount).isEqualByComparingTo("450.00");

        var pdf = ledger.pages().getBytes("/reports/report.pdf?" + query);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void theEntriesBehindAReportDownloadOnePerLineAndAFormulaStaysText() throws IOException {
        var ledger = aLedger();
        var records = csv(ledger.pages().get("/reports/entries.csv?" + JANUARY_AND_FEBRUARY).body());
        assertThat(records.get(0).values()).containsExactly("Date", "Client", "Project", "Task", "Person", "Notes",
            "Hours", "Billable", "Billable rate (USD)", "Billable amount (USD)", "Cost rate (USD)", "Cost (USD)",
            "Invoice");
        assertThat(records).hasSize(5);
        assertThat(records.get(1).values()).containsExactly("2026-01-05", "Acme", "", "", "Pat Doe",
            "Wireframes", "1.50", "Yes", "100.00", "150.00", "40.00", "60.00", "");
        assertThat(records.stream().map(r -> r.get(5)))
            .contains("'=HYPERLINK(\"http://evil\")").doesNotContain("Outside the range");

        var sheet = xlsx(ledger.pages().getBytes("/reports/entries.xlsx?" + JANUARY_AND_FEBRUARY + "&client="
            + ledger.globex()).body());
        assertThat(sheet).hasSize(2);
        assertThat(sheet.get(1).subList(1, 8)).containsExactly("Globex", "", "", "Pat Doe", "Call",
            "0.50", "Yes");
    }

    @Test
    void aMemberReportsOnTheirOwnTimeWithoutMoney() throws IOException {
        var ledger = aLedger();
        var member = WebSession.signedIn(port, ledger.member().email(), PASSWORD);
        var html = HtmlUtils.htmlUnescape(member.get("/reports?" + JANUARY_AND_FEBRUARY + "&group=client").body());
        assertThat(stat(html, "total-hours")).isEqualTo("2.00");
        assertThat(html).doesNotContain("id=\"billable-amount\"", "id=\"cost\"", "id=\"person\"");
        var records = csv(member.get("/reports/entries.csv?" + JANUARY_AND_FEBRUARY).body());
        assertThat(records.get(0).values()).doesNotContain("Billable rate (USD)", "Cost (USD)");
        assertThat(records).hasSize(2);
        assertThat(member.get("/reports?" + JANUARY_AND_FEBRUARY + "&person=" + ledger.admin().membershipId())
            .statusCode()).isEqualTo(403);
    }

    @Test
    void twoPeriodsOrABackwardRangeAreSaidOnThePage() {
        var ledger = aLedger();
        var twoPeriods = ledger.pages().get("/reports?" + JANUARY_AND_FEBRUARY + "&group=month&then=day");
        assertThat(twoPeriods.statusCode()).isEqualTo(422);
        assertThat(HtmlUtils.htmlUnescape(twoPeriods.body())).contains("The second grouping must not be a second "
            + "period");
        var backwards = ledger.pages().get("/reports?period=custom&from=2026-02-01&to=2026-01-01");
        assertThat(backwards.statusCode()).isEqualTo(422);
        assertThat(HtmlUtils.htmlUnescape(backwards.body())).contains("The end must not be before from.");
    }

    @Test
    void aSavedReportRunsAgainWithItsOwnDaysAndIsDeleted() {
        var ledger = aLedger();
        var query = JANUARY_AND_FEBRUARY + "&client=" + ledger.acme() + "&group=month";
        var saved = ledger.pages().postForm("/reports/saved?" + query, "name", "Acme early 2026");
        assertThat(WebSession.location(saved)).contains("/reports?", "client=" + ledger.acme());
        var page = HtmlUtils.htmlUnescape(ledger.pages().get("/reports").body());
        assertThat(page).contains("Acme early 2026");
        var id = Pattern.compile("/reports/saved/(\\d+)\"").matcher(page).results().findFirst().orElseThrow().group(1);
        var run = ledger.pages().get("/reports/saved/" + id);
        var rerun = HtmlUtils.htmlUnescape(ledger.pages().get(WebSession.location(run)).body());
        assertThat(stat(rerun, "total-hours")).isEqualTo("4.50");
        assertThat(rows(rerun)).containsExactly("January 2026 1.50", "February 2026 3.00");
        // MinuteDock's API lists what the page saved
        assertThat(api.bearer(ledger.admin().token()).get("/api/v1/reports/" + id).expect(200).json()
            .get("name").stringValue()).isEqualTo("Acme early 2026");

        assertThat(ledger.pages().submit("/reports/saved/" + id + "/delete"))
            .contains("Deleted the saved report “Acme early 2026”.");
        assertThat(ledger.pages().get("/reports/saved/" + id).statusCode()).isEqualTo(404);
    }

    private static String stat(String html, String id) {
        var matcher = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
        assertThat(matcher.find()).as("#" + id).isTrue();
        return matcher.group(1);
    }

    /** Each body row of the report's table: its name and hours. */
    private static List<String> rows(String html) {
        var body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        return Pattern.compile("<tr[^>]*>\\s*<td>([^<]*)</td>\\s*<td class=\"num\">([^<]*)</td>").matcher(body)
            .results().map(m -> m.group(1) + " " + m.group(2)).collect(Collectors.toList());
    }

    private static List<CSVRecord> csv(String body) throws IOException {
        assertThat(body).startsWith("\uFEFF");
        return CSVFormat.RFC4180.parse(new StringReader(body.substring(1))).getRecords();
    }

    /** The first worksheet's rows, each cell as its text. */
    private static List<List<String>> xlsx(byte[] bytes) throws IOException {
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            try (var rows = workbook.getFirstSheet().openStream()) {
                return rows.map(ReportsTests::texts).toList();
            }
        }
    }

    private static List<String> texts(Row row) {
        return row.stream().map(cell -> cell == null ? "" : cell.getText()).toList();
    }

}
