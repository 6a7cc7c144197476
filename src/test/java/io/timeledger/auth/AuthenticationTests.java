package io.timeledger.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Role;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiTest
class AuthenticationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Credentials credentials;
    @Autowired JdbcClient jdbc;

    @Test
    void noCredentialIsUnauthorized() {
        var response = api.anonymous().get("/api/v1/users/me").expect(401);

        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.json().get("error").stringValue()).contains("Authorization: Bearer");
    }

    @Test
    void everyApiAnswerCarriesTheSecurityHeaders() {
        var admin = fixtures.anAccount();
        var answers = java.util.List.of(
            api.bearer(admin.token()).get("/v1/time-entries?limit=5").expect(200),
            api.bearer(admin.token()).post("/api/v1/contacts", "{\"contact\": {}}").expect(422),
            api.anonymous().get("/v2/time_entries").expect(401));

        for (var answer : answers) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("Cache-Control")).contains("no-store");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void anUnknownTokenOrKeyIsUnauthorized() {
        api.bearer("tlp_not-a-real-token").get("/api/v1/users/me").expect(401);
        api.apiKey("tlk_not-a-real-key").get("/api/v1/users/me").expect(401);
        api.anonymous().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/users/me").expect(401);
        api.anonymous().header("Authorization", "Bearer ").get("/api/v1/users/me").expect(401);
    }

    @Test
    void aRevokedTokenStopsWorking() {
        var admin = fixtures.anAccount();
        api.bearer(admin.token()).get("/api/v1/users/me").expect(200);
        var id = credentials.ofUser(admin.userId()).get(0).id();

        credentials.revoke(id);

        api.bearer(admin.token()).get("/api/v1/users/me").expect(401);
    }

    @Test
    void aPersonalAccessTokenActsInItsAccountWhateverTheHeaderSays() {
        var first = fixtures.anAccount("First");
        var second = fixtures.anAccount("Second");
        fixtures.join(first, second.account(), Role.MEMBER);

        var current = api.bearer(first.token()).header("X-Account-ID", second.account().toString())
            .get("/api/v1/accounts/current").expect(200).json();
        var elsewhere = api.bearer(first.token()).header("X-Account-ID", "999999999")
            .get("/api/v1/accounts/current").expect(200).json();

        assertThat(current.get("id").stringValue()).isEqualTo(first.account().toString());
        assertThat(elsewhere.get("id").stringValue()).isEqualTo(first.account().toString());
    }

    @Test
    void aLegacyApiKeyActsInTheActiveAccountUnlessXAccountIdPicksAnother() {
        var first = fixtures.anAccount("First");
        var second = fixtures.anAccount("Second");
        var inSecond = fixtures.join(first, second.account(), Role.MANAGER);
        var key = fixtures.apiKeyOf(first);

        var active = api.apiKey(key).get("/api/v1/accounts/current").expect(200).json();
        var picked = api.apiKey(key).header("X-Account-ID", second.account().toString())
            .get("/api/v1/users/me").expect(200).json();

        assertThat(active.get("id").stringValue()).isEqualTo(first.account().toString());
        assertThat(picked.get("account_id").stringValue()).isEqualTo(second.account().toString());
        assertThat(picked.get("user_account_id").stringValue()).isEqualTo(Long.toString(inSecond.membershipId()));
    }

    @Test
    void anXAccountIdTheUserIsNotInIsNotFound() {
        var mine = fixtures.anAccount();
        var theirs = fixtures.anAccount();
        var key = fixtures.apiKeyOf(mine);

        var response = api.apiKey(key).header("X-Account-ID", theirs.account().toString())
            .get("/api/v1/contacts").expect(404);
        api.apiKey(key).header("X-Account-ID", "not-a-number").get("/api/v1/contacts").expect(404);
        api.apiKey(key).header("X-Account-ID", "987654321987").get("/api/v1/contacts").expect(404);

        assertThat(response.json().get("error").stringValue()).contains("X-Account-ID");
    }

    @Test
    void regeneratingTheApiKeyRetiresTheOldOne() {
        var admin = fixtures.anAccount();
        var old = fixtures.apiKeyOf(admin);

        var fresh = fixtures.apiKeyOf(admin);

        api.apiKey(old).get("/api/v1/users/me").expect(401);
        api.apiKey(fresh).get("/api/v1/users/me").expect(200);
    }

    @Test
    void anArchivedMembershipIsRefused() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        jdbc.sql("UPDATE membership SET archived = true WHERE id = :id").param("id", member.membershipId()).update();

        api.bearer(member.token()).get("/api/v1/users/me").expect(403);
    }

    @Test
    void onlyAHashAndAShortPrefixOfASecretAreStored() {
        var admin = fixtures.anAccount();
        var key = fixtures.apiKeyOf(admin);

        var stored = jdbc.sql("SELECT prefix, encode(secret_hash, 'hex') AS hash FROM credential WHERE user_id = :user")
            .param("user", admin.userId())
            .query((rs, row) -> rs.getString("prefix") + " " + rs.getString("hash"))
            .list();

        assertThat(stored).hasSize(2).allSatisfy(row -> {
            assertThat(row).doesNotContain(admin.token()).doesNotContain(key);
            assertThat(row.split(" ")[0]).hasSize(Secrets.VISIBLE_PREFIX);
            assertThat(row.split(" ")[1]).hasSize(64);
        });
        assertThat(admin.token()).startsWith("tlp_");
        assertThat(key).startsWith("tlk_");
    }

    @Test
    void useIsRecordedOnTheCredential() {
        var admin = fixtures.anAccount();

        api.bearer(admin.token()).get("/api/v1/users/me").expect(200);

        assertThat(credentials.ofUser(admin.userId()).get(0).lastUsedAt()).isNotNull();
    }

    @Test
    void theHealthProbeNeedsNoCredential() {
        api.anonymous().get("/actuator/health").expect(200);
        api.anonymous().get("/actuator/health/readiness").expect(200);
        api.anonymous().get("/readyz").expect(200);
    }

    @Test
    void withoutAManagementPortTheMetricsAreServedToNobody() {
        var admin = fixtures.anAccount();
        api.anonymous().get("/actuator/prometheus").expect(404);
        api.bearer(admin.token()).get("/actuator/prometheus").expect(404);
        api.anonymous().get("/actuator").expect(404);
    }
}
