package io.timeledger.api.paydirt;

import static io.timeledger.support.JsonShape.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Role;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ApiTest
class PaydirtTests {

    /** The job of the Paydirt document's example response. */
    static final String SEED_JOB = """
        {"job": {"id": 345, "client_id": 17, "project_id": 10, "name": "Web Consulting", "price": "85.0",
                 "price_type": 0, "unbilled_fixed_value": "0.0", "estimate": 36000, "completed": false}}""";

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    record Catalog(Person admin, long client, long project) { }

    private Catalog catalog() {
        var admin = fixtures.anAccount();
        long client = Long.parseLong(api.bearer(admin.token()).post("/api/v1/contacts",
            "{\"contact\": {\"name\": \"ACME\"}}").expect(201).json().get("id").stringValue());
        long project = Long.parseLong(api.bearer(admin.token()).post("/api/v1/projects",
            "{\"project\": {\"name\": \"Web\", \"contact_id\": \"" + client + "\"}}").expect(201).json()
            .get("id").stringValue());
        return new Catalog(admin, client, project);
    }

    @Test
    void aCreatedJobIsTheDocumentsJob() {
        var catalog = catalog();

        var created = api.bearer(catalog.admin().token()).post("/v1/jobs", """
            {"job": {"project_id": %d, "name": "Web Consulting", "price_type": 0, "price": 85, "estimate": 36000}}"""
            .formatted(catalog.project())).expect(201).json();

        assertSameShape(SEED_JOB, created);
        var job = created.get("job");
        assertThat(job.get("client_id").longValue()).isEqualTo(catalog.client());
        assertThat(job.get("project_id").longValue()).isEqualTo(catalog.project());
        assertThat(job.get("price").stringValue()).isEqualTo("85.0");
        assertThat(job.get("unbilled_fixed_value").stringValue()).isEqualTo("0.0");
        assertThat(job.get("estimate").longValue()).isEqualTo(36000);
        assertThat(api.bearer(catalog.admin().token()).get("/api/v1/jobs/" + job.get("id").longValue()).expect(200)
            .json()).isEqualTo(created);
    }

    @Test
    void jobsAreListedUpdatedAndDeleted() {
        var catalog = catalog();
        var caller = api.bearer(catalog.admin().token());
        long fixed = id(caller.send("POST", "/v1/jobs", "project_id=" + catalog.project()
            + "&name=Launch&price_type=1&price=1500.5", "application/x-www-form-urlencoded"));
        long hourly = id(caller.post("/v1/jobs", "{\"project_id\": " + catalog.project()
            + ", \"name\": \"Support\", \"price_type\": 0, \"price\": \"85.0\"}"));

        var listed = caller.get("/v1/jobs").expect(200).json().get("jobs");
        var updated = caller.put("/v1/jobs/" + hourly, "{\"job\": {\"name\": \"Support plan\", \"completed\": true}}")
            .expect(200).json().get("job");
        var deleted = caller.delete("/v1/jobs/" + fixed).expect(200).json().get("job");

        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("unbilled_fixed_value").stringValue()).isEqualTo("1500.5");
        assertThat(listed.get(0).get("price_type").intValue()).isEqualTo(1);
        assertThat(updated.get("name").stringValue()).isEqualTo("Support plan");
        assertThat(updated.get("completed").booleanValue()).isTrue();
        assertThat(updated.get("price").stringValue()).isEqualTo("85.0");
        assertThat(deleted.get("id").longValue()).isEqualTo(fixed);
        caller.get("/v1/jobs/" + fixed).expect(404);
        assertThat(caller.get("/v1/jobs").json().get("jobs")).hasSize(1);
    }

    @Test
    void invalidJobsAnswer422WithMessages() {
        var catalog = catalog();
        var elsewhere = catalog();
        var caller = api.bearer(catalog.admin().token());

        var missing = caller.post("/v1/jobs", "{}").expect(422).json();
        var badType = caller.post("/v1/jobs", "{\"project_id\": " + catalog.project()
            + ", \"name\": \"X\", \"price_type\": 7, \"price\": 10}").expect(422).json();
        var foreignProject = caller.post("/v1/jobs", "{\"project_id\": " + elsewhere.project()
            + ", \"name\": \"X\", \"price_type\": 0, \"price\": 10}").expect(422).json();

        assertThat(missing.get("errors")).extracting(JsonNode::stringValue)
            .containsExactly("Project id can't be blank", "Name can't be blank", "Price type can't be blank",
                "Price can't be blank");
        assertThat(badType.get("errors").get(0).stringValue()).startsWith("Price type must be 0");
        assertThat(foreignProject.get("errors").get(0).stringValue())
            .isEqualTo("Project id does not name a project in this account");
        assertThat(caller.post("/v1/jobs", "{\"project_id\": " + catalog.project()
            + ", \"name\": \"\", \"price_type\": 0, \"price\": -1}").expect(422).json().get("errors"))
            .hasSize(2);
        // below zero and finer than a cent at once: said, not a failure
        assertThat(caller.post("/v1/jobs", "{\"project_id\": " + catalog.project()
            + ", \"name\": \"X\", \"price_type\": 0, \"price\": -0.001}").expect(422).json().get("errors").get(0)
            .stringValue()).isEqualTo("Price must be greater than or equal to 0");
    }

    @Test
    void theApiKeyParameterAuthenticatesAndMembersCannotChangeJobs() {
        var catalog = catalog();
        var key = fixtures.apiKeyOf(catalog.admin());
        var member = fixtures.aPerson(catalog.admin().account(), Role.MEMBER, null);
        long job = id(api.bearer(catalog.admin().token()).post("/v1/jobs", "{\"project_id\": " + catalog.project()
            + ", \"name\": \"J\", \"price_type\": 0, \"price\": 10}"));

        api.anonymous().get("/v1/jobs?api_key=" + key).expect(200);
        api.anonymous().get("/api/v1/jobs/" + job + "?api_key=" + catalog.admin().token()).expect(200);
        api.anonymous().send("PUT", "/v1/jobs/" + job, "api_key=" + key + "&name=Renamed",
            "application/x-www-form-urlencoded").expect(200);
        var unauthorized = api.anonymous().get("/v1/jobs?api_key=tlk_wrong").expect(401).json();
        var forbidden = api.bearer(member.token()).post("/v1/jobs", "{\"project_id\": " + catalog.project()
            + ", \"name\": \"J\", \"price_type\": 0, \"price\": 10}").expect(403).json();
        var foreign = api.bearer(catalog().admin().token()).get("/v1/jobs/" + job).expect(404).json();

        assertThat(unauthorized.get("errors").get(0).isString()).isTrue();
        assertThat(forbidden.get("errors").get(0).isString()).isTrue();
        assertThat(foreign.get("errors").get(0).isString()).isTrue();
        assertThat(api.bearer(member.token()).get("/v1/jobs").expect(200).json().get("jobs")).hasSize(1);
        // /api/v1/timer is MinuteDock's, not Paydirt's time logs
        api.bearer(catalog.admin().token()).get("/api/v1/timer").expect(200);
    }

    @Test
    void jobPriceTypesPriceTheTimeLoggedToThem() {
        var catalog = catalog();
        var person = fixtures.aPerson(catalog.admin().account(), Role.MANAGER, new BigDecimal("60.00"));
        long hourly = job(catalog, 0, "85");
        long fixed = job(catalog, 1, "1500");
        long perUser = job(catalog, 2, "999");

        var hourlyLog = log(person, "{\"job_id\": " + hourly + ", \"duration\": 3600, \"date\": \"2024-05-01\"}");
        var fixedLog = log(person, "{\"job_id\": " + fixed + ", \"duration\": 3600, \"date\": \"2024-05-01\"}");
        var perUserLog = log(person, "{\"job_id\": " + perUser + ", \"started_at\": \"2024-05-01T09:00:00Z\", "
            + "\"ended_at\": \"2024-05-01T10:30:00Z\"}");

        assertThat(hourlyLog.get("rate").stringValue()).isEqualTo("85.0");
        assertThat(hourlyLog.get("billable").booleanValue()).isTrue();
        assertThat(hourlyLog.get("project_id").longValue()).isEqualTo(catalog.project());
        assertThat(hourlyLog.get("client_id").longValue()).isEqualTo(catalog.client());
        assertThat(fixedLog.get("billable").booleanValue()).isFalse();
        assertThat(fixedLog.get("rate").stringValue()).isEqualTo("0.0");
        assertThat(perUserLog.get("rate").stringValue()).isEqualTo("60.0");
        assertThat(perUserLog.get("duration").longValue()).isEqualTo(5400);
        assertThat(perUserLog.get("date").stringValue()).isEqualTo("2024-05-01");
    }

    @Test
    void timeLogsAreListedByDatesPersonAndClientAndEveryDialectSeesThem() {
        var catalog = catalog();
        long job = job(catalog, 0, "85");
        var member = fixtures.aMember(catalog.admin().account());
        long first = log(catalog.admin(), "{\"job_id\": " + job + ", \"duration\": 1800, \"date\": \"2024-05-01\", "
            + "\"notes\": \"Audit\"}").get("id").longValue();
        long second = log(member, "{\"job_id\": " + job + ", \"duration\": 900, \"date\": \"2024-05-03\"}")
            .get("id").longValue();

        var caller = api.bearer(catalog.admin().token());
        assertThat(ids(caller.get("/api/v1/time").expect(200).json())).containsExactly(second, first);
        assertThat(ids(caller.get("/api/v1/time?start=2024-05-02&end=2024-05-31").json())).containsExactly(second);
        assertThat(ids(caller.get("/api/v1/time?user_id=" + member.membershipId()).json())).containsExactly(second);
        assertThat(ids(caller.get("/api/v1/time?client_id=" + catalog.client()).json())).containsExactly(second, first);
        assertThat(ids(api.bearer(member.token()).get("/api/v1/time").json())).containsExactly(second);
        caller.post("/api/v1/time", "{\"duration\": 60}").expect(422);
        caller.post("/api/v1/time", "{\"job_id\": " + job + "}").expect(422);
        caller.post("/api/v1/time", "{\"job_id\": 999999999, \"duration\": 60}").expect(422);

        var minuteDock = caller.get("/api/v1/entries/" + first).expect(200).json();
        var harvest = caller.get("/v2/time_entries/" + first).expect(200).json();
        var expensicat = caller.get("/v1/time-entries/" + first).expect(200).json().get("data");
        assertThat(minuteDock.get("billing_rate").stringValue()).isEqualTo("85.00");
        assertThat(minuteDock.get("description").stringValue()).isEqualTo("Audit");
        assertThat(harvest.get("billable_rate").decimalValue()).isEqualByComparingTo("85");
        assertThat(expensicat.get("duration").longValue()).isEqualTo(1800);
    }

    @Test
    void refusalsNameTheFieldsAsPaydirtDoes() {
        var catalog = catalog();
        long job = job(catalog, 0, "85.0");

        var refused = api.bearer(catalog.admin().token()).post("/api/v1/time", """
            {"time_log": {"job_id": %d, "started_at": "2024-01-20T10:00:00Z", "ended_at": "2024-01-20T09:00:00Z"}}"""
            .formatted(job)).expect(422).json();

        assertThat(refused.get("errors")).extracting(JsonNode::stringValue)
            .containsExactly("Ended at must not be before the start");
    }

    private long job(Catalog catalog, int priceType, String price) {
        return id(api.bearer(catalog.admin().token()).post("/v1/jobs", "{\"project_id\": " + catalog.project()
            + ", \"name\": \"Job " + priceType + "\", \"price_type\": " + priceType + ", \"price\": " + price + "}"));
    }

    private JsonNode log(Person person, String body) {
        return api.bearer(person.token()).post("/api/v1/time", body).expect(201).json().get("time_log");
    }

    private long id(Response response) {
        return response.expect(201).json().get("job").get("id").longValue();
    }

    private static List<Long> ids(JsonNode list) {
        var ids = new ArrayList<Long>();
        list.get("time_logs").forEach(log -> ids.add(log.get("id").longValue()));
        return ids;
    }
}
