package io.timeledger.api.minutedock;

import static io.timeledger.support.JsonShape.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ApiTest
class MinuteDockContactsTests {

    /** The Contact model's example in the MinuteDock document. */
    static final String SEED_CONTACT = """
        {
          "id": "123456", "name": "ABC Industries", "short_code": "ABC", "active": true, "pinned": false,
          "budget_type": "hours", "budget_frequency": "monthly", "budget_target": 40.5, "budget_progress": 30.5,
          "default_rate_dollars": "150.00", "billable": true
        }""";

    static final String ABC = """
        {"contact": {"name": "ABC Industries", "short_code": "ABC", "active": true, "pinned": false,
                     "budget_type": "hours", "budget_frequency": "monthly", "budget_target": 40.5,
                     "default_rate_dollars": "150.00", "billable": true}}""";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void creatingAContactAnswersTheSeedsContact() {
        var admin = fixtures.anAccount();

        var created = api.bearer(admin.token()).post("/api/v1/contacts", ABC).expect(201).json();

        assertSameShape(SEED_CONTACT, created);
        assertThat(created.get("name").stringValue()).isEqualTo("ABC Industries");
        assertThat(created.get("default_rate_dollars").stringValue()).isEqualTo("150.00");
        assertThat(created.get("budget_target").decimalValue()).isEqualByComparingTo("40.5");
        assertThat(created.get("budget_target").toString()).isEqualTo("40.5");
        assertThat(created.get("budget_progress").decimalValue()).isZero();
        var fetched = api.bearer(admin.token()).get("/api/v1/contacts/" + created.get("id").stringValue())
            .expect(200).json();
        assertThat(fetched).isEqualTo(created);
    }

    @Test
    void aMinimalContactTakesTheDocumentedDefaults() {
        var admin = fixtures.anAccount();

        var created = api.bearer(admin.token()).post("/api/v1/contacts", """
            {"contact": {"name": "New Client Inc"}}""").expect(201).json();

        assertThat(created.get("active").booleanValue()).isTrue();
        assertThat(created.get("pinned").booleanValue()).isFalse();
        assertThat(created.get("billable").booleanValue()).isTrue();
        assertThat(created.get("short_code").isNull()).isTrue();
        assertThat(created.get("budget_type").isNull()).isTrue();
        assertThat(created.get("budget_frequency").isNull()).isTrue();
        assertThat(created.get("budget_target").isNull()).isTrue();
        assertThat(created.get("budget_progress").isNull()).isTrue();
        assertThat(created.get("default_rate_dollars").isNull()).isTrue();
    }

    @Test
    void updateChangesOnlyTheGivenFieldsNestedOrFlat() {
        var admin = fixtures.anAccount();
        var id = create(admin, ABC);

        var nested = api.bearer(admin.token()).put("/api/v1/contacts/" + id, """
            {"contact": {"pinned": true, "default_rate_dollars": null}}""").expect(200).json();
        var flat = api.bearer(admin.token()).put("/api/v1/contacts/" + id, """
            {"id": "%s", "name": "ABC Holdings", "budget_type": null}""".formatted(id)).expect(200).json();

        assertThat(nested.get("pinned").booleanValue()).isTrue();
        assertThat(nested.get("default_rate_dollars").isNull()).isTrue();
        assertThat(nested.get("name").stringValue()).isEqualTo("ABC Industries");
        assertThat(flat.get("name").stringValue()).isEqualTo("ABC Holdings");
        assertThat(flat.get("pinned").booleanValue()).isTrue();
        assertThat(flat.get("budget_type").isNull()).isTrue();
        assertThat(flat.get("budget_progress").isNull()).isTrue();
        api.bearer(admin.token()).patch("/api/v1/contacts/" + id, """
            {"contact": {"active": false}}""").expect(200);
        assertThat(api.bearer(admin.token()).get("/api/v1/contacts/" + id).json().get("active").booleanValue())
            .isFalse();
    }

    @Test
    void listFiltersByActiveAndPinned() {
        var admin = fixtures.anAccount();
        create(admin, """
            {"contact": {"name": "Active pinned", "pinned": true}}""");
        create(admin, """
            {"contact": {"name": "Active", "pinned": false}}""");
        create(admin, """
            {"contact": {"name": "Archived", "active": false}}""");

        assertThat(names(api.bearer(admin.token()).get("/api/v1/contacts").expect(200).json()))
            .containsExactly("Active", "Active pinned", "Archived");
        assertThat(names(api.bearer(admin.token()).get("/api/v1/contacts?active=true").json()))
            .containsExactly("Active", "Active pinned");
        assertThat(names(api.bearer(admin.token()).get("/api/v1/contacts?active=false").json()))
            .containsExactly("Archived");
        assertThat(names(api.bearer(admin.token()).get("/api/v1/contacts?pinned=true").json()))
            .containsExactly("Active pinned");
        assertThat(api.bearer(admin.token()).get("/api/v1/contacts?pinned=yes").expect(422)
            .json().get("errors").get("pinned").get(0).stringValue()).contains("true or false");
    }

    @Test
    void deleteAnswersTheDocumentedBodyAndTheContactIsGone() {
        var admin = fixtures.anAccount();
        var id = create(admin, ABC);

        var deleted = api.bearer(admin.token()).delete("/api/v1/contacts/" + id).expect(200).json();

        assertSameShape("""
            {"id": "123", "status": "deleted"}""", deleted);
        assertThat(deleted.get("id").stringValue()).isEqualTo(id);
        assertThat(deleted.get("status").stringValue()).isEqualTo("deleted");
        api.bearer(admin.token()).get("/api/v1/contacts/" + id).expect(404);
        api.bearer(admin.token()).delete("/api/v1/contacts/" + id).expect(404);
        assertThat(api.bearer(admin.token()).get("/api/v1/contacts").json()).isEmpty();
        // kept in the ledger for the time and invoices that point at it
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE id = :id AND deleted_at IS NOT NULL")
            .param("id", Long.parseLong(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDeletedContactsShortCodeIsFreeAgain() {
        var admin = fixtures.anAccount();
        var id = create(admin, ABC);
        assertThat(api.bearer(admin.token()).post("/api/v1/contacts", ABC).expect(422)
            .json().get("errors").get("short_code").get(0).stringValue()).isEqualTo("has already been taken");

        api.bearer(admin.token()).delete("/api/v1/contacts/" + id).expect(200);

        api.bearer(admin.token()).post("/api/v1/contacts", ABC).expect(201);
    }

    @Test
    void shortCodesAreUniqueIgnoringCase() {
        var admin = fixtures.anAccount();
        create(admin, ABC);

        var response = api.bearer(admin.token()).post("/api/v1/contacts", """
            {"contact": {"name": "Another", "short_code": "abc"}}""").expect(422).json();

        assertThat(response.get("errors").get("short_code").get(0).stringValue()).isEqualTo("has already been taken");
        // another account may use the same code
        api.bearer(fixtures.anAccount().token()).post("/api/v1/contacts", ABC).expect(201);
    }

    @Test
    void validationNamesEveryBadField() {
        var admin = fixtures.anAccount();

        var errors = api.bearer(admin.token()).post("/api/v1/contacts", """
            {"contact": {"name": 12, "active": "sometimes", "budget_type": "days", "budget_frequency": "daily",
                         "budget_target": "lots", "default_rate_dollars": "150", "billable": null}}""")
            .expect(422).json().get("errors");

        assertThat(errors.propertyNames()).containsExactlyInAnyOrder("name", "active", "budget_type",
            "budget_frequency", "budget_target", "default_rate_dollars");
        assertThat(errors.get("default_rate_dollars").get(0).stringValue()).contains("\"150.00\"");
        assertThat(errors.get("budget_type").get(0).stringValue()).isEqualTo("must be one of hours, billable or null");
        assertThat(countContacts(admin)).isZero();
    }

    @Test
    void domainRulesNameTheirField() {
        var admin = fixtures.anAccount();

        assertThat(errorOf(admin, """
            {"contact": {"name": "   "}}""", "name")).isEqualTo("can't be blank");
        assertThat(errorOf(admin, """
            {"contact": {}}""", "name")).isEqualTo("can't be blank");
        assertThat(errorOf(admin, """
            {"contact": {"name": "%s"}}""".formatted("x".repeat(256)), "name")).contains("too long");
        assertThat(errorOf(admin, """
            {"contact": {"name": "A", "short_code": "has space"}}""", "short_code")).contains("only letters");
        assertThat(errorOf(admin, """
            {"contact": {"name": "A", "budget_target": -1}}""", "budget_target")).contains("greater than");
        assertThat(errorOf(admin, """
            {"contact": {"name": "A", "budget_target": 1.005}}""", "budget_target")).contains("2 decimal");
        assertThat(errorOf(admin, """
            {"contact": {"name": "A", "default_rate_dollars": "99999999999.00"}}""", "default_rate_dollars"))
            .contains("less than");
        assertThat(errorOf(admin, """
            {"contact": {"name": "A", "billable": null}}""", "billable")).isEqualTo("must be true or false");
        assertThat(countContacts(admin)).isZero();
    }

    @Test
    void malformedBodiesAreRefusedWithoutAServerError() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token());

        assertThat(caller.post("/api/v1/contacts", "{\"contact\": {\"name\": ").expect(400)
            .json().get("errors").get("base").get(0).stringValue()).contains("not valid JSON");
        caller.post("/api/v1/contacts", "[1, 2]").expect(422);
        caller.post("/api/v1/contacts", "\"ABC\"").expect(422);
        caller.post("/api/v1/contacts", "{\"contact\": \"ABC\"}").expect(422);
        caller.post("/api/v1/contacts", "").expect(422);
        caller.send("POST", "/api/v1/contacts", "name=ABC", "text/plain").expect(415);
        caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"" + "y".repeat(200_000) + "\"}}").expect(422);
        caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"A\", \"budget_target\": 1e400}}").expect(422);
        assertThat(caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"A\\u0000B\"}}").expect(422).json()
            .get("errors").get("name").get(0).stringValue()).contains("NUL");
        caller.get("/api/v1/contacts/not-a-number").expect(404);
        caller.get("/api/v1/contacts/99999999999999999999999").expect(404);
        caller.send("POST", "/api/v1/contacts/1", "{}", "application/json").expect(405);
        assertThat(countContacts(admin)).isZero();
    }

    @Test
    void membersReadContactsButCannotChangeThem() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        var id = create(admin, ABC);

        api.bearer(member.token()).get("/api/v1/contacts/" + id).expect(200);
        api.bearer(member.token()).get("/api/v1/contacts").expect(200);
        var refused = api.bearer(member.token()).post("/api/v1/contacts", ABC).expect(403).json();
        api.bearer(member.token()).put("/api/v1/contacts/" + id, "{\"name\": \"Mine\"}").expect(403);
        api.bearer(member.token()).delete("/api/v1/contacts/" + id).expect(403);

        assertThat(refused.get("error").stringValue()).isNotBlank();
        assertThat(api.bearer(admin.token()).get("/api/v1/contacts/" + id).json().get("name").stringValue())
            .isEqualTo("ABC Industries");
    }

    @Test
    void anotherAccountsContactIsNotFound() {
        var mine = fixtures.anAccount();
        var theirs = fixtures.anAccount();
        var theirContact = create(theirs, ABC);

        api.bearer(mine.token()).get("/api/v1/contacts/" + theirContact).expect(404);
        api.bearer(mine.token()).put("/api/v1/contacts/" + theirContact, "{\"name\": \"Taken\"}").expect(404);
        api.bearer(mine.token()).delete("/api/v1/contacts/" + theirContact).expect(404);
        assertThat(api.bearer(mine.token()).get("/api/v1/contacts").json()).isEmpty();

        var still = api.bearer(theirs.token()).get("/api/v1/contacts/" + theirContact).expect(200).json();
        assertThat(still.get("name").stringValue()).isEqualTo("ABC Industries");
    }

    private String create(Person person, String body) {
        return api.bearer(person.token()).post("/api/v1/contacts", body).expect(201).json().get("id").stringValue();
    }

    private String errorOf(Person person, String body, String field) {
        var errors = api.bearer(person.token()).post("/api/v1/contacts", body).expect(422).json().get("errors");
        assertThat(errors.has(field)).as("errors %s name %s", errors, field).isTrue();
        return errors.get(field).get(0).stringValue();
    }

    private long countContacts(Person person) {
        return jdbc.sql("SELECT count(*) FROM contact WHERE account_id = :account")
            .param("account", person.account().value()).query(Long.class).single();
    }

    static List<String> names(JsonNode list) {
        var names = new ArrayList<String>();
        list.forEach(item -> names.add(item.get("name").stringValue()));
        return names;
    }
}
