package io.timeledger.api.minutedock;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.TestClock;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ApiTest
class MinuteDockReportsTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    record Ledger(Person admin, Person member, String acme, String globex, String web, String task) { }

    /**
     * ACME (150.00): admin 2 h on Jan 10 (Website, task Design), admin 1.5 h on Feb 3;
     * Globex (100.00, non-billable project Internal): member 3 h on Jan 20; member 0.25 h on Jan 21 for ACME.
     */
    private Ledger ledger() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        var acme = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"ACME\", \"default_rate_dollars\": \"150.00\"}}");
        var globex = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"Globex\", "
            + "\"default_rate_dollars\": \"100.00\"}}");
        var web = post(admin, "/api/v1/projects", "{\"project\": {\"name\": \"Website\", \"contact_id\": \"" + acme + "\"}}");
        var internal = post(admin, "/api/v1/projects", "{\"project\": {\"name\": \"Internal\", \"contact_id\": \""
            + globex + "\", \"billable\": false}}");
        var task = post(admin, "/api/v1/tasks", "{\"task\": {\"name\": \"Design\"}}");
        log(admin, "2024-01-10", 7200, "\"project_id\": \"" + web + "\", \"task_ids\": [\"" + task + "\"]");
        log(admin, "2024-02-03", 5400, "\"contact_id\": \"" + acme + "\"");
        log(member, "2024-01-20", 10800, "\"project_id\": \"" + internal + "\"");
        log(member, "2024-01-21", 900, "\"contact_id\": \"" + acme + "\"");
        return new Ledger(admin, member, acme, globex, web, task);
    }

    @Test
    void totalsAddUpTheLedgerAsComputedByHand() {
        var ledger = ledger();

        var all = generate(ledger.admin(), "{\"user_accounts\": \"all\"}");
        var january = generate(ledger.admin(), "{\"from\": \"2024-01-01\", \"to\": \"2024-01-31\", "
            + "\"user_accounts\": [\"all\"]}");

        assertThat(all.get("entries").intValue()).isEqualTo(4);
        assertThat(all.get("hours").stringValue()).isEqualTo("6.75");
        assertThat(all.get("billable_hours").stringValue()).isEqualTo("3.75");
        assertThat(all.get("billable_amount").get("USD").stringValue()).isEqualTo("562.50");
        assertThat(all.has("groups")).isFalse();
        assertThat(january.get("description").stringValue()).isEqualTo("Report for Jan 2024");
        assertThat(january.get("hours").stringValue()).isEqualTo("5.25");
        assertThat(january.get("billable_amount").get("USD").stringValue()).isEqualTo("337.50");
    }

    @Test
    void amountsStayExactAtTheLargestRateAndDurationAnEntryCanCarry() {
        var admin = fixtures.anAccount();
        // 9,999,999,999.99 an hour is 999,999,999,999 cents, the largest rate accepted
        var dear = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"Dear\", "
            + "\"default_rate_dollars\": \"9999999999.99\"}}");
        var cheap = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"Cheap\", "
            + "\"default_rate_dollars\": \"0.01\"}}");
        log(admin, "2024-03-01", 86400, "\"contact_id\": \"" + dear + "\"");
        log(admin, "2024-03-02", 86400, "\"contact_id\": \"" + dear + "\"");
        log(admin, "2024-03-02", 1799, "\"contact_id\": \"" + cheap + "\"");
        // the longest an entry can hold (what a timer left running for 68 years would): its
        // seconds times the rate in cents do not fit in 64 bits
        jdbc.sql("UPDATE entry SET duration_s = 2147483647 WHERE account_id = :account AND spent_on = '2024-03-01'")
            .param("account", admin.account().value())
            .update();

        var report = generate(admin, "{\"group_by\": \"contact\"}");

        // each entry as an invoice bills it (Worth): 2,147,483,647 s are 596,523.24 h, x 9,999,999,999.99/h
        // = 5,965,232,399,994,034.77; 86,400 s are 24.00 h = 239,999,999,999.76; 1,799 s are 0.50 h,
        // x 0.01/h = 0.005, a cent
        assertThat(report.get("billable_amount").get("USD").stringValue()).isEqualTo("5965472399994034.54");
        assertThat(report.get("groups").get(0).get("billable_amount").get("USD").stringValue())
            .isEqualTo("5965472399994034.53");
        assertThat(report.get("groups").get(1).get("billable_amount").get("USD").stringValue()).isEqualTo("0.01");
        assertThat(report.get("hours").stringValue()).isEqualTo("596547.74");
    }

    @Test
    void aRunningTimerCountsItsTimeSoFar() {
        var ledger = ledger();
        // the admin's Feb 3 entry (1.5 h at 150.00) has had a timer running for two hours
        jdbc.sql("UPDATE entry SET timer_started_at = :started WHERE account_id = :account AND spent_on = '2024-02-03'")
            .param("started", Timestamp.from(clock.instant().minus(Duration.ofHours(2))))
            .param("account", ledger.admin().account().value())
            .update();

        var report = generate(ledger.admin(), "{\"user_accounts\": \"all\", \"group_by\": \"month\"}");

        assertThat(report.get("entries").intValue()).isEqualTo(4);
        assertThat(report.get("hours").stringValue()).isEqualTo("8.75");
        var february = report.get("groups").get(1);
        assertThat(february.get("hours").stringValue()).isEqualTo("3.5");
        assertThat(february.get("billable_hours").stringValue()).isEqualTo("3.5");
        // 3.5 h at 150.00, and a cent for every 0.24 s the request took after the update
        assertThat(new BigDecimal(february.get("billable_amount").get("USD").stringValue()))
            .isBetween(new BigDecimal("525.00"), new BigDecimal("526.25"));
    }

    @Test
    void everyFilterNarrowsTheReport() {
        var ledger = ledger();
        var admin = ledger.admin();

        assertThat(hours(admin, "{}")).isEqualTo("3.5");
        assertThat(hours(admin, "{\"user_accounts\": \"" + ledger.member().membershipId() + "\"}")).isEqualTo("3.25");
        assertThat(hours(admin, "{\"users\": [" + ledger.member().userId() + "]}")).isEqualTo("3.25");
        assertThat(hours(admin, "{\"user_accounts\": \"all\", \"contacts\": [\"" + ledger.acme() + "\"]}"))
            .isEqualTo("3.75");
        assertThat(hours(admin, "{\"user_accounts\": \"all\", \"contacts\": \"" + ledger.acme() + ","
            + ledger.globex() + "\"}")).isEqualTo("6.75");
        assertThat(hours(admin, "{\"user_accounts\": \"all\", \"projects\": [" + ledger.web() + "]}")).isEqualTo("2.0");
        assertThat(hours(admin, "{\"user_accounts\": \"all\", \"tasks\": [\"" + ledger.task() + "\"]}")).isEqualTo("2.0");
        assertThat(hours(admin, "{\"user_accounts\": \"all\", \"billable_only\": true}")).isEqualTo("3.75");
        assertThat(hours(admin, "{\"user_accounts\": \"all\", \"unbillable_only\": true}")).isEqualTo("3.0");
        assertThat(hours(admin, "{\"user_accounts\": \"all\", \"uninvoiced_only\": true}")).isEqualTo("6.75");
        assertThat(hours(admin, "{\"user_accounts\": \"all\", \"invoiced_only\": true}")).isEqualTo("0.0");
        api.bearer(admin.token()).post("/api/v1/reports/generate", "{\"billable_only\": true, "
            + "\"unbillable_only\": true}").expect(422);
        api.bearer(admin.token()).post("/api/v1/reports/generate", "{\"from\": \"January\"}").expect(422);
    }

    @Test
    void groupsByContactAndMonthWithTotalsPerGroup() {
        var ledger = ledger();

        var report = generate(ledger.admin(), "{\"user_accounts\": \"all\", \"group_by\": \"contact,month\"}");
        var byUser = generate(ledger.admin(), "{\"user_accounts\": \"all\", \"group_by\": [\"user\", \"project\"]}");

        var groups = report.get("groups");
        assertThat(groups).hasSize(3);
        assertThat(groups.get(0).get("contact").get("name").stringValue()).isEqualTo("ACME");
        assertThat(groups.get(0).get("month").stringValue()).isEqualTo("2024-01");
        assertThat(groups.get(0).get("hours").stringValue()).isEqualTo("2.25");
        assertThat(groups.get(0).get("billable_amount").get("USD").stringValue()).isEqualTo("337.50");
        assertThat(groups.get(1).get("month").stringValue()).isEqualTo("2024-02");
        assertThat(groups.get(1).get("billable_amount").get("USD").stringValue()).isEqualTo("225.00");
        assertThat(groups.get(2).get("contact").get("name").stringValue()).isEqualTo("Globex");
        assertThat(groups.get(2).get("billable_hours").stringValue()).isEqualTo("0.0");
        assertThat(byUser.get("groups")).hasSize(4);
        var twoPeriods = api.bearer(ledger.admin().token()).post("/api/v1/reports/generate",
            "{\"group_by\": [\"month\", \"year\"]}").expect(422).json();
        assertThat(twoPeriods.get("errors").has("group_by")).isTrue();
        api.bearer(ledger.admin().token()).post("/api/v1/reports/generate", "{\"group_by\": \"week\"}").expect(422);
    }

    @Test
    void groupsByYearAndFollowsAnEntryMovedToAnotherMonth() {
        var ledger = ledger();
        var admin = ledger.admin();
        var moved = api.bearer(admin.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2023-12-31\", "
            + "\"duration\": 3600, \"contact_id\": \"" + ledger.acme() + "\"}}").expect(201).json().get("id").stringValue();

        var byYear = generate(admin, "{\"user_accounts\": \"all\", \"group_by\": \"year\"}").get("groups");
        api.bearer(admin.token()).put("/api/v1/entries/" + moved, "{\"entry\": {\"date\": \"2024-02-29\"}}").expect(200);
        var byMonth = generate(admin, "{\"user_accounts\": \"all\", \"group_by\": \"month\"}").get("groups");

        assertThat(byYear).hasSize(2);
        assertThat(byYear.get(0).get("year").stringValue()).isEqualTo("2023");
        assertThat(byYear.get(0).get("hours").stringValue()).isEqualTo("1.0");
        assertThat(byYear.get(1).get("year").stringValue()).isEqualTo("2024");
        assertThat(byYear.get(1).get("hours").stringValue()).isEqualTo("6.75");
        assertThat(byYear.get(1).get("entries").intValue()).isEqualTo(4);
        assertThat(byMonth).hasSize(2);
        assertThat(byMonth.get(1).get("month").stringValue()).isEqualTo("2024-02");
        assertThat(byMonth.get(1).get("hours").stringValue()).isEqualTo("2.5");
    }

    @Test
    void membersReportOnTheirOwnTimeWithoutMoney() {
        var ledger = ledger();

        var own = generate(ledger.member(), "{\"user_accounts\": \"all\", \"group_by\": \"contact\"}");

        assertThat(own.get("hours").stringValue()).isEqualTo("3.25");
        assertThat(own.has("billable_amount")).isFalse();
        assertThat(own.get("groups").get(0).has("billable_amount")).isFalse();
        api.bearer(ledger.member().token()).post("/api/v1/reports/generate", "{\"user_accounts\": [\""
            + ledger.admin().membershipId() + "\"]}").expect(403);
    }

    @Test
    void aSavedReportRunsAgainOnDemand() {
        var ledger = ledger();
        var saved = api.bearer(ledger.admin().token()).post("/api/v1/reports", """
            {"report": {"name": "Monthly by contact", "user_accounts": "all", "group_by": ["contact", "month"]}}""")
            .expect(201).json();

        var configuration = api.bearer(ledger.admin().token()).get("/api/v1/reports/" + saved.get("id").longValue())
            .expect(200).json();
        var run = api.bearer(ledger.admin().token()).get("/api/v1/reports/" + saved.get("id").longValue() + "?run=true")
            .expect(200).json();

        assertThat(configuration.get("name").stringValue()).isEqualTo("Monthly by contact");
        assertThat(configuration.get("grouping").stringValue()).isEqualTo("contact,month");
        assertThat(configuration.has("data")).isFalse();
        assertThat(run.get("data").get("hours").stringValue()).isEqualTo("6.75");
        assertThat(run.get("data").get("groups")).hasSize(3);
        api.bearer(fixtures.anAccount().token()).get("/api/v1/reports/" + saved.get("id").longValue()).expect(404);
    }

    private String hours(Person person, String body) {
        return generate(person, body).get("hours").stringValue();
    }

    private JsonNode generate(Person person, String body) {
        return api.bearer(person.token()).post("/api/v1/reports/generate", body).expect(200).json();
    }

    private void log(Person person, String date, long seconds, String fields) {
        api.bearer(person.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"" + date + "\", \"duration\": "
            + seconds + ", " + fields + "}}").expect(201);
    }

    private String post(Person person, String path, String body) {
        return api.bearer(person.token()).post(path, body).expect(201).json().get("id").stringValue();
    }
}
