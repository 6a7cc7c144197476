package io.timeledger.core.account;

import static io.timeledger.support.Statements.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.Unannounced;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pages of entries find their owners in {@link Owners}, which remembers each membership's person
 * until a membership or user changes: a member who joined since is read with the page, a rename by
 * plain SQL (the admin command line, an operator) shows within moments (V12 announces it), and
 * another account's membership is never found.
 */
@ApiTest
class OwnersTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Owners owners;

    @Test
    void aMemberWhoJoinedSinceIsShownWithTheirEntries() {
        var admin = fixtures.anAccount();
        log(admin);
        assertThat(ownerNames(admin)).hasSize(1);

        var member = fixtures.aMember(admin.account());
        jdbc.sql("UPDATE app_user SET first_name = 'Newly', last_name = 'Joined' WHERE id = :id")
            .param("id", member.userId()).update();
        log(member);

        assertThat(within(() -> ownerNames(admin).contains("Newly Joined"))).isTrue();
        assertThat(ownerNames(admin)).hasSize(2);
    }

    @Test
    void aRenameThroughThisServerShowsOnTheNextPage() {
        var admin = fixtures.anAccount();
        log(admin);
        assertThat(ownerNames(admin)).containsExactly("Pat Doe");

        // unannounced by V12's trigger: this server forgets its own write as it commits
        Unannounced.run(jdbc, "app_user", "app_user_changed", () -> {
            api.bearer(admin.token()).header("Harvest-Account-Id", admin.account().toString())
                .patch("/v2/users/" + admin.membershipId(), "{\"first_name\": \"Renamed\"}").expect(200);

            assertThat(ownerNames(admin)).containsExactly("Renamed Doe");
        });
    }

    @Test
    void aRenameElsewhereShowsWithinMoments() {
        var admin = fixtures.anAccount();
        log(admin);
        var before = ownerNames(admin);

        jdbc.sql("UPDATE app_user SET first_name = 'Renamed', last_name = 'Elsewhere' WHERE id = :id")
            .param("id", admin.userId()).update();

        assertThat(before).doesNotContain("Renamed Elsewhere");
        assertThat(within(() -> ownerNames(admin).equals(List.of("Renamed Elsewhere")))).isTrue();
    }

    @Test
    void anotherAccountsMembershipIsNeverFound() {
        var mine = fixtures.anAccount();
        var theirs = fixtures.anAccount();
        log(theirs);
        ownerNames(theirs);

        assertThat(owners.of(mine.account(), Set.of(theirs.membershipId()))).isEmpty();
        assertThat(owners.of(theirs.account(), Set.of(theirs.membershipId()))).containsOnlyKeys(theirs.membershipId());
    }

    private void log(Person person) {
        api.bearer(person.token()).post("/api/v1/entries",
            "{\"entry\": {\"date\": \"2026-01-05\", \"duration\": 1800, \"description\": \"owned\"}}").expect(201);
    }

    /** The distinct names of the owners of the account's entries, as Harvest's list shows them. */
    private List<String> ownerNames(Person admin) {
        var entries = api.bearer(admin.token()).get("/v2/time_entries").expect(200).json().get("time_entries");
        return StreamSupport.stream(entries.spliterator(), false)
            .map(entry -> entry.get("user").get("name").asString())
            .distinct().sorted().toList();
    }
}
