package io.timeledger.auth;

import static io.timeledger.support.Statements.pause;
import static io.timeledger.support.Statements.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.Statements;
import io.timeledger.support.Unannounced;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server remembers what a secret authenticated as (decision 011), and forgets it when anything it
 * remembered changes: at once for its own writes ({@link AuthenticationTests} revokes through the
 * service), within moments for a write it did not make — here plain SQL, as the admin command line
 * or a second server would write — announced by the database's triggers.
 */
@ApiTest
class AuthenticationCacheTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Statements statements;
    @Autowired Credentials credentials;

    @Test
    void aSecretIsReadOnceAndRemembered() {
        var admin = fixtures.anAccount();

        assertThat(authenticationsOf(() -> api.bearer(admin.token()).get("/api/v1/users/me").expect(200)))
            .as("a secret never seen").isEqualTo(1);
        assertThat(within(() -> authenticationsOf(() -> api.bearer(admin.token()).get("/api/v1/users/me")
            .expect(200)) == 0)).as("the next requests read no credential").isTrue();
    }

    @Test
    void theLastUseStampAnnouncesNothing() {
        var admin = fixtures.anAccount();
        remembered(admin);

        // what the authentication statement writes at most once a minute; were it announced, every
        // client's first request in a minute would empty what the server remembers
        jdbc.sql("UPDATE credential SET last_used_at = now() - interval '2 minutes' WHERE user_id = :user")
            .param("user", admin.userId()).update();
        pause(300);

        assertThat(authenticationsOf(() -> api.bearer(admin.token()).get("/api/v1/users/me").expect(200)))
            .isZero();
    }

    @Test
    void aTokenRevokedThroughThisServerStopsWorkingAtOnce() {
        var admin = fixtures.anAccount();
        remembered(admin);
        long credential = jdbc.sql("SELECT id FROM credential WHERE user_id = :user").param("user", admin.userId())
            .query(Long.class).single();

        // unannounced by V12's trigger: this server forgets its own revocation as it commits
        Unannounced.run(jdbc, "credential", "credential_changed", () -> {
            credentials.revokeOwn(admin.userId(), credential);

            assertThat(api.bearer(admin.token()).get("/api/v1/users/me").status()).isEqualTo(401);
        });
    }

    @Test
    void aTokenRevokedElsewhereStopsWorkingWithinMoments() {
        var admin = fixtures.anAccount();
        remembered(admin);

        jdbc.sql("UPDATE credential SET revoked_at = now() WHERE user_id = :user").param("user", admin.userId())
            .update();

        assertThat(within(() -> api.bearer(admin.token()).get("/api/v1/users/me").status() == 401)).isTrue();
    }

    @Test
    void anAccountChangedElsewhereIsSeenWithinMoments() {
        var admin = fixtures.anAccount();
        remembered(admin);

        jdbc.sql("UPDATE account SET name = 'Renamed elsewhere' WHERE id = :id")
            .param("id", admin.account().value()).update();

        assertThat(within(() -> api.bearer(admin.token()).get("/api/v1/accounts/current").expect(200).json()
            .get("name").stringValue().equals("Renamed elsewhere"))).isTrue();
    }

    @Test
    void aMembershipArchivedElsewhereStopsItsTokenWithinMoments() {
        var admin = fixtures.anAccount();
        remembered(admin);

        jdbc.sql("UPDATE membership SET archived = true WHERE id = :id").param("id", admin.membershipId()).update();

        assertThat(within(() -> api.bearer(admin.token()).get("/api/v1/users/me").status() == 403)).isTrue();
    }

    /** Uses the person's token until the server answers without reading it. */
    private void remembered(Person person) {
        assertThat(within(() -> authenticationsOf(() -> api.bearer(person.token()).get("/api/v1/users/me")
            .expect(200)) == 0)).as("the token is remembered").isTrue();
    }

    /** How many times the request read a credential. */
    private long authenticationsOf(Runnable request) {
        statements.reset();
        request.run();
        return jdbc.sql("""
                SELECT coalesce(sum(calls), 0) FROM pg_stat_statements
                 WHERE %s AND strpos(query, :authentication) > 0
                """.formatted(Statements.SERVERS))
            .param("authentication", Statements.AUTHENTICATION)
            .query(Long.class)
            .single();
    }
}
