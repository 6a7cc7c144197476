package io.timeledger.api.minutedock;

import static io.timeledger.support.JsonShape.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.People;
import io.timeledger.core.account.Role;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiTest
class MinuteDockPeopleTests {

    /** The User model's example in the MinuteDock document. */
    static final String SEED_USER = """
        {
          "user_account_id": "123456", "archived": false, "email": "john.doe@example.com",
          "first_name": "John", "last_name": "Doe", "billing_rate": "150.00", "id": "123456",
          "account_id": "123456", "time_zone_id": "string", "time_zone_offset": "string",
          "push_channel_token": "string"
        }""";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired People people;
    @Autowired JdbcClient jdbc;

    @Test
    void meIsTheSeedsUserWithMembershipAndLegacyUserIds() {
        var admin = fixtures.anAccount();
        var rated = fixtures.aPerson(admin.account(), Role.MEMBER, new BigDecimal("150.00"));

        var me = api.bearer(rated.token()).get("/api/v1/users/me").expect(200).json();

        assertSameShape(SEED_USER, me);
        assertThat(me.get("user_account_id").stringValue()).isEqualTo(Long.toString(rated.membershipId()));
        assertThat(me.get("id").stringValue()).isEqualTo(Long.toString(rated.userId()));
        assertThat(me.get("account_id").stringValue()).isEqualTo(rated.account().toString());
        assertThat(me.get("email").stringValue()).isEqualTo(rated.email());
        assertThat(me.get("billing_rate").stringValue()).isEqualTo("150.00");
        assertThat(me.get("time_zone_id").stringValue()).isEqualTo("Australia/Sydney");
        assertThat(me.get("time_zone_offset").stringValue()).matches("\\+1[01]:00");
    }

    @Test
    void aMemberSeesTheirOwnBillingRateAndNoColleagues() {
        var admin = fixtures.anAccount();
        var boss = fixtures.aPerson(admin.account(), Role.ADMIN, new BigDecimal("180.00"));
        var member = fixtures.aPerson(admin.account(), Role.MEMBER, new BigDecimal("100.00"));

        var seenByMember = api.bearer(member.token()).get("/api/v1/users").expect(200).json();
        var seenByAdmin = api.bearer(admin.token()).get("/api/v1/users").expect(200).json();

        assertThat(seenByMember).hasSize(3).allSatisfy(user -> {
            boolean own = user.get("user_account_id").stringValue().equals(Long.toString(member.membershipId()));
            assertThat(user.get("billing_rate").isNull()).as("rate of %s", user.get("email")).isEqualTo(!own);
        });
        assertThat(seenByAdmin).filteredOn(u -> u.get("email").stringValue().equals(boss.email())).singleElement()
            .satisfies(u -> assertThat(u.get("billing_rate").stringValue()).isEqualTo("180.00"));
        assertThat(seenByAdmin).filteredOn(u -> u.get("email").stringValue().equals(member.email())).singleElement()
            .satisfies(u -> assertThat(u.get("billing_rate").stringValue()).isEqualTo("100.00"));
    }

    @Test
    void aUserWithoutARateShowsZero() {
        var admin = fixtures.anAccount();

        var me = api.bearer(admin.token()).get("/api/v1/users/me").expect(200).json();

        assertThat(me.get("billing_rate").stringValue()).isEqualTo("0.00");
    }

    @Test
    void usersListsTheAccountsPeopleAndFiltersByActive() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        jdbc.sql("UPDATE membership SET archived = true WHERE id = :id").param("id", member.membershipId()).update();
        fixtures.anAccount(); // someone elsewhere, never listed

        var all = api.bearer(admin.token()).get("/api/v1/users").expect(200).json();
        var active = api.bearer(admin.token()).get("/api/v1/users?active=true").expect(200).json();
        var archived = api.bearer(admin.token()).get("/api/v1/users?active=false").expect(200).json();

        assertThat(all).hasSize(2);
        all.forEach(user -> assertSameShape(SEED_USER, user));
        assertThat(active).singleElement()
            .satisfies(u -> assertThat(u.get("user_account_id").stringValue()).isEqualTo(id(admin.membershipId())));
        assertThat(archived).singleElement()
            .satisfies(u -> assertThat(u.get("archived").booleanValue()).isTrue());
        api.bearer(admin.token()).get("/api/v1/users?active=maybe").expect(422);
    }

    @Test
    void accountsListsEveryAccountOfTheUserAndCurrentIsTheTokensOne() {
        var first = fixtures.anAccount("First Ltd");
        var second = fixtures.anAccount("Second Ltd");
        var inSecond = fixtures.join(first, second.account(), Role.MEMBER);

        var accounts = api.bearer(inSecond.token()).get("/api/v1/accounts").expect(200).json();
        var current = api.bearer(inSecond.token()).get("/api/v1/accounts/current").expect(200).json();

        assertThat(accounts).extracting(a -> a.get("name").stringValue()).containsExactly("First Ltd", "Second Ltd");
        assertSameShape("""
            {"id": "123456", "name": "Acme Corporation"}""", current);
        assertThat(current.get("id").stringValue()).isEqualTo(second.account().toString());
    }

    private static String id(long value) {
        return Long.toString(value);
    }
}
