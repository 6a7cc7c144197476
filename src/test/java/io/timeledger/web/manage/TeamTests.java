package io.timeledger.web.manage;

import static io.timeledger.support.WebSession.hidden;
import static io.timeledger.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.audit.AuditTrail;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.TestClock;
import io.timeledger.support.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The team page: an administrator invites a person, who sets a password through the one-time link
 * and signs in; roles, rates and archiving as the APIs decide; a link works once, until it expires.
 */
@ApiTest
class TeamTests {

    static final String PASSWORD = "correct horse battery";
    static final Pattern LINK = Pattern.compile("id=\"revealed\">(http[^<]+/welcome\\?link=(tlw_[A-Za-z0-9_-]+))<");

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Autowired TestClock clock;
    @Value("${local.server.port}") int port;

    @Test
    void anInvitedPersonSetsTheirPasswordWithTheLinkAndSignsIn() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var pages = WebSession.signedIn(port, admin.email(), PASSWORD);

        var invited = pages.submit("/manage/team", "email", "sam@invited.example", "first_name", "Sam",
            "last_name", "Lee", "role", "manager", "rate", "95");
        assertThat(invited).contains("Added Sam Lee.", "Invited", "sam@invited.example", "95.00");
        var link = link(invited);
        var caller = api.bearer(admin.token());
        assertThat(caller.get("/v2/users?is_active=true").expect(200).json().get("users").toString())
            .contains("sam@invited.example", "\"access_roles\":[\"manager\"");

        var sam = new WebSession(port);
        var welcome = sam.get(link);
        assertThat(welcome.statusCode()).isEqualTo(200);
        assertThat(text(welcome))
            .contains("Choose a password for sam@invited.example; you sign in with your email and this password.");
        var csrf = hidden(welcome.body(), "_csrf");
        var secret = LINK.matcher(invited).results().findFirst().orElseThrow().group(2);
        var mismatch = sam.post("/welcome", "link", secret, "password", "a fine password", "confirmation",
            "a fine passwort", "_csrf", csrf);
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(text(mismatch)).contains("The two passwords differ");
        var tooShort = sam.post("/welcome", "link", secret, "password", "short", "confirmation", "short",
            "_csrf", csrf);
        assertThat(text(tooShort)).contains("Password is too short (minimum is 10 characters).");

        var set = sam.post("/welcome", "link", secret, "password", "a fine password", "confirmation",
            "a fine password", "_csrf", csrf);
        assertThat(location(set)).endsWith("/login");
        var signIn = sam.get("/login");
        assertThat(text(signIn))
            .contains("Your password is set: sign in with sam@invited.example and your new password.");
        assertThat(signIn.body()).as("the email filled in").contains("value=\"sam@invited.example\"");
        assertThat(location(sam.signIn("sam@invited.example", "a fine password"))).endsWith("/timesheet");
        assertThat(sam.get("/timesheet").body()).contains("href=\"/manage/clients\"");

        assertThat(new WebSession(port).get(link).statusCode()).as("a link works once").isEqualTo(410);
        assertThat(text(pages.get("/manage/team"))).doesNotContain("Invited");
    }

    @Test
    void aResetLinkExpiresAndAnOlderOneIsReplaced() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var member = fixtures.aMemberSigningInWith(admin.account(), PASSWORD);
        var pages = WebSession.signedIn(port, admin.email(), PASSWORD);

        var first = secret(pages.submit("/manage/team/" + member.membershipId() + "/password-link"));
        var second = secret(pages.submit("/manage/team/" + member.membershipId() + "/password-link"));
        var anyone = new WebSession(port);
        assertThat(anyone.get("/welcome?link=" + first).statusCode()).as("replaced by the newer link").isEqualTo(410);
        assertThat(text(anyone.get("/welcome?link=" + second))).contains("Set a new password");
        assertThat(audit.ofUser(member.userId(), 1).get(0).kind().wire()).isEqualTo("password_link.created");

        clock.advance(Duration.ofDays(8));
        try {
            assertThat(anyone.get("/welcome?link=" + second).statusCode()).as("expired").isEqualTo(410);
        } finally {
            clock.advance(Duration.ofDays(-8));
        }
        assertThat(WebSession.signedIn(port, member.email(), PASSWORD).get("/timesheet").statusCode())
            .as("the current password works until a link is used").isEqualTo(200);
        assertThat(anyone.get("/welcome?link=tlw_not-a-link").statusCode()).isEqualTo(410);
    }

    @Test
    void rolesRatesAndArchivingAreTheApisAndOnlyAdministratorsChangeThem() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var manager = fixtures.aMemberSigningInWith(admin.account(), PASSWORD);
        var pages = WebSession.signedIn(port, admin.email(), PASSWORD);

        assertThat(pages.submit("/manage/team/" + manager.membershipId(), "role", "manager", "billing_rate", "110",
            "cost_rate", "55")).contains("Saved Pat Doe.", "value=\"110.00\"", "value=\"55.00\"");
        var managerPages = WebSession.signedIn(port, manager.email(), PASSWORD);
        var seen = text(managerPages.get("/manage/team"));
        assertThat(seen).contains(manager.email(), "110.00", "Cost rate").doesNotContain("Invite a person");
        assertThat(managerPages.get("/manage/team/" + admin.membershipId()).statusCode()).isEqualTo(403);
        assertThat(managerPages.postForm("/manage/team", "email", "x@example.com", "role", "member").statusCode())
            .isEqualTo(403);
        assertThat(text(pages.get("/manage/team"))).doesNotContain("x@example.com");

        assertThat(pages.submit("/manage/team/" + admin.membershipId(), "role", "member", "billing_rate", "",
            "cost_rate", ""))
            .contains("Role cannot be changed: " + admin.email() + " is the account's only administrator.");
        assertThat(pages.submit("/manage/team/" + manager.membershipId() + "/archive"))
            .contains("Archived Pat Doe: they can no longer track time here");
        assertThat(text(pages.get("/manage/team"))).doesNotContain(manager.email());
        assertThat(text(pages.get("/manage/team?archived=true"))).contains(manager.email(), "Archived");

        var other = fixtures.anAccountSigningInWith(PASSWORD);
        var elsewhere = WebSession.signedIn(port, other.email(), PASSWORD);
        assertThat(elsewhere.get("/manage/team/" + manager.membershipId()).statusCode()).isEqualTo(404);
        assertThat(elsewhere.postForm("/manage/team/" + manager.membershipId() + "/password-link").statusCode())
            .isEqualTo(404);
    }

    private static String link(String page) {
        var matcher = LINK.matcher(page);
        assertThat(matcher.find()).as("the link shown once").isTrue();
        return matcher.group(1);
    }

    private static String secret(String page) {
        var matcher = LINK.matcher(page);
        assertThat(matcher.find()).as("the link shown once").isTrue();
        return matcher.group(2);
    }

    private static String text(HttpResponse<String> response) {
        return HtmlUtils.htmlUnescape(response.body());
    }
}
