package io.timeledger.api.harvest;

import static io.timeledger.support.JsonShape.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Role;
import io.timeledger.core.audit.AuditTrail;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Harvest's users API written to: people created, changed, archived and deleted, with their cost rates. */
@ApiTest
class HarvestUsersTests {

    /**
     * The reference's "create a user" example, with the permission flags of Harvest's older user
     * object beside it.
     */
    static final String CREATED = """
        {"id": 3, "first_name": "George", "last_name": "Frank", "email": "george@example.com", "telephone": "",
         "timezone": "Eastern Time (US & Canada)", "has_access_to_all_future_projects": false,
         "is_contractor": false, "is_active": true, "weekly_capacity": 126000, "default_hourly_rate": 0,
         "cost_rate": 0, "roles": [], "access_roles": ["manager", "project_creator", "time_and_expenses_manager"],
         "avatar_url": "https://example.harvestapp.com/assets/profile_images/big_ben.png?1485372046",
         "created_at": "2020-01-25T19:20:46Z", "updated_at": "2020-01-25T19:20:57Z",
         "is_admin": false, "is_project_manager": true, "can_see_rates": true, "can_create_projects": true,
         "can_create_invoices": false}""";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired AuditTrail audit;

    @Test
    void anAdministratorCreatesAPersonWithEveryFieldAndReadsThemBack() {
        var admin = fixtures.anAccount();
        var email = "george-" + System.nanoTime() + "@example.com";

        var created = harvest(admin).post("/v2/users", """
            {"first_name": "George", "last_name": "Frank", "email": "%s", "timezone": "America/New_York",
             "access_roles": ["manager", "project_creator", "time_and_expenses_manager"], "is_contractor": true,
             "weekly_capacity": 72000, "default_hourly_rate": 120.5, "cost_rate": 60, "roles": ["Designer", "Lead"],
             "telephone": "+1 555 0100"}""".formatted(email)).expect(201).json();

        assertSameShape(CREATED.replace("\"roles\": []", "\"roles\": [\"Designer\"]"), created);
        assertThat(created.get("email").stringValue()).isEqualTo(email);
        assertThat(created.get("timezone").stringValue()).isEqualTo("America/New_York");
        assertThat(created.get("access_roles").get(0).stringValue()).isEqualTo("manager");
        assertThat(created.get("is_contractor").booleanValue()).isTrue();
        assertThat(created.get("weekly_capacity").intValue()).isEqualTo(72000);
        assertThat(created.get("default_hourly_rate").decimalValue()).isEqualByComparingTo("120.5");
        assertThat(created.get("cost_rate").decimalValue()).isEqualByComparingTo("60");
        assertThat(created.get("roles")).extracting(JsonNode::stringValue).containsExactly("Designer", "Lead");
        assertThat(created.get("telephone").stringValue()).isEqualTo("+1 555 0100");
        assertThat(harvest(admin).get("/v2/users/" + id(created)).expect(200).json()).isEqualTo(created);
        assertThat(harvest(admin).get("/v2/users").expect(200).json().get("users").get(0)).isEqualTo(created);
        // the same person in the MinuteDock dialect
        assertThat(api.bearer(admin.token()).get("/api/v1/users").expect(200).json())
            .anySatisfy(user -> assertThat(user.get("email").stringValue()).isEqualTo(email));
    }

    @Test
    void anEntryKeepsTheCostRateItWasPricedWith() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        harvest(admin).patch("/v2/users/" + member.membershipId(), "{\"cost_rate\": 40}").expect(200);
        long task = id(harvest(admin).post("/v2/tasks", "{\"name\": \"Design\"}").expect(201).json());
        long client = id(harvest(admin).post("/v2/clients", "{\"name\": \"ABC\"}").expect(201).json());
        long project = id(harvest(admin).post("/v2/projects", "{\"client_id\": " + client + ", \"name\": \"Site\"}")
            .expect(201).json());
        var body = "{\"user_id\": %d, \"project_id\": %d, \"task_id\": %d, \"spent_date\": \"2026-01-05\", \"hours\": 2}"
            .formatted(member.membershipId(), project, task);

        var before = harvest(admin).post("/v2/time_entries", body).expect(201).json();
        harvest(admin).patch("/v2/users/" + member.membershipId(), "{\"cost_rate\": 55.5}").expect(200);
        var after = harvest(admin).post("/v2/time_entries", body).expect(201).json();

        assertThat(harvest(admin).get("/v2/time_entries/" + id(before)).json().get("cost_rate").decimalValue())
            .isEqualByComparingTo("40");
        assertThat(after.get("cost_rate").decimalValue()).isEqualByComparingTo("55.5");
        // what a person costs is not a member's to read, not even their own
        assertThat(harvest(member).get("/v2/time_entries/" + id(after)).expect(200).json().get("cost_rate").isNull())
            .isTrue();
        assertThat(harvest(member).get("/v2/users/me").json().get("cost_rate").isNull()).isTrue();
    }

    @Test
    void anArchivedPersonIsListedAsInactiveEverywhereAndCannotAct() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());

        var archived = harvest(admin).patch("/v2/users/" + member.membershipId(), "{\"is_active\": false}")
            .expect(200).json();

        assertThat(archived.get("is_active").booleanValue()).isFalse();
        assertThat(ids(harvest(admin).get("/v2/users?is_active=false").json().get("users")))
            .containsExactly(member.membershipId());
        assertThat(api.bearer(admin.token()).get("/api/v1/users?active=false").expect(200).json())
            .extracting(user -> Long.parseLong(user.get("user_account_id").stringValue())).containsExactly(member.membershipId());
        harvest(member).get("/v2/users/me").expect(403);
        assertThat(audit.ofUser(member.userId(), 1).get(0).kind().wire()).isEqualTo("membership.archived");
        assertThat(audit.ofUser(member.userId(), 1).get(0).detail()).isEqualTo("by " + admin.email());

        harvest(admin).patch("/v2/users/" + member.membershipId(), "{\"is_active\": true}").expect(200);
        harvest(member).get("/v2/users/me").expect(200);
    }

    @Test
    void theLastAdministratorCanBeNeitherDemotedNorArchivedNorDeleted() {
        var admin = fixtures.anAccount();
        var path = "/v2/users/" + admin.membershipId();

        assertThat(message(harvest(admin).patch(path, "{\"access_roles\": [\"member\"]}").expect(422)))
            .isEqualTo("Access roles cannot be changed: " + admin.email() + " is the account's only administrator");
        assertThat(message(harvest(admin).patch(path, "{\"is_active\": false}").expect(422)))
            .isEqualTo("Is active cannot be changed: " + admin.email() + " is the account's only administrator");
        assertThat(message(harvest(admin).delete(path).expect(422))).isEqualTo("You cannot delete yourself");

        var second = fixtures.aPerson(admin.account(), Role.ADMIN, null);
        var demoted = harvest(second).patch(path, "{\"access_roles\": [\"member\"]}").expect(200).json();
        assertThat(demoted.get("access_roles")).extracting(JsonNode::stringValue).containsExactly("member");
        assertThat(demoted.get("is_admin").booleanValue()).isFalse();
        assertThat(audit.ofUser(admin.userId(), 1).get(0).detail()).isEqualTo("admin → member by " + second.email());
    }

    @Test
    void peopleWithTimeAreArchivedNotDeleted() {
        var admin = fixtures.anAccount();
        var busy = fixtures.aMember(admin.account());
        var idle = fixtures.aMember(admin.account());
        api.bearer(busy.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-01-05\", \"duration\": 600}}")
            .expect(201);

        assertThat(message(harvest(admin).delete("/v2/users/" + busy.membershipId()).expect(422)))
            .isEqualTo("Pat Doe has time entries or expenses and cannot be deleted; archive them instead");
        harvest(admin).delete("/v2/users/" + idle.membershipId()).expect(200);

        harvest(admin).get("/v2/users/" + idle.membershipId()).expect(404);
        harvest(admin).get("/v2/users/" + busy.membershipId()).expect(200);
        // their tokens for the account went with them
        harvest(idle).get("/v2/users/me").expect(401);
        assertThat(audit.ofUser(idle.userId(), 1).get(0).kind().wire()).isEqualTo("membership.removed");
    }

    @Test
    void aPersonChangesTheirOwnProfileButNothingAnAdministratorDecides() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        var colleague = fixtures.aMember(admin.account());
        var self = "/v2/users/" + member.membershipId();

        var renamed = harvest(member).patch(self, "{\"first_name\": \"Patricia\", \"telephone\": \"0123\"}")
            .expect(200).json();

        assertThat(renamed.get("first_name").stringValue()).isEqualTo("Patricia");
        assertThat(renamed.get("telephone").stringValue()).isEqualTo("0123");
        harvest(member).patch(self, "{\"default_hourly_rate\": 500}").expect(403);
        harvest(member).patch(self, "{\"access_roles\": [\"administrator\"]}").expect(403);
        harvest(member).patch("/v2/users/" + colleague.membershipId(), "{\"first_name\": \"X\"}").expect(403);
        harvest(member).post("/v2/users", "{\"first_name\": \"A\", \"last_name\": \"B\", \"email\": \"a@b.c\"}")
            .expect(403);
        harvest(member).delete("/v2/users/" + colleague.membershipId()).expect(403);
    }

    @Test
    void aPersonInOtherAccountsKeepsTheirProfileFromEachAccountsAdministrator() {
        var admin = fixtures.anAccount();
        var elsewhere = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        fixtures.join(member, elsewhere.account(), Role.MEMBER);

        assertThat(message(harvest(admin).patch("/v2/users/" + member.membershipId(), "{\"last_name\": \"Smith\"}")
            .expect(422))).isEqualTo("Last name belongs to " + member.email()
                + ", who is in other accounts too: only they can change it");
        // what belongs to this account alone is the administrator's to change
        harvest(admin).patch("/v2/users/" + member.membershipId(), "{\"weekly_capacity\": 0}").expect(200);
    }

    @Test
    void badFieldsAreNamedAsHarvestNamesThem() {
        var admin = fixtures.anAccount();
        var path = "/v2/users/" + fixtures.aMember(admin.account()).membershipId();

        assertThat(message(harvest(admin).post("/v2/users", "{\"first_name\": \"A\"}").expect(422)))
            .isEqualTo("Last name can't be blank, Email can't be blank");
        assertThat(message(harvest(admin).post("/v2/users", """
            {"first_name": "A", "last_name": "B", "email": "%s"}""".formatted(admin.email())).expect(422)))
            .isEqualTo("Email " + admin.email() + " already belongs to this account");
        assertThat(message(harvest(admin).patch(path, "{\"weekly_capacity\": -1, \"cost_rate\": -5}").expect(422)))
            .isEqualTo("Cost rate must be greater than or equal to 0, "
                + "Weekly capacity must be seconds from 0 to 604800 (a week)");
        assertThat(message(harvest(admin).patch(path, "{\"timezone\": \"Mars/Olympus\"}").expect(422)))
            .isEqualTo("Timezone must be a time zone such as Europe/Berlin");
        assertThat(message(harvest(admin).patch(path, "{\"access_roles\": [\"owner\"]}").expect(422)))
            .startsWith("Access roles must be administrator, manager or member");
        assertThat(message(harvest(admin).patch(path, "{\"email\": \"" + admin.email() + "\"}").expect(422)))
            .isEqualTo("Email has already been taken");
        harvest(admin).patch("/v2/users/999999999", "{\"first_name\": \"A\"}").expect(404);
        // another account's person is not found
        var stranger = fixtures.anAccount();
        harvest(admin).patch("/v2/users/" + stranger.membershipId(), "{\"first_name\": \"A\"}").expect(404);
        harvest(admin).delete("/v2/users/" + stranger.membershipId()).expect(404);
    }

    @Test
    void somebodyWhoJoinsEveryNewProjectIsAssignedToIt() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        harvest(admin).patch("/v2/users/" + member.membershipId(), "{\"has_access_to_all_future_projects\": true}")
            .expect(200);
        long client = id(harvest(admin).post("/v2/clients", "{\"name\": \"ABC\"}").expect(201).json());

        long project = id(harvest(admin).post("/v2/projects", "{\"client_id\": " + client + ", \"name\": \"New\"}")
            .expect(201).json());

        var assigned = harvest(admin).get("/v2/projects/" + project + "/user_assignments").expect(200).json();
        assertThat(assigned.get("user_assignments")).extracting(a -> a.get("user").get("id").longValue())
            .containsExactly(member.membershipId());
    }

    private Api.Caller harvest(Person person) {
        return api.bearer(person.token()).header("Harvest-Account-Id", person.account().toString());
    }

    private static String message(io.timeledger.support.Response response) {
        return response.json().get("message").stringValue();
    }

    private static java.util.List<Long> ids(JsonNode users) {
        var ids = new java.util.ArrayList<Long>();
        users.forEach(user -> ids.add(user.get("id").longValue()));
        return ids;
    }

    private static long id(JsonNode node) {
        return node.get("id").longValue();
    }
}
