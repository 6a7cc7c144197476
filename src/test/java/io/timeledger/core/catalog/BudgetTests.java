package io.timeledger.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.TestClock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** budget_progress: what a contact's or project's entries add up to in the budget's current period. */
@ApiTest
class BudgetTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    @Test
    void anHoursBudgetCountsTheHoursOfThisPeriodOnly() {
        var admin = fixtures.anAccount();
        var today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        var contact = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"C\", \"budget_type\": \"hours\", "
            + "\"budget_frequency\": \"monthly\", \"budget_target\": 40}}");
        var project = post(admin, "/api/v1/projects", "{\"project\": {\"name\": \"P\", \"contact_id\": \"" + contact
            + "\", \"budget_type\": \"hours\", \"budget_frequency\": \"total\", \"budget_target\": 100}}");
        log(admin, today, 2 * 3600 + 1800, "\"project_id\": \"" + project + "\"");
        log(admin, today.withDayOfMonth(1).minusDays(1), 5 * 3600, "\"contact_id\": \"" + contact + "\"");
        // time in the dock is not logged yet, so it does not count
        api.bearer(admin.token()).post("/api/v1/entries", "{\"entry\": {\"contact_id\": \"" + contact + "\", "
            + "\"duration\": 7200}}").expect(201);

        var contactProgress = api.bearer(admin.token()).get("/api/v1/contacts/" + contact).json().get("budget_progress");
        var projectProgress = api.bearer(admin.token()).get("/api/v1/projects/" + project).json().get("budget_progress");

        assertThat(contactProgress.decimalValue()).isEqualByComparingTo("2.5");
        assertThat(projectProgress.decimalValue()).isEqualByComparingTo("2.5");
    }

    @Test
    void aBillableBudgetCountsTheValueOfBillableTime() {
        var admin = fixtures.anAccount();
        var today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        var contact = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"C\", \"budget_type\": \"billable\", "
            + "\"budget_frequency\": \"yearly\", \"budget_target\": 10000, \"default_rate_dollars\": \"150.00\"}}");
        var internal = post(admin, "/api/v1/projects", "{\"project\": {\"name\": \"Internal\", \"contact_id\": \""
            + contact + "\", \"billable\": false}}");
        log(admin, today, 2 * 3600, "\"contact_id\": \"" + contact + "\"");
        log(admin, today, 1800, "\"contact_id\": \"" + contact + "\"");
        log(admin, today, 3600, "\"project_id\": \"" + internal + "\"");

        var progress = api.bearer(admin.token()).get("/api/v1/contacts/" + contact).json().get("budget_progress");

        assertThat(progress.decimalValue()).isEqualByComparingTo("375");
        assertThat(api.bearer(admin.token()).get("/api/v1/contacts").json().get(0).get("budget_progress").decimalValue())
            .isEqualByComparingTo("375");
    }

    @Test
    void aBillableBudgetCountsInvoicedExpensesToo() {
        var admin = fixtures.anAccount();
        jdbc.sql("UPDATE account SET expenses_enabled = true WHERE id = :id").param("id", admin.account().value())
            .update();
        var today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        var contact = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"C\", \"budget_type\": \"billable\", "
            + "\"budget_frequency\": \"total\", \"default_rate_dollars\": \"100.00\"}}");
        log(admin, today, 3600, "\"contact_id\": \"" + contact + "\"");
        api.bearer(admin.token()).post("/api/v1/expenses", "{\"expense\": {\"description\": \"Travel\", "
            + "\"rate_cents\": 4550, \"date\": \"" + today + "\", \"contact_id\": \"" + contact + "\"}}").expect(201);
        var before = api.bearer(admin.token()).get("/api/v1/contacts/" + contact).json().get("budget_progress");

        api.bearer(admin.token()).post("/api/v1/invoices", "{\"invoice\": {\"contact_id\": \"" + contact + "\"}}")
            .expect(201);
        var after = api.bearer(admin.token()).get("/api/v1/contacts/" + contact).json().get("budget_progress");

        assertThat(before.decimalValue()).isEqualByComparingTo("100");
        assertThat(after.decimalValue()).isEqualByComparingTo("145.5");
    }

    @Test
    void periodsFollowTheCalendarAndTheAccountsWeekStart() {
        var wednesday = LocalDate.of(2024, 5, 15);

        var mondays = BudgetPeriods.containing(wednesday, DayOfWeek.MONDAY);
        var sundays = BudgetPeriods.containing(wednesday, DayOfWeek.SUNDAY);

        assertThat(mondays.weekFrom()).isEqualTo("2024-05-13");
        assertThat(mondays.weekTo()).isEqualTo("2024-05-19");
        assertThat(sundays.weekFrom()).isEqualTo("2024-05-12");
        assertThat(sundays.weekTo()).isEqualTo("2024-05-18");
        assertThat(mondays.monthFrom()).isEqualTo("2024-05-01");
        assertThat(mondays.monthTo()).isEqualTo("2024-05-31");
        assertThat(mondays.quarterFrom()).isEqualTo("2024-04-01");
        assertThat(mondays.quarterTo()).isEqualTo("2024-06-30");
        assertThat(mondays.yearFrom()).isEqualTo("2024-01-01");
        assertThat(mondays.yearTo()).isEqualTo("2024-12-31");
        assertThat(BudgetPeriods.containing(LocalDate.of(2024, 2, 29), DayOfWeek.MONDAY).monthTo())
            .isEqualTo("2024-02-29");
    }

    @Test
    void aWeeklyBudgetUsesTheAccountsWeekStartAndTimeZone() {
        var admin = fixtures.anAccount();
        jdbc.sql("UPDATE account SET week_start = 7, time_zone = 'Pacific/Kiritimati' WHERE id = :id")
            .param("id", admin.account().value()).update();
        var today = LocalDate.now(clock.withZone(ZoneId.of("Pacific/Kiritimati")));
        var weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        var contact = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"C\", \"budget_type\": \"hours\", "
            + "\"budget_frequency\": \"weekly\"}}");
        log(admin, weekStart, 3600, "\"contact_id\": \"" + contact + "\"");
        log(admin, weekStart.minusDays(1), 3600, "\"contact_id\": \"" + contact + "\"");

        var progress = api.bearer(admin.token()).get("/api/v1/contacts/" + contact).json().get("budget_progress");

        assertThat(progress.decimalValue()).isEqualByComparingTo("1");
    }

    private void log(Person person, LocalDate day, long seconds, String fields) {
        api.bearer(person.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"" + day + "\", \"duration\": "
            + seconds + ", " + fields + "}}").expect(201);
    }

    private String post(Person person, String path, String body) {
        return api.bearer(person.token()).post(path, body).expect(201).json().get("id").stringValue();
    }
}
