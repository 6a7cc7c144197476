package io.timeledger.web;

import static io.timeledger.support.WebSession.hidden;
import static io.timeledger.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.auth.Passwords;
import io.timeledger.core.account.NewUser;
import io.timeledger.core.account.People;
import io.timeledger.support.ApiTest;
import io.timeledger.support.WebSession;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sign-in lockout holds against many attempts at once and against other spellings of an email. */
@ApiTest
class SignInThrottleTests {

    static final String PASSWORD = "correct horse battery";
    static final String WRONG = "That email and password do not match.";
    static final String LOCKED = "Too many failed sign-ins for this email";

    @Autowired People people;
    @Autowired Passwords passwords;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @Test
    void sixtyWrongPasswordsAtOnceGetNoMoreThanFiveChecked() throws Exception {
        var email = aUser("racer");
        int attempts = 60;
        var browsers = new ArrayList<WebSession>();
        var csrfs = new ArrayList<String>();
        for (int i = 0; i < attempts; i++) {
            var browser = new WebSession(port);
            csrfs.add(hidden(browser.get("/login").body(), "_csrf"));
            browsers.add(browser);
        }
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(attempts);
        try {
            var answers = new ArrayList<CompletableFuture<String>>();
            for (int i = 0; i < attempts; i++) {
                var browser = browsers.get(i);
                var csrf = csrfs.get(i);
                var password = "wrong password " + i;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    var posted = browser.post("/login", "email", email, "password", password, "_csrf", csrf);
                    return browser.get(location(posted)).body();
                }, pool));
            }
            start.countDown();
            int checked = 0;
            int refused = 0;
            for (var answer : answers) {
                var page = answer.get();
                if (page.contains(WRONG)) {
                    checked++;
                } else if (page.contains(LOCKED)) {
                    refused++;
                }
            }
            assertThat(checked).as("passwords checked").isEqualTo(5);
            assertThat(refused).as("attempts refused unchecked").isEqualTo(attempts - 5);
        } finally {
            pool.shutdownNow();
        }
        // and the right password is refused too, until the lock has passed
        assertThat(signIn(email, PASSWORD)).contains(LOCKED);
    }

    @Test
    void noOtherSpellingOfAnEmailSignsInOrGetsFreshTries() {
        var email = aUser("kiss-victim");
        // U+0130 capital I with dot, U+0131 dotless i, U+212A Kelvin sign, U+017F long s: each folds to an
        // ASCII letter under some locale's rules
        var lookalikes = List.of(email.replaceFirst("i", "\u0130"), email.replaceFirst("i", "\u0131"),
            email.replaceFirst("k", "\u212A"), email.replaceFirst("s", "\u017F"));
        for (var lookalike : lookalikes) {
            assertThat(signIn(lookalike, PASSWORD)).as(lookalike).contains(WRONG);
        }
        assertThat(location(new WebSession(port).signIn("  " + email.toUpperCase(java.util.Locale.ROOT), PASSWORD)))
            .as("ASCII letter case and surrounding spaces do not matter").endsWith("/timesheet");

        for (int i = 0; i < 5; i++) {
            assertThat(signIn(email, "wrong password " + i)).contains(WRONG);
        }
        assertThat(signIn(email.toUpperCase(java.util.Locale.ROOT), PASSWORD)).contains(LOCKED);
        for (var lookalike : lookalikes) {
            assertThat(signIn(lookalike, PASSWORD)).as(lookalike).doesNotContain("Manage access tokens");
        }
        assertThat(jdbc.sql("SELECT failures FROM sign_in_failure WHERE email = :e").param("e", email)
            .query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void anEmailTakenInAnotherLetterCaseCannotBeTakenAgain() {
        var email = aUser("taken");
        var again = org.assertj.core.api.Assertions.catchThrowable(() ->
            people.createUser(new NewUser(" " + email.toUpperCase(java.util.Locale.ROOT), "Other", "Person", "UTC")));
        assertThat(again).hasMessageContaining("has already been taken");
        assertThat(people.userByEmail(email.toUpperCase(java.util.Locale.ROOT))).isPresent();
        assertThat(people.userByEmail(email.replaceFirst("a", "\u0430"))).as("Cyrillic a").isEmpty();
    }

    /** Signs in with a browser of its own and answers the page it lands on. */
    private String signIn(String email, String password) {
        var browser = new WebSession(port);
        return browser.get(location(browser.signIn(email, password))).body();
    }

    private String aUser(String name) {
        var email = name + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@mail.io";
        var user = people.createUser(new NewUser(email, "Vic", "Tim", "UTC"));
        passwords.set(user.id(), PASSWORD);
        return email;
    }
}
