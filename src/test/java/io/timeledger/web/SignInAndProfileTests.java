package io.timeledger.web;

import static io.timeledger.support.WebSession.hidden;
import static io.timeledger.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Role;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.WebSession;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sign-in form, its brute-force rule, and "Manage access tokens" on the profile page. */
@ApiTest
class SignInAndProfileTests {

    static final String PASSWORD = "correct horse battery";
    static final Pattern REVEALED = Pattern.compile("id=\"revealed\">(tlp_[A-Za-z0-9_-]+)<");

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @Test
    void theProfileNeedsASignInAndTheSessionCookieIsGuarded() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = new WebSession(port);
        var first = browser.get("/profile");
        assertThat(location(first)).endsWith("/login");
        var cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("timeledger_session=").contains("HttpOnly").contains("SameSite=Lax");

        var page = browser.get("/login");
        assertThat(page.body()).contains("<label for=\"email\">").contains("<label for=\"password\">");

        var signedIn = browser.signIn(person.email(), PASSWORD);
        assertThat(location(signedIn)).contains("/profile");
        assertThat(signedIn.headers().firstValue("Set-Cookie").orElse(""))
            .as("a new session id after sign-in").startsWith("timeledger_session=");
        assertThat(browser.get("/profile").body()).contains("Manage access tokens").contains(person.email());

        var profile = browser.get("/profile").body();
        assertThat(location(browser.post("/logout", "_csrf", hidden(profile, "_csrf")))).contains("/login");
        assertThat(location(browser.get("/profile"))).endsWith("/login");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = new WebSession(port);
        browser.get("/login");

        assertThat(browser.post("/login", "email", person.email(), "password", PASSWORD).statusCode()).isEqualTo(403);

        browser.signIn(person.email(), PASSWORD);
        assertThat(browser.post("/profile/tokens", "name", "forged", "account_id",
            String.valueOf(person.account().value())).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM credential WHERE user_id = :u AND name = 'forged'")
            .param("u", person.userId()).query(Long.class).single()).isZero();
    }

    @Test
    void aWrongPasswordSaysSoWithoutSayingWhichPart() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = new WebSession(port);

        var failed = browser.signIn(person.email(), "not the password");
        assertThat(location(failed)).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("That email and password do not match.");
        var unknown = new WebSession(port);
        assertThat(location(unknown.signIn("nobody-" + person.email(), PASSWORD))).endsWith("/login?error");
        assertThat(unknown.get("/login?error").body()).contains("That email and password do not match.");
    }

    @Test
    void fiveWrongPasswordsLockTheEmailForAWhile() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = new WebSession(port);
        for (int i = 0; i < 5; i++) {
            browser.signIn(person.email(), "wrong password " + i);
        }

        // even the right password is refused while locked
        assertThat(location(browser.signIn(person.email(), PASSWORD))).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Too many failed sign-ins for this email")
            .contains("15 minutes");
        // the lock is per email (and not per letter case)
        assertThat(location(new WebSession(port).signIn(person.email().toUpperCase(), PASSWORD)))
            .endsWith("/login?error");

        // a quarter of an hour later it opens again, and a success forgets the failures
        jdbc.sql("UPDATE sign_in_failure SET last_failure = last_failure - interval '16 minutes' WHERE email = :e")
            .param("e", person.email()).update();
        assertThat(location(new WebSession(port).signIn(person.email(), PASSWORD))).endsWith("/timesheet");
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE email = :e")
            .param("e", person.email()).query(Long.class).single()).isZero();
    }

    @Test
    void aPersonCreatesATokenSeesItOnceUsesItAndRevokesIt() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var second = fixtures.join(person, fixtures.anAccount("Side business").account(), Role.MEMBER);
        var browser = new WebSession(port);
        browser.signIn(person.email(), PASSWORD);
        var profile = browser.get("/profile").body();
        assertThat(profile).contains("Side business");

        var created = browser.post("/profile/tokens", "name", "Invoicing run",
            "account_id", String.valueOf(second.account().value()), "_csrf", hidden(profile, "_csrf"));
        var shown = browser.get(location(created)).body();
        var matcher = REVEALED.matcher(shown);
        assertThat(matcher.find()).as("the token is revealed").isTrue();
        var token = matcher.group(1);
        assertThat(shown).contains("Invoicing run").contains(token.substring(0, 12) + "…");

        // only once
        assertThat(browser.get("/profile").body()).doesNotContain(token).contains(token.substring(0, 12) + "…");
        // it acts in the account chosen for it
        assertThat(api.bearer(token).get("/api/v1/accounts/current").expect(200).json().get("id").stringValue())
            .isEqualTo(second.account().toString());

        long id = jdbc.sql("SELECT id FROM credential WHERE user_id = :u AND name = 'Invoicing run'")
            .param("u", person.userId()).query(Long.class).single();
        // when it was made, in the person's own time zone, as the other pages write a day
        jdbc.sql("UPDATE app_user SET time_zone = 'Asia/Kolkata' WHERE id = :u").param("u", person.userId()).update();
        var made = jdbc.sql("SELECT created_at FROM credential WHERE id = :id").param("id", id)
            .query(java.sql.Timestamp.class).single().toInstant();
        var page = browser.get("/profile").body();
        assertThat(page).contains("<td>" + Periods.moment(made, java.time.ZoneId.of("Asia/Kolkata")) + "</td>");
        assertThat(location(browser.post("/profile/tokens/" + id + "/revoke", "_csrf", hidden(page, "_csrf"))))
            .endsWith("/profile");
        api.bearer(token).get("/api/v1/users/me").expect(401);
        var after = browser.get("/profile").body().split("id=\"activity\"");
        assertThat(after[0]).as("no longer listed").doesNotContain("Invoicing run");
        assertThat(after[1]).as("but on the security activity").contains("Access token revoked", "Invoicing run");
    }

    @Test
    void theLegacyApiKeyIsMadeAndReplacedOnTheProfilePage() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = new WebSession(port);
        browser.signIn(person.email(), PASSWORD);
        var profile = browser.get("/profile").body();
        assertThat(profile).contains("You have no API key.");

        var first = revealedKey(browser, browser.post("/profile/api-key", "_csrf", hidden(profile, "_csrf")));
        api.apiKey(first).get("/api/v1/users/me").expect(200);
        var page = browser.get("/profile").body();
        assertThat(page).contains("Your key starts").contains(first.substring(0, 12)).doesNotContain(first);

        var second = revealedKey(browser, browser.post("/profile/api-key", "_csrf", hidden(page, "_csrf")));
        api.apiKey(second).get("/api/v1/users/me").expect(200);
        api.apiKey(first).get("/api/v1/users/me").expect(401);
    }

    private static String revealedKey(WebSession browser, java.net.http.HttpResponse<String> created) {
        var matcher = Pattern.compile("id=\"revealed\">(tlk_[A-Za-z0-9_-]+)<").matcher(browser.get(location(created)).body());
        assertThat(matcher.find()).as("the key is revealed").isTrue();
        return matcher.group(1);
    }

    @Test
    void aTokenNeedsANameAndAnAccountOfTheirs() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var stranger = fixtures.anAccount();
        var browser = new WebSession(port);
        browser.signIn(person.email(), PASSWORD);
        var csrf = hidden(browser.get("/profile").body(), "_csrf");

        browser.post("/profile/tokens", "name", " ", "account_id", String.valueOf(person.account().value()),
            "_csrf", csrf);
        assertThat(browser.get("/profile").body()).contains("Give the token a name");
        browser.post("/profile/tokens", "name", "sneaky", "account_id", String.valueOf(stranger.account().value()),
            "_csrf", csrf);
        assertThat(browser.get("/profile").body()).contains("You do not belong to that account.");
        assertThat(jdbc.sql("SELECT count(*) FROM credential WHERE user_id = :u AND name = 'sneaky'")
            .param("u", person.userId()).query(Long.class).single()).isZero();
    }

    @Test
    void nobodyRevokesSomeoneElsesToken() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var victim = fixtures.anAccount();
        long victimToken = jdbc.sql("SELECT id FROM credential WHERE user_id = :u")
            .param("u", victim.userId()).query(Long.class).single();
        var browser = new WebSession(port);
        browser.signIn(person.email(), PASSWORD);

        var answer = browser.post("/profile/tokens/" + victimToken + "/revoke",
            "_csrf", hidden(browser.get("/profile").body(), "_csrf"));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("not yours");
        api.bearer(victim.token()).get("/api/v1/users/me").expect(200);
    }

    @Test
    void aBrokenLinkAnswersWithAPageNotJson() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = new WebSession(port);
        browser.signIn(person.email(), PASSWORD);
        var csrf = hidden(browser.get("/profile").body(), "_csrf");

        var noClient = browser.get("/oauth/consent");
        assertThat(noClient.statusCode()).isEqualTo(400);
        assertThat(noClient.body()).contains("<!DOCTYPE html>").contains("incomplete or malformed");
        var unknownClient = browser.get("/oauth/consent?client_id=nope&state=x");
        assertThat(unknownClient.statusCode()).isEqualTo(400);
        assertThat(unknownClient.body()).contains("<!DOCTYPE html>").contains("unknown client_id");
        var nowhere = browser.get("/no-such-page");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("<!DOCTYPE html>").contains("There is no such page.");
        assertThat(api.bearer(person.token()).get("/api/v1/no-such-endpoint").expect(404).json().get("error")
            .stringValue()).contains("No such endpoint");
        var notAnId = browser.post("/profile/tokens/abc/revoke", "_csrf", csrf);
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(notAnId.body()).contains("<!DOCTYPE html>");

        // a page that failed keeps the way on: the header's sections and the timesheet one click away
        var someoneElses = browser.get("/invoices/" + Long.MAX_VALUE);
        assertThat(someoneElses.statusCode()).isEqualTo(404);
        assertThat(someoneElses.body()).contains("That does not exist, or it is not yours.", "aria-label=\"Main\"",
            ">Invoices</a>", "Back to your timesheet");
        // and someone in no account, whose error that is, is sent to their profile
        var nobody = fixtures.anAccountSigningInWith(PASSWORD);
        jdbc.sql("UPDATE membership SET archived = true WHERE user_id = :u").param("u", nobody.userId()).update();
        var theirs = WebSession.signedIn(port, nobody.email(), PASSWORD).get("/timesheet");
        assertThat(theirs.statusCode()).isEqualTo(403);
        assertThat(theirs.body()).contains("You belong to no active account", "Back to your profile")
            .doesNotContain("aria-label=\"Main\"");
    }

}
