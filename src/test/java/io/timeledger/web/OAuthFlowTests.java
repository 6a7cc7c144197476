package io.timeledger.web;

import static io.timeledger.support.WebSession.hidden;
import static io.timeledger.support.WebSession.location;
import static io.timeledger.support.WebSession.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.timeledger.auth.OAuthClients;
import io.timeledger.auth.Passwords;
import io.timeledger.core.account.Role;
import io.timeledger.core.audit.AuditTrail;
import io.timeledger.core.common.Invalid;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.Response;
import io.timeledger.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The authorization-code flow end to end over HTTP, as an app and a person in a browser run it. */
@ApiTest
class OAuthFlowTests {

    static final String CALLBACK = "http://localhost:9999/callback";
    static final String PASSWORD = "correct horse battery";
    static final String VERIFIER = "a-verifier-of-at-least-forty-three-characters-0123456789";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Passwords passwords;
    @Autowired OAuthClients clients;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Value("${local.server.port}") int port;

    record App(String clientId, String secret) { }

    @Test
    void aPublicAppGetsATokenBoundToTheAccountChosenOnTheConsentPage() {
        var person = personWithPassword("First");
        var second = fixtures.join(person, fixtures.anAccount("Second").account(), Role.MEMBER);
        var app = app(false);
        var browser = signedIn(person);

        var consent = browser.get(location(browser.get(authorizeUrl(app, "read write", challenge(VERIFIER)))));
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains("Test app").contains("First").contains("Second");

        var code = approve(browser, consent.body(), second.account().value(), "read", "write");
        var tokens = token(app, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK,
            "client_id", app.clientId(), "code_verifier", VERIFIER).expect(200).json();

        assertThat(tokens.get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(tokens.get("scope").stringValue()).isEqualTo("read write");
        assertThat(tokens.get("expires_in").asLong()).isBetween(3500L, 3600L);
        assertThat(tokens.has("refresh_token")).as("public apps sign in again instead").isFalse();
        var token = tokens.get("access_token").stringValue();
        assertThat(token).startsWith("tlo_");

        // the account is the chosen one, whatever a header says
        var current = api.bearer(token).header("X-Account-ID", person.account().toString())
            .get("/api/v1/accounts/current").expect(200).json();
        assertThat(current.get("id").stringValue()).isEqualTo(second.account().toString());
        api.bearer(token).header("Harvest-Account-Id", person.account().toString()).get("/v2/users/me").expect(403);
        api.bearer(token).header("Harvest-Account-Id", second.account().toString()).get("/v2/users/me").expect(200);
        // and it works on every dialect, like a personal access token
        api.bearer(token).get("/v2/company").expect(200);
        api.bearer(token).get("/api/v1/jobs").expect(200);
        api.bearer(token).get("/v1/time-entries").expect(200);
        var entry = api.bearer(token).post("/api/v1/entries",
            "{\"entry\": {\"description\": \"Logged by an app\", \"duration\": 1800, \"date\": \"2026-11-02\"}}")
            .expect(201).json();
        assertThat(jdbc.sql("SELECT account_id FROM entry WHERE id = :id")
            .param("id", Long.parseLong(entry.get("id").stringValue())).query(Long.class).single())
            .isEqualTo(second.account().value());
    }

    @Test
    void theMetadataNamesWhatAnAppCanDoHereAndNoKeySet() {
        var metadata = api.anonymous().get("/.well-known/oauth-authorization-server").expect(200).json();
        var base = "http://localhost:" + port;

        assertThat(metadata.get("authorization_endpoint").stringValue()).isEqualTo(base + "/oauth/authorize");
        assertThat(metadata.get("token_endpoint").stringValue()).isEqualTo(base + "/oauth/token");
        assertThat(metadata.get("revocation_endpoint").stringValue()).isEqualTo(base + "/oauth/revoke");
        assertThat(metadata.get("introspection_endpoint").stringValue()).isEqualTo(base + "/oauth/introspect");
        assertThat(strings(metadata.get("grant_types_supported")))
            .containsExactly("authorization_code", "refresh_token");
        assertThat(strings(metadata.get("token_endpoint_auth_methods_supported")))
            .containsExactly("client_secret_basic", "client_secret_post", "none");
        assertThat(strings(metadata.get("revocation_endpoint_auth_methods_supported")))
            .containsExactly("client_secret_basic", "client_secret_post");
        assertThat(strings(metadata.get("introspection_endpoint_auth_methods_supported")))
            .containsExactly("client_secret_basic", "client_secret_post");
        assertThat(strings(metadata.get("code_challenge_methods_supported"))).containsExactly("S256");
        // access tokens are opaque and nothing is signed: no key set, no DPoP, no certificate binding
        assertThat(metadata.has("jwks_uri")).isFalse();
        assertThat(metadata.has("dpop_signing_alg_values_supported")).isFalse();
        assertThat(metadata.has("tls_client_certificate_bound_access_tokens")).isFalse();
        assertThat(api.anonymous().get("/oauth/jwks").status()).isEqualTo(404);
        assertThat(api.anonymous().get("/oauth2/jwks").status()).as("the library's default path").isNotEqualTo(200);
    }

    @Test
    void theCodeNeedsTheRightVerifierAndWorksOnce() {
        var person = personWithPassword("Pkce");
        var app = app(false);
        var browser = signedIn(person);
        var consent = browser.get(location(browser.get(authorizeUrl(app, "read", challenge(VERIFIER)))));
        var code = approve(browser, consent.body(), person.account().value(), "read");

        token(app, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK,
            "client_id", app.clientId(), "code_verifier", VERIFIER).expect(200);
        var again = token(app, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK,
            "client_id", app.clientId(), "code_verifier", VERIFIER);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").stringValue()).isEqualTo("invalid_grant");
    }

    @Test
    void aCodeThatFailedItsVerifierIsDead() {
        var person = personWithPassword("Pkce guess");
        var app = app(false);
        var browser = signedIn(person);
        var consent = browser.get(location(browser.get(authorizeUrl(app, "read", challenge(VERIFIER)))));
        var code = approve(browser, consent.body(), person.account().value(), "read");

        var wrong = token(app, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK,
            "client_id", app.clientId(), "code_verifier", VERIFIER + "x");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("error").stringValue()).isEqualTo("invalid_grant");
        var right = token(app, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK,
            "client_id", app.clientId(), "code_verifier", VERIFIER);
        assertThat(right.status()).isEqualTo(400);
        assertThat(right.json().get("error").stringValue()).isEqualTo("invalid_grant");
    }

    @Test
    void aSpentRefreshTokenPresentedAgainRevokesEveryTokenOfItsAuthorization() {
        var person = personWithPassword("Stolen refresh");
        var app = app(true);
        var first = tokensFor(app, person, "read write");
        var second = token(app, "grant_type", "refresh_token", "refresh_token",
            first.get("refresh_token").stringValue()).expect(200).json();
        var newest = api.bearer(second.get("access_token").stringValue());
        newest.get("/api/v1/users/me").expect(200);

        var replayed = token(app, "grant_type", "refresh_token", "refresh_token", first.get("refresh_token").stringValue());

        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.json().get("error").stringValue()).isEqualTo("invalid_grant");
        newest.get("/api/v1/users/me").expect(401);
        assertThat(token(app, "grant_type", "refresh_token", "refresh_token",
            second.get("refresh_token").stringValue()).status()).isEqualTo(400);
        assertThat(trail(person)).startsWith("oauth.refresh_reused oauth", "oauth.refreshed oauth",
            "oauth.granted web", "sign_in.succeeded web");
        assertThat(audit.ofUser(person.userId(), 1).get(0).detail()).isEqualTo("“Test app” read write");
        assertThat(audit.ofUser(person.userId(), 1).get(0).accountId()).isEqualTo(person.account().value());
    }

    @Test
    void aRefreshThatNarrowsTheScopeNarrowsItForGood() {
        var person = personWithPassword("Narrowed");
        var app = app(true);
        var first = tokensFor(app, person, "read write");

        var narrowed = token(app, "grant_type", "refresh_token", "refresh_token",
            first.get("refresh_token").stringValue(), "scope", "read").expect(200).json();
        assertThat(narrowed.get("scope").stringValue()).isEqualTo("read");
        var next = token(app, "grant_type", "refresh_token", "refresh_token",
            narrowed.get("refresh_token").stringValue()).expect(200).json();
        assertThat(next.get("scope").stringValue()).isEqualTo("read");
        api.bearer(next.get("access_token").stringValue()).post("/api/v1/contacts",
            "{\"contact\": {\"name\": \"Nope\"}}").expect(403);
        var widened = token(app, "grant_type", "refresh_token", "refresh_token",
            next.get("refresh_token").stringValue(), "scope", "read write");
        assertThat(widened.status()).isEqualTo(400);
        assertThat(widened.json().get("error").stringValue()).isEqualTo("invalid_scope");
    }

    @Test
    void anAppIntrospectsItsOwnTokensAndLearnsNothingOfAnothersApps() {
        var person = personWithPassword("Introspected");
        var owner = app(true);
        var other = app(true);
        var access = tokensFor(owner, person, "read write").get("access_token").stringValue();

        var own = introspect(owner, access).expect(200).json();
        assertThat(own.get("active").asBoolean()).isTrue();
        assertThat(own.get("client_id").stringValue()).isEqualTo(owner.clientId());
        var foreign = introspect(other, access).expect(200).json();
        assertThat(foreign.get("active").asBoolean()).isFalse();
        assertThat(foreign.properties()).hasSize(1);
    }

    @Test
    void aPublicAppMustSendAPkceChallenge() {
        var person = personWithPassword("No PKCE");
        var app = app(false);
        var browser = signedIn(person);

        var answer = location(browser.get(authorizeUrl(app, "read", null)));

        assertThat(answer).startsWith(CALLBACK);
        assertThat(query(answer)).containsEntry("error", "invalid_request");
    }

    @Test
    void aConfidentialAppRefreshesAndTheOldTokensStop() {
        var person = personWithPassword("Refresh");
        var app = app(true);
        var browser = signedIn(person);
        var consent = browser.get(location(browser.get(authorizeUrl(app, "read write", null))));
        var code = approve(browser, consent.body(), person.account().value(), "read", "write");
        var first = token(app, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK)
            .expect(200).json();
        var access = first.get("access_token").stringValue();
        var refresh = first.get("refresh_token").stringValue();
        api.bearer(access).get("/api/v1/users/me").expect(200);

        var second = token(app, "grant_type", "refresh_token", "refresh_token", refresh).expect(200).json();

        var newAccess = second.get("access_token").stringValue();
        assertThat(newAccess).isNotEqualTo(access);
        assertThat(second.get("refresh_token").stringValue()).as("rotated").isNotEqualTo(refresh);
        api.bearer(access).get("/api/v1/users/me").expect(401);
        api.bearer(newAccess).get("/api/v1/users/me").expect(200);
        // the refreshed token stays in the account chosen at consent
        assertThat(api.bearer(newAccess).get("/api/v1/accounts/current").expect(200).json().get("id").stringValue())
            .isEqualTo(person.account().toString());
        // a wrong secret is no client at all
        var stranger = token(new App(app.clientId(), "tls_wrong"), "grant_type", "refresh_token", "refresh_token",
            second.get("refresh_token").stringValue());
        assertThat(stranger.status()).isEqualTo(401);
        api.bearer(newAccess).get("/api/v1/users/me").expect(200);
    }

    @Test
    void aReadTokenCanReadButNotChangeAnything() {
        var person = personWithPassword("Reader");
        var app = app(true);
        var browser = signedIn(person);
        var consent = browser.get(location(browser.get(authorizeUrl(app, "read write", null))));
        // the person grants less than the app asked for
        var code = approve(browser, consent.body(), person.account().value(), "read");
        var tokens = token(app, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK)
            .expect(200).json();
        assertThat(tokens.get("scope").stringValue()).isEqualTo("read");
        var reader = api.bearer(tokens.get("access_token").stringValue());

        reader.get("/api/v1/contacts").expect(200);
        reader.get("/v2/time_entries").expect(200);
        reader.post("/api/v1/reports/generate", "{}").expect(200);
        var refused = reader.post("/api/v1/contacts", "{\"contact\": {\"name\": \"Nope\"}}").expect(403);
        assertThat(refused.json().get("error").stringValue()).contains("read scope");
        reader.post("/v2/clients", "{\"name\": \"Nope\"}").expect(403);
        reader.delete("/api/v1/entries/1").expect(403);
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE account_id = :a")
            .param("a", person.account().value()).query(Long.class).single()).isZero();
    }

    @Test
    void anAppWithoutScopeAsksForReadAndWrite() {
        var person = personWithPassword("Unscoped");
        var app = app(true);
        var browser = signedIn(person);

        var consent = browser.get(location(browser.get(authorizeUrl(app, null, null))));

        assertThat(consent.body()).contains("value=\"read\"").contains("value=\"write\"");
    }

    @Test
    void revokingATokenOrTheAuthorizationTakesEffectOnTheNextRequest() {
        var person = personWithPassword("Revoke");
        var app = app(true);
        var browser = signedIn(person);
        var first = authorizeConfidential(browser, app, person);
        var second = authorizeConfidential(browser, app, person);

        // the app revokes its own token (RFC 7009)
        token(app, "token", first, "token_type_hint", "access_token");
        api.bearer(first).get("/api/v1/users/me").expect(401);
        api.bearer(second).get("/api/v1/users/me").expect(200);

        // the person revokes the app's access on the profile page
        var profile = browser.get("/profile").body();
        assertThat(profile).contains("Connected apps").contains("Test app");
        long grant = jdbc.sql("SELECT id FROM oauth_authorization WHERE user_id = :u AND access_invalidated = false"
                + " AND access_hash IS NOT NULL ORDER BY id DESC LIMIT 1")
            .param("u", person.userId()).query(Long.class).single();
        var revoked = browser.post("/profile/apps/" + grant + "/revoke", "_csrf", hidden(profile, "_csrf"));
        assertThat(location(revoked)).endsWith("/profile");
        api.bearer(second).get("/api/v1/users/me").expect(401);
        // the app's revocation and the person's are both on the trail
        assertThat(trail(person)).startsWith("oauth.revoked web", "oauth.revoked oauth", "oauth.granted web");
    }

    /** The person's newest events, each as its kind and where it came from. */
    private List<String> trail(Person person) {
        return audit.ofUser(person.userId(), 10).stream().map(e -> e.kind().wire() + " " + e.via()).toList();
    }

    @Test
    void anExpiredOrUnknownOAuthTokenIsUnauthorizedInEveryDialect() {
        var person = personWithPassword("Expired");
        var app = app(true);
        var token = authorizeConfidential(signedIn(person), app, person);
        jdbc.sql("UPDATE oauth_authorization SET access_expires_at = now() - interval '1 second' WHERE user_id = :u")
            .param("u", person.userId()).update();

        for (var path : List.of("/api/v1/users/me", "/v2/users/me", "/api/v1/jobs", "/v1/time-entries")) {
            api.bearer(token).get(path).expect(401);
            api.bearer("tlo_no-such-token").get(path).expect(401);
        }
        assertThat(api.bearer(token).get("/v2/users/me").json().get("error").stringValue()).isEqualTo("invalid_token");
    }

    @Test
    void deadAuthorizationsAreForgottenAndNotListed() {
        var person = personWithPassword("Tidy");
        var app = app(true);
        var browser = signedIn(person);
        browser.get(location(browser.get(authorizeUrl(app, "read", null))));   // abandoned at the consent page
        var live = authorizeConfidential(browser, app, person);
        assertThat(jdbc.sql("SELECT count(*) FROM oauth_authorization WHERE user_id = :u")
            .param("u", person.userId()).query(Long.class).single()).isEqualTo(2);

        // two days later the abandoned one is gone when a new authorization begins; the live one stays
        jdbc.sql("UPDATE oauth_authorization SET created_at = created_at - interval '2 days' WHERE user_id = :u")
            .param("u", person.userId()).update();
        browser.get(authorizeUrl(app, "read", null));

        assertThat(jdbc.sql("SELECT count(*) FROM oauth_authorization WHERE user_id = :u AND account_id IS NULL"
            + " AND created_at < now() - interval '1 day'").param("u", person.userId()).query(Long.class).single())
            .isZero();
        api.bearer(live).get("/api/v1/users/me").expect(200);
        assertThat(browser.get("/profile").body()).contains("Test app");

        // once its tokens are revoked, the app is no longer listed
        jdbc.sql("UPDATE oauth_authorization SET access_invalidated = true, refresh_invalidated = true"
            + " WHERE user_id = :u").param("u", person.userId()).update();
        assertThat(browser.get("/profile").body()).contains("No apps are connected.");
    }

    @Test
    void theConsentPageRefusesAnAccountThePersonIsNotIn() {
        var person = personWithPassword("Mine");
        var other = fixtures.anAccount("Not mine");
        var app = app(true);
        var browser = signedIn(person);
        var consent = browser.get(location(browser.get(authorizeUrl(app, "read", null)))).body();

        var answer = browser.post("/oauth/authorize", "client_id", app.clientId(), "state", hidden(consent, "state"),
            "scope", "read", "account_id", String.valueOf(other.account().value()), "_csrf", hidden(consent, "_csrf"));

        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("code=");
        assertThat(jdbc.sql("SELECT count(*) FROM oauth_authorization WHERE user_id = :u AND account_id IS NOT NULL")
            .param("u", person.userId()).query(Long.class).single()).isZero();
    }

    @Test
    void aTamperedAccountChoiceIsAnInvalidRequestNeverAFailure() {
        var person = personWithPassword("Tampered");
        var other = fixtures.anAccount("Someone else's");
        var app = app(true);
        var mine = String.valueOf(person.account().value());
        for (List<String> tampering : List.<List<String>>of(List.of("account_id", String.valueOf(other.account().value())),
                List.of("account_id", "abc"), List.of("account_id", ""), List.of(),
                List.of("account_id", mine, "account_id", String.valueOf(other.account().value())),
                List.of("account_id", mine, "account_id", mine))) {
            var browser = signedIn(person);
            var consent = browser.get(location(browser.get(authorizeUrl(app, "read", null)))).body();
            var fields = new ArrayList<>(List.of("client_id", app.clientId(), "state", hidden(consent, "state"),
                "scope", "read", "_csrf", hidden(consent, "_csrf")));
            fields.addAll(tampering);

            var answer = browser.post("/oauth/authorize", fields.toArray(String[]::new));

            assertThat(answer.statusCode()).as(tampering.toString()).isBetween(300, 499);
            var callback = answer.headers().firstValue("Location").orElse("");
            assertThat(callback).as(tampering.toString()).doesNotContain("code=");
            if (!callback.isEmpty()) {
                assertThat(query(callback)).as(tampering.toString()).containsEntry("error", "invalid_request");
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM oauth_authorization WHERE user_id = :u AND account_id IS NOT NULL")
            .param("u", person.userId()).query(Long.class).single()).isZero();
    }

    @Test
    void denyingSendsThePersonBackWithAccessDenied() {
        var person = personWithPassword("Deny");
        var app = app(true);
        var browser = signedIn(person);
        var consent = browser.get(location(browser.get(authorizeUrl(app, "read", null)))).body();

        var answer = location(browser.post("/oauth/authorize", "client_id", app.clientId(),
            "state", hidden(consent, "state"), "_csrf", hidden(consent, "_csrf")));

        assertThat(answer).startsWith(CALLBACK);
        assertThat(query(answer)).containsEntry("error", "access_denied").containsEntry("state", "s-123");
    }

    @Test
    void signingInIsNeededFirstAndComesBackToTheAuthorization() {
        var person = personWithPassword("Later");
        var app = app(true);
        var browser = new WebSession(port);

        var toLogin = location(browser.get(authorizeUrl(app, "read", null)));
        assertThat(toLogin).endsWith("/login");
        var back = location(browser.signIn(person.email(), PASSWORD));

        assertThat(back).contains("/oauth/authorize").contains("client_id=" + app.clientId());
        assertThat(location(browser.get(back))).contains("/oauth/consent");
    }

    @Test
    void redirectUrisMustBeHttpsOrLoopback() {
        assertThatThrownBy(() -> clients.register("Bad", List.of("http://example.com/cb"), true))
            .isInstanceOf(Invalid.class).hasMessageContaining("https");
        assertThatThrownBy(() -> clients.register("Bad", List.of("https://example.com/cb#x"), true))
            .isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> clients.register("", List.of("https://example.com/cb"), true))
            .isInstanceOf(Invalid.class);
        var app = clients.register("Good", List.of("https://example.com/cb", "http://127.0.0.1:7000/cb"), true);
        assertThat(clients.all()).anySatisfy(c -> assertThat(c.clientId()).isEqualTo(app.clientId()));
        clients.delete(app.clientId());
        assertThat(clients.all()).noneSatisfy(c -> assertThat(c.clientId()).isEqualTo(app.clientId()));
    }

    // --- the steps

    private Person personWithPassword(String accountName) {
        var person = fixtures.anAccount(accountName);
        passwords.set(person.userId(), PASSWORD);
        return person;
    }

    private WebSession signedIn(Person person) {
        var browser = new WebSession(port);
        assertThat(location(browser.signIn(person.email(), PASSWORD))).endsWith("/timesheet");
        return browser;
    }

    private App app(boolean confidential) {
        var client = clients.register("Test app", List.of(CALLBACK), confidential);
        return new App(client.clientId(), client.secret());
    }

    private static String authorizeUrl(App app, String scope, String challenge) {
        var fields = new ArrayList<>(List.of("response_type", "code", "client_id", app.clientId(),
            "redirect_uri", CALLBACK, "state", "s-123"));
        if (scope != null) {
            fields.addAll(List.of("scope", scope));
        }
        if (challenge != null) {
            fields.addAll(List.of("code_challenge", challenge, "code_challenge_method", "S256"));
        }
        return "/oauth/authorize?" + WebSession.form(fields).replace("+", "%20");
    }

    /** Submits the consent form with these scopes and account; answers the code the app receives. */
    private static String approve(WebSession browser, String consentPage, long accountId, String... scopes) {
        var fields = new ArrayList<>(List.of("client_id", hidden(consentPage, "client_id"),
            "state", hidden(consentPage, "state"), "account_id", String.valueOf(accountId),
            "_csrf", hidden(consentPage, "_csrf")));
        for (var scope : scopes) {
            fields.addAll(List.of("scope", scope));
        }
        var callback = location(browser.post("/oauth/authorize", fields.toArray(String[]::new)));
        assertThat(callback).startsWith(CALLBACK);
        assertThat(query(callback)).containsEntry("state", "s-123");
        return query(callback).get("code");
    }

    /** A confidential app's first tokens, for these scopes in the person's own account. */
    private JsonNode tokensFor(App app, Person person, String scope) {
        var browser = signedIn(person);
        var consent = browser.get(location(browser.get(authorizeUrl(app, scope, null))));
        var code = approve(browser, consent.body(), person.account().value(), scope.split(" "));
        return token(app, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK)
            .expect(200).json();
    }

    private Response introspect(App app, String token) {
        return api.anonymous().header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (app.clientId() + ":" + app.secret()).getBytes(StandardCharsets.UTF_8)))
            .send("POST", "/oauth/introspect", WebSession.form(List.of("token", token)),
                "application/x-www-form-urlencoded");
    }

    private String authorizeConfidential(WebSession browser, App app, Person person) {
        var consent = browser.get(location(browser.get(authorizeUrl(app, "read write", null))));
        var code = approve(browser, consent.body(), person.account().value(), "read", "write");
        return token(app, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK)
            .expect(200).json().get("access_token").stringValue();
    }

    /** Calls the token endpoint (or revocation, when the fields hold a token); confidential apps use Basic. */
    private Response token(App app, String... fields) {
        var caller = api.anonymous();
        if (app.secret() != null) {
            caller = caller.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (app.clientId() + ":" + app.secret()).getBytes(StandardCharsets.UTF_8)));
        }
        boolean revocation = List.of(fields).contains("token");
        return caller.send("POST", revocation ? "/oauth/revoke" : "/oauth/token", WebSession.form(List.of(fields)),
            "application/x-www-form-urlencoded");
    }

    private static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(value -> values.add(value.stringValue()));
        return values;
    }
}
