package io.timeledger.web;

import static io.timeledger.support.WebSession.hidden;
import static io.timeledger.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.WebSession;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The profile's "You" and "Password": a person changes their own name, email and time zone, and
 * their password after showing the current one, under the sign-in form's brute-force rule.
 */
@ApiTest
class ProfileDetailsTests {

    static final String PASSWORD = "correct horse battery";
    static final String NEW_PASSWORD = "a much longer passphrase";

    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @Test
    void aPersonChangesTheirNameAndTimeZone() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = WebSession.signedIn(port, person.email(), PASSWORD);

        var saved = browser.post("/profile/details", "first_name", "Ngozi", "last_name", "Okafor",
            "email", person.email(), "time_zone", "Africa/Lagos", "_csrf", csrf(browser));
        assertThat(location(saved)).endsWith("/profile");
        var page = HtmlUtils.htmlUnescape(browser.get("/profile").body());
        assertThat(page).contains("Saved your details.", "Ngozi Okafor", "<option value=\"Africa/Lagos\" selected");
        assertThat(jdbc.sql("SELECT time_zone FROM app_user WHERE id = :u").param("u", person.userId())
            .query(String.class).single()).isEqualTo("Africa/Lagos");

        // what the core refuses is said, field by field, and nothing is stored
        browser.post("/profile/details", "first_name", "X".repeat(300), "last_name", "Okafor",
            "email", "not an email", "time_zone", "Mars/Olympus", "current_password", PASSWORD, "_csrf", csrf(browser));
        assertThat(HtmlUtils.htmlUnescape(browser.get("/profile").body()))
            .contains("Email is not a valid email address", "First name is too long", "Time zone must be a time zone");
        assertThat(jdbc.sql("SELECT first_name FROM app_user WHERE id = :u").param("u", person.userId())
            .query(String.class).single()).isEqualTo("Ngozi");
    }

    @Test
    void aNewEmailIsWhatThePersonSignsInWithAndOtherBrowsersAreSignedOut() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = WebSession.signedIn(port, person.email(), PASSWORD);
        var phone = WebSession.signedIn(port, person.email(), PASSWORD);
        var taken = fixtures.anAccountSigningInWith(PASSWORD).email();
        var email = "renamed-" + UUID.randomUUID() + "@example.com";

        // someone else's email is refused
        browser.post("/profile/details", "first_name", "Pat", "last_name", "Doe", "email", taken.toUpperCase(),
            "time_zone", "UTC", "current_password", PASSWORD, "_csrf", csrf(browser));
        assertThat(browser.get("/profile").body()).contains("Email has already been taken.");

        // a new email takes the account with it: the current password first
        browser.post("/profile/details", "first_name", "Pat", "last_name", "Doe", "email", email,
            "time_zone", "UTC", "_csrf", csrf(browser));
        assertThat(browser.get("/profile").body()).contains("Your current password is needed to change the email.");
        browser.post("/profile/details", "first_name", "Pat", "last_name", "Doe", "email", email,
            "time_zone", "UTC", "current_password", "not it", "_csrf", csrf(browser));
        assertThat(browser.get("/profile").body()).contains("Your current password is not right.");
        assertThat(location(new WebSession(port).signIn(email, PASSWORD))).as("unchanged").endsWith("/login?error");

        browser.post("/profile/details", "first_name", "Pat", "last_name", "Doe", "email", email,
            "time_zone", "UTC", "current_password", PASSWORD, "_csrf", csrf(browser));
        var profile = browser.get("/profile");
        assertThat(profile.statusCode()).as("this browser goes on under the new email").isEqualTo(200);
        assertThat(profile.body()).contains("Sign in with " + email + " from now on; your other browsers were"
            + " signed out.");
        assertThat(profile.body().split("id=\"browsers\"")[1]).as("the session is found under the new email")
            .contains("This browser");
        assertThat(browser.get("/timesheet").statusCode()).isEqualTo(200);
        assertThat(location(phone.get("/timesheet"))).as("the other browser is signed out").contains("/login");

        assertThat(location(new WebSession(port).signIn(email, PASSWORD))).endsWith("/timesheet");
        assertThat(location(new WebSession(port).signIn(person.email(), PASSWORD))).endsWith("/login?error");
    }

    @Test
    void aPersonChangesTheirPasswordAfterShowingTheCurrentOne() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = WebSession.signedIn(port, person.email(), PASSWORD);
        var laptop = WebSession.signedIn(port, person.email(), PASSWORD);

        browser.post("/profile/password", "current_password", "not it", "password", NEW_PASSWORD,
            "confirmation", NEW_PASSWORD, "_csrf", csrf(browser));
        assertThat(browser.get("/profile").body()).contains("Your current password is not right.");
        browser.post("/profile/password", "current_password", PASSWORD, "password", "short",
            "confirmation", "short", "_csrf", csrf(browser));
        assertThat(browser.get("/profile").body()).contains("The new password is too short (minimum is 10 characters).");
        browser.post("/profile/password", "current_password", PASSWORD, "password", NEW_PASSWORD,
            "confirmation", NEW_PASSWORD + "!", "_csrf", csrf(browser));
        assertThat(browser.get("/profile").body()).contains("The new password and its repetition differ");
        assertThat(location(new WebSession(port).signIn(person.email(), PASSWORD))).as("nothing changed yet")
            .endsWith("/timesheet");

        browser.post("/profile/password", "current_password", PASSWORD, "password", NEW_PASSWORD,
            "confirmation", NEW_PASSWORD, "_csrf", csrf(browser));
        var page = browser.get("/profile").body();
        assertThat(page).contains("Your password was changed; your other browsers were signed out.");
        assertThat(page.split("id=\"activity\"")[1]).contains("Password changed", "Sign-in failed");
        assertThat(location(laptop.get("/timesheet"))).contains("/login");
        assertThat(location(new WebSession(port).signIn(person.email(), PASSWORD))).endsWith("/login?error");
        assertThat(location(new WebSession(port).signIn(person.email(), NEW_PASSWORD))).endsWith("/timesheet");
    }

    @Test
    void aBrowserLeftSignedInCannotGuessThePassword() {
        var person = fixtures.anAccountSigningInWith(PASSWORD);
        var browser = WebSession.signedIn(port, person.email(), PASSWORD);
        for (int i = 0; i < 5; i++) {
            browser.post("/profile/password", "current_password", "guess " + i, "password", NEW_PASSWORD,
                "confirmation", NEW_PASSWORD, "_csrf", csrf(browser));
        }

        // locked as the sign-in form is: even the right password is refused for a while, there and here
        browser.post("/profile/password", "current_password", PASSWORD, "password", NEW_PASSWORD,
            "confirmation", NEW_PASSWORD, "_csrf", csrf(browser));
        assertThat(browser.get("/profile").body()).contains("Your current password was wrong too many times;"
            + " try again in 15 minutes.");
        assertThat(location(new WebSession(port).signIn(person.email(), PASSWORD))).endsWith("/login?error");
        assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE id = :u").param("u", person.userId())
            .query(String.class).single()).as("unchanged").startsWith("{bcrypt}");
        jdbc.sql("UPDATE sign_in_failure SET last_failure = last_failure - interval '16 minutes' WHERE email = :e")
            .param("e", person.email()).update();
        assertThat(location(new WebSession(port).signIn(person.email(), PASSWORD))).endsWith("/timesheet");
    }

    private static String csrf(WebSession browser) {
        return hidden(browser.get("/profile").body(), "_csrf");
    }
}
