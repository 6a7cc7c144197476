package io.timeledger.api.minutedock;

import static io.timeledger.api.minutedock.MinuteDockContactsTests.names;
import static io.timeledger.support.JsonShape.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class MinuteDockProjectsTests {

    /** The Project model's example in the MinuteDock document. */
    static final String SEED_PROJECT = """
        {
          "id": "123456", "name": "Website Redesign", "contact_id": "123456", "short_code": "ABC",
          "active": true, "pinned": true, "budget_type": "hours", "budget_frequency": "monthly",
          "budget_target": 40.5, "budget_progress": 30.5, "default_rate_dollars": "150.00", "billable": true
        }""";

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    @Test
    void creatingAProjectAnswersTheSeedsProject() {
        var admin = fixtures.anAccount();
        var contact = contact(admin, "ABC Industries");

        var created = api.bearer(admin.token()).post("/api/v1/projects", """
            {"project": {"name": "Website Redesign", "contact_id": "%s", "short_code": "WEB", "pinned": true,
                         "budget_type": "billable", "budget_frequency": "total", "budget_target": 12000,
                         "default_rate_dollars": "175.00", "billable": true}}""".formatted(contact))
            .expect(201).json();

        assertSameShape(SEED_PROJECT, created);
        assertThat(created.get("contact_id").stringValue()).isEqualTo(contact);
        assertThat(created.get("budget_target").toString()).isEqualTo("12000");
        assertThat(created.get("budget_type").stringValue()).isEqualTo("billable");
        assertThat(api.bearer(admin.token()).get("/api/v1/projects/" + created.get("id").stringValue())
            .expect(200).json()).isEqualTo(created);
    }

    @Test
    void theContactIdMayBeSentAsANumberAndTheBodyFlat() {
        var admin = fixtures.anAccount();
        var contact = contact(admin, "ABC Industries");

        var created = api.bearer(admin.token()).post("/api/v1/projects", """
            {"name": "Support", "contact_id": %s}""".formatted(contact)).expect(201).json();

        assertThat(created.get("contact_id").stringValue()).isEqualTo(contact);
    }

    @Test
    void aProjectNeedsAContactOfTheSameAccount() {
        var admin = fixtures.anAccount();
        var elsewhere = contact(fixtures.anAccount(), "Their client");

        var missing = api.bearer(admin.token()).post("/api/v1/projects", """
            {"project": {"name": "Orphan"}}""").expect(422).json();
        var foreign = api.bearer(admin.token()).post("/api/v1/projects", """
            {"project": {"name": "Poacher", "contact_id": "%s"}}""".formatted(elsewhere)).expect(422).json();
        var notAnId = api.bearer(admin.token()).post("/api/v1/projects", """
            {"project": {"name": "Typo", "contact_id": "abc"}}""").expect(422).json();

        assertThat(missing.get("errors").get("contact_id").get(0).stringValue()).isEqualTo("can't be blank");
        assertThat(foreign.get("errors").get("contact_id").get(0).stringValue())
            .isEqualTo("does not name a contact in this account");
        assertThat(notAnId.get("errors").get("contact_id").get(0).stringValue()).contains("id");
        assertThat(api.bearer(admin.token()).get("/api/v1/projects").json()).isEmpty();
    }

    @Test
    void updateMovesAProjectToAnotherContactAndKeepsTheRest() {
        var admin = fixtures.anAccount();
        var abc = contact(admin, "ABC");
        var xyz = contact(admin, "XYZ");
        var id = project(admin, "Website", abc);

        var moved = api.bearer(admin.token()).put("/api/v1/projects/" + id, """
            {"project": {"contact_id": "%s", "active": false}}""".formatted(xyz)).expect(200).json();

        assertThat(moved.get("contact_id").stringValue()).isEqualTo(xyz);
        assertThat(moved.get("active").booleanValue()).isFalse();
        assertThat(moved.get("name").stringValue()).isEqualTo("Website");
        api.bearer(admin.token()).put("/api/v1/projects/" + id, """
            {"project": {"contact_id": null}}""").expect(422);
        api.bearer(admin.token()).put("/api/v1/projects/" + id, """
            {"project": {"name": ""}}""").expect(422);
    }

    @Test
    void listFiltersByContactAndActive() {
        var admin = fixtures.anAccount();
        var abc = contact(admin, "ABC");
        var xyz = contact(admin, "XYZ");
        project(admin, "Alpha", abc);
        project(admin, "Beta", xyz);
        var gamma = project(admin, "Gamma", abc);
        api.bearer(admin.token()).put("/api/v1/projects/" + gamma, "{\"active\": false}").expect(200);

        var caller = api.bearer(admin.token());
        assertThat(names(caller.get("/api/v1/projects").expect(200).json())).containsExactly("Alpha", "Beta", "Gamma");
        assertThat(names(caller.get("/api/v1/projects?contact_id=" + abc).json())).containsExactly("Alpha", "Gamma");
        assertThat(names(caller.get("/api/v1/projects?contact_id=" + abc + "&active=true").json()))
            .containsExactly("Alpha");
        caller.get("/api/v1/projects?contact_id=ABC").expect(422);
    }

    @Test
    void deletingAContactDeletesItsProjectsFromTheCatalog() {
        var admin = fixtures.anAccount();
        var abc = contact(admin, "ABC");
        var id = project(admin, "Website", abc);

        api.bearer(admin.token()).delete("/api/v1/contacts/" + abc).expect(200);

        api.bearer(admin.token()).get("/api/v1/projects/" + id).expect(404);
        api.bearer(admin.token()).post("/api/v1/projects", """
            {"project": {"name": "Late", "contact_id": "%s"}}""".formatted(abc)).expect(422);
    }

    @Test
    void deleteAnswersTheDocumentedBody() {
        var admin = fixtures.anAccount();
        var id = project(admin, "Website", contact(admin, "ABC"));

        var deleted = api.bearer(admin.token()).delete("/api/v1/projects/" + id).expect(200).json();

        assertThat(deleted.get("id").stringValue()).isEqualTo(id);
        assertThat(deleted.get("status").stringValue()).isEqualTo("deleted");
        api.bearer(admin.token()).get("/api/v1/projects/" + id).expect(404);
    }

    @Test
    void anotherAccountsProjectIsNotFoundAndMembersCannotChangeProjects() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        var id = project(admin, "Website", contact(admin, "ABC"));
        var stranger = fixtures.anAccount();

        api.bearer(stranger.token()).get("/api/v1/projects/" + id).expect(404);
        api.bearer(stranger.token()).put("/api/v1/projects/" + id, "{\"name\": \"Mine\"}").expect(404);
        api.bearer(stranger.token()).delete("/api/v1/projects/" + id).expect(404);
        api.bearer(member.token()).get("/api/v1/projects/" + id).expect(200);
        api.bearer(member.token()).put("/api/v1/projects/" + id, "{\"name\": \"Mine\"}").expect(403);
        api.bearer(member.token()).delete("/api/v1/projects/" + id).expect(403);
        assertThat(api.bearer(admin.token()).get("/api/v1/projects/" + id).json().get("name").stringValue())
            .isEqualTo("Website");
    }

    private String contact(Person person, String name) {
        return api.bearer(person.token()).post("/api/v1/contacts", "{\"contact\": {\"name\": \"" + name + "\"}}")
            .expect(201).json().get("id").stringValue();
    }

    private String project(Person person, String name, String contactId) {
        return api.bearer(person.token()).post("/api/v1/projects", """
            {"project": {"name": "%s", "contact_id": "%s"}}""".formatted(name, contactId))
            .expect(201).json().get("id").stringValue();
    }
}
