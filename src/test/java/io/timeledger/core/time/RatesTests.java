package io.timeledger.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Role;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rate chain (task, project, contact, person), seen through the entries of the MinuteDock API. */
@ApiTest
class RatesTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void eachLevelOfTheChainWinsOverTheOnesAfterIt() {
        var admin = fixtures.anAccount();
        var person = fixtures.aPerson(admin.account(), Role.MANAGER, new BigDecimal("80.00"));
        var contact = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"C\", \"default_rate_dollars\": \"100.00\"}}");
        var plain = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"Plain\"}}");
        var project = post(admin, "/api/v1/projects", "{\"project\": {\"name\": \"P\", \"contact_id\": \"" + contact
            + "\", \"default_rate_dollars\": \"120.00\"}}");
        var unratedProject = post(admin, "/api/v1/projects", "{\"project\": {\"name\": \"U\", \"contact_id\": \""
            + contact + "\"}}");
        var task = post(admin, "/api/v1/tasks", "{\"task\": {\"name\": \"T\", \"default_rate_dollars\": \"150.00\"}}");
        var unratedTask = post(admin, "/api/v1/tasks", "{\"task\": {\"name\": \"Unrated\"}}");

        assertThat(rate(person, "\"project_id\": \"" + project + "\", \"task_ids\": [\"" + unratedTask + "\", \""
            + task + "\"]")).isEqualTo("150.00");
        assertThat(rate(person, "\"project_id\": \"" + project + "\", \"task_ids\": [\"" + unratedTask + "\"]"))
            .isEqualTo("120.00");
        assertThat(rate(person, "\"project_id\": \"" + unratedProject + "\"")).isEqualTo("100.00");
        assertThat(rate(person, "\"contact_id\": \"" + contact + "\"")).isEqualTo("100.00");
        assertThat(rate(person, "\"contact_id\": \"" + plain + "\"")).isEqualTo("80.00");
        assertThat(rate(person, "\"description\": \"nothing to go on\"")).isEqualTo("80.00");
        assertThat(rate(admin, "\"description\": \"an admin without a rate\"")).isEqualTo("0.00");
    }

    @Test
    void aNonBillableContactProjectOrTaskMakesTheEntryNonBillable() {
        var admin = fixtures.anAccount();
        var billable = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"B\", \"default_rate_dollars\": \"100.00\"}}");
        var internal = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"Internal\", "
            + "\"default_rate_dollars\": \"100.00\", \"billable\": false}}");
        var freebie = post(admin, "/api/v1/projects", "{\"project\": {\"name\": \"Free\", \"contact_id\": \"" + billable
            + "\", \"billable\": false}}");
        var task = post(admin, "/api/v1/tasks", "{\"task\": {\"name\": \"Travel\", \"default_rate_dollars\": \"50.00\"}}");
        jdbc.sql("UPDATE task SET billable = false WHERE id = :id").param("id", Long.parseLong(task)).update();

        assertThat(rate(admin, "\"contact_id\": \"" + billable + "\"")).isEqualTo("100.00");
        assertThat(rate(admin, "\"contact_id\": \"" + internal + "\"")).isEqualTo("0.00");
        assertThat(rate(admin, "\"project_id\": \"" + freebie + "\"")).isEqualTo("0.00");
        assertThat(rate(admin, "\"contact_id\": \"" + billable + "\", \"task_ids\": [\"" + task + "\"]")).isEqualTo("0.00");
    }

    @Test
    void theRateIsFixedWhenLoggedAndRecomputedWhenTheWorkChanges() {
        var admin = fixtures.anAccount();
        var contact = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"C\", \"default_rate_dollars\": \"100.00\"}}");
        var project = post(admin, "/api/v1/projects", "{\"project\": {\"name\": \"P\", \"contact_id\": \"" + contact
            + "\", \"default_rate_dollars\": \"120.00\"}}");
        var entry = api.bearer(admin.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2024-01-01\", "
            + "\"duration\": 3600, \"contact_id\": \"" + contact + "\"}}").expect(201).json().get("id").stringValue();

        api.bearer(admin.token()).put("/api/v1/contacts/" + contact, "{\"default_rate_dollars\": \"200.00\"}").expect(200);
        var afterRateChange = api.bearer(admin.token()).get("/api/v1/entries/" + entry).json();
        var afterDescription = api.bearer(admin.token()).put("/api/v1/entries/" + entry,
            "{\"entry\": {\"duration\": 7200}}").json();
        var afterProject = api.bearer(admin.token()).put("/api/v1/entries/" + entry,
            "{\"entry\": {\"project_id\": \"" + project + "\"}}").json();

        assertThat(afterRateChange.get("billing_rate").stringValue()).isEqualTo("100.00");
        assertThat(afterDescription.get("billing_rate").stringValue()).isEqualTo("100.00");
        assertThat(afterProject.get("billing_rate").stringValue()).isEqualTo("120.00");
    }

    @Test
    void aDockedEntryTakesTheRateInForceWhenItIsLogged() {
        var admin = fixtures.anAccount();
        var contact = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"C\", \"default_rate_dollars\": \"100.00\"}}");
        api.bearer(admin.token()).post("/api/v1/entries", "{\"entry\": {\"contact_id\": \"" + contact + "\"}}")
            .expect(201);

        api.bearer(admin.token()).put("/api/v1/contacts/" + contact, "{\"default_rate_dollars\": \"110.00\"}").expect(200);
        var logged = api.bearer(admin.token()).put("/api/v1/dock", "{\"entry\": {\"logged\": true, \"version_number\": 1}}")
            .expect(200).json();

        assertThat(logged.get("rate").stringValue()).isEqualTo("110.00");
        assertThat(api.bearer(admin.token()).get("/api/v1/entries").json().get(0).get("billing_rate").stringValue())
            .isEqualTo("110.00");
    }

    @Test
    void assignmentsPriceWorkNamedByHashtagsByAJobOrForSomeoneElse() {
        var admin = fixtures.anAccount();
        var person = fixtures.aPerson(admin.account(), Role.MEMBER, new BigDecimal("80.00"));
        var caller = api.bearer(admin.token());
        var contact = post(admin, "/api/v1/contacts", "{\"contact\": {\"name\": \"C\"}}");
        var project = post(admin, "/api/v1/projects", "{\"project\": {\"name\": \"Web\", \"short_code\": \"WEB\","
            + " \"contact_id\": \"" + contact + "\"}}");
        var design = post(admin, "/api/v1/tasks", "{\"task\": {\"name\": \"Design\"}}");
        caller.post("/v2/projects/" + project + "/task_assignments", "{\"task_id\": " + design
            + ", \"hourly_rate\": 175}").expect(201);
        caller.post("/v2/projects/" + project + "/user_assignments", "{\"user_id\": " + person.membershipId()
            + ", \"hourly_rate\": 95}").expect(201);
        long job = caller.post("/v1/jobs", "{\"job\": {\"project_id\": " + project + ", \"name\": \"Support\","
            + " \"price_type\": 2, \"price\": 1}}").expect(201).json().get("job").get("id").longValue();

        assertThat(rate(person, "\"description\": \"#web #design\"")).as("project and task by hashtag")
            .isEqualTo("175.00");
        assertThat(rate(person, "\"project_id\": \"" + project + "\", \"description\": \"#design\""))
            .as("a task by hashtag on a named project").isEqualTo("175.00");
        assertThat(rate(person, "\"description\": \"#web\"")).as("the person on a project named by hashtag")
            .isEqualTo("95.00");
        assertThat(rate(admin, "\"project_id\": \"" + project + "\"")).as("someone not on the project")
            .isEqualTo("0.00");
        assertThat(rate(admin, "\"project_id\": \"" + project + "\", \"user_account_id\": \""
            + person.membershipId() + "\"")).as("the owner's assignment, not the admin's who logs it")
            .isEqualTo("95.00");
        var onJob = api.bearer(person.token()).post("/api/v1/time", "{\"job_id\": " + job + ", \"duration\": 3600}")
            .expect(201).json().get("time_log").get("id").longValue();
        assertThat(api.bearer(person.token()).get("/api/v1/entries/" + onJob).expect(200).json().get("billing_rate")
            .stringValue()).as("a per-user job on the project").isEqualTo("95.00");
    }

    private String rate(Person person, String fields) {
        return api.bearer(person.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2024-01-01\", " + fields + "}}")
            .expect(201).json().get("billing_rate").stringValue();
    }

    private String post(Person person, String path, String body) {
        return api.bearer(person.token()).post(path, body).expect(201).json().get("id").stringValue();
    }
}
