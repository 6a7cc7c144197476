package io.timeledger.web;

import static io.timeledger.support.WebSession.hidden;
import static io.timeledger.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.timeledger.auth.Credentials;
import io.timeledger.auth.Passwords;
import io.timeledger.core.account.People;
import io.timeledger.core.account.Role;
import io.timeledger.core.audit.AuditEvent;
import io.timeledger.core.audit.AuditFilter;
import io.timeledger.core.audit.AuditTrail;
import io.timeledger.core.common.Invalid;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.WebSession;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Security events land in the audit trail with where they came from, and each person sees their own. */
@ApiTest
class AuditTrailTests {

    static final String PASSWORD = "correct horse battery";

    @Autowired Fixtures fixtures;
    @Autowired Passwords passwords;
    @Autowired People people;
    @Autowired AuditTrail audit;
    @Autowired Credentials credentials;
    @Value("${local.server.port}") int port;

    @Test
    void signInsAndFailedSignInsAreRecordedEvenForAnEmailNobodyHas() {
        var person = fixtures.anAccount();
        passwords.set(person.userId(), PASSWORD);
        var browser = new WebSession(port);
        browser.signIn(person.email(), "not the password");
        assertThat(location(browser.signIn(person.email().toUpperCase(java.util.Locale.ROOT), PASSWORD)))
            .endsWith("/timesheet");
        var ghost = "ghost-" + UUID.randomUUID() + "@example.com";
        new WebSession(port).signIn(ghost, "guess");

        var mine = audit.ofUser(person.userId(), 10);
        assertThat(kinds(mine)).startsWith("sign_in.succeeded", "sign_in.failed", "password.changed");
        var signedIn = mine.get(0);
        assertThat(signedIn.via()).isEqualTo("web");
        assertThat(signedIn.clientAddress()).isEqualTo("127.0.0.1");
        assertThat(signedIn.userAgent()).contains("Java-http-client");
        var failed = audit.search(new AuditFilter(ghost, null, "sign_in", null, 10));
        assertThat(failed).singleElement().satisfies(event -> {
            assertThat(event.kind().wire()).isEqualTo("sign_in.failed");
            assertThat(event.userId()).as("no such user").isNull();
            assertThat(event.email()).isEqualTo(ghost);
        });
    }

    @Test
    void theFailureThatLocksIsRecordedOnceAndAttemptsRefusedWhileLockedAreNot() {
        var person = fixtures.anAccount();
        passwords.set(person.userId(), PASSWORD);
        for (int i = 0; i < 8; i++) {
            new WebSession(port).signIn(person.email(), "wrong " + i);
        }

        var events = audit.search(new AuditFilter(person.email(), null, "sign_in", null, 100));
        assertThat(kinds(events)).containsExactly("sign_in.locked", "sign_in.failed", "sign_in.failed",
            "sign_in.failed", "sign_in.failed", "sign_in.failed");
        assertThat(events.get(0).detail()).isEqualTo("5 failed sign-ins; locked for 15 minutes");
    }

    @Test
    void theProfilePageShowsOnesOwnTokensKeysAndSignInsButNeverASecret() {
        var person = fixtures.anAccount("Audited Books");
        var colleague = fixtures.aMember(person.account());
        passwords.set(person.userId(), PASSWORD);
        passwords.set(colleague.userId(), PASSWORD);
        new WebSession(port).signIn(colleague.email(), PASSWORD);
        var browser = new WebSession(port);
        browser.signIn(person.email(), PASSWORD);

        var created = browser.post("/profile/tokens", "name", "invoicing script", "account_id",
            person.account().toString(), "_csrf", hidden(browser.get("/profile").body(), "_csrf"));
        assertThat(location(created)).endsWith("/profile#tokens-heading");
        var revealed = java.util.regex.Pattern.compile("id=\"revealed\">([^<]+)<").matcher(browser.get("/profile").body());
        assertThat(revealed.find()).isTrue();
        var secret = revealed.group(1);
        var token = credentials.ofUser(person.userId()).stream()
            .filter(c -> "invoicing script".equals(c.name())).findFirst().orElseThrow();
        browser.post("/profile/tokens/" + token.id() + "/revoke", "_csrf", hidden(browser.get("/profile").body(), "_csrf"));
        browser.post("/profile/api-key", "_csrf", hidden(browser.get("/profile").body(), "_csrf"));
        browser.post("/profile/api-key", "_csrf", hidden(browser.get("/profile").body(), "_csrf"));

        var events = audit.ofUser(person.userId(), 20);
        assertThat(kinds(events)).startsWith("api_key.created", "api_key.revoked", "api_key.created",
            "token.revoked", "token.created", "sign_in.succeeded");
        assertThat(events.get(4).detail()).isEqualTo("“invoicing script” " + token.prefix() + "…");
        assertThat(events.get(4).accountId()).isEqualTo(person.account().value());
        assertThat(events).allSatisfy(event -> assertThat(event.detail()).doesNotContain(secret));

        var page = browser.get("/profile").body();
        assertThat(page).contains("Security activity", "Access token created", "invoicing script",
            "API key revoked", "Signed in", "Audited Books", "web · 127.0.0.1").doesNotContain(secret);
        // the colleague's sign-in is theirs, not on this page
        assertThat(page.split("id=\"activity\"")[1].split("</table>")[0].split("data-kind=\"sign_in.succeeded\"", -1))
            .hasSize(2);
        assertThat(audit.ofUser(colleague.userId(), 20).get(0).kind().wire()).isEqualTo("sign_in.succeeded");
    }

    @Test
    void aRoleChangeIsRecordedAndTheLastAdministratorStaysOne() {
        var owner = fixtures.anAccount();
        var member = fixtures.aMember(owner.account());

        people.changeRole(owner.account(), member.userId(), Role.ADMIN);
        // two admins: one may step down
        people.changeRole(owner.account(), owner.userId(), Role.MEMBER);
        assertThatThrownBy(() -> people.changeRole(owner.account(), member.userId(), Role.MANAGER))
            .isInstanceOf(Invalid.class).hasMessageContaining("only administrator");

        assertThat(kinds(audit.ofUser(member.userId(), 3))).startsWith("role.changed", "token.created", "role.granted");
        assertThat(audit.ofUser(member.userId(), 1).get(0).detail()).isEqualTo("member → admin");
        assertThat(audit.ofUser(member.userId(), 1).get(0).via()).isEqualTo("server");
        assertThat(audit.ofUser(owner.userId(), 1).get(0).detail()).isEqualTo("admin → member");
    }

    @Test
    void twoAdministratorsSteppingDownAtOnceLeaveOne() {
        for (int round = 0; round < 5; round++) {
            var first = fixtures.anAccount();
            var second = fixtures.aPerson(first.account(), Role.ADMIN, null);
            var demotions = List.of(first, second).stream()
                .map(admin -> CompletableFuture.supplyAsync(() -> {
                    try {
                        people.changeRole(admin.account(), admin.userId(), Role.MEMBER);
                        return true;
                    } catch (Invalid refused) {
                        return false;
                    }
                }))
                .toList();
            assertThat(demotions.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(true, false);
            assertThat(people.members(first.account(), true).stream().filter(m -> m.role() == Role.ADMIN)).hasSize(1);
        }
    }

    private static List<String> kinds(List<AuditEvent> events) {
        return events.stream().map(event -> event.kind().wire()).toList();
    }
}
