package io.timeledger.web;

import static io.timeledger.support.WebSession.hidden;
import static io.timeledger.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** People's avatars: drawn initials or an uploaded picture, at one absolute URL every dialect shows. */
@ApiTest
class AvatarTests {

    /** The smallest PNG: one transparent pixel. */
    static final byte[] PNG = java.util.HexFormat.of().parseHex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            + "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082");

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Value("${local.server.port}") int port;

    @Test
    void everyDialectShowsOneAbsoluteUrlWhereThePersonsInitialsAreDrawn() {
        var person = fixtures.anAccount();
        var browser = new WebSession(port);

        var url = harvest(person).get("/v2/users/me").expect(200).json().get("avatar_url").stringValue();
        api.bearer(person.token()).post("/v1/time-entries", """
            {"description": "Design", "start_time": "2026-01-05T09:00:00Z", "end_time": "2026-01-05T10:00:00Z"}""")
            .expect(201);
        var entries = api.bearer(person.token()).get("/v1/time-entries").expect(200).json();

        assertThat(url).matches("http://localhost:" + port + "/avatars/[0-9a-f-]{36}");
        assertThat(entries.get("data").get(0).get("user").get("avatar_url").stringValue()).isEqualTo(url);
        var drawn = browser.getBytes(url);
        assertThat(drawn.statusCode()).isEqualTo(200);
        assertThat(drawn.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(drawn.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        assertThat(drawn.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        assertThat(new String(drawn.body(), StandardCharsets.UTF_8)).startsWith("<svg").contains(">PD</text>");
        // no sign-in needed, as for Harvest's own avatar URLs; an unknown or malformed key is simply not there
        assertThat(browser.getBytes("/avatars/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
        assertThat(browser.getBytes("/avatars/1").statusCode()).isEqualTo(404);
    }

    @Test
    void anUploadedPictureReplacesTheInitialsUnderANewUrlUntilItIsRemoved() {
        var person = fixtures.anAccountSigningInWith(SignInAndProfileTests.PASSWORD);
        var browser = new WebSession(port);
        browser.signIn(person.email(), SignInAndProfileTests.PASSWORD);
        var before = avatarUrl(person);

        var uploaded = browser.postFile("/profile/avatar", csrf(browser), "avatar", "me.png", "image/png", PNG);

        assertThat(location(uploaded)).endsWith("/profile");
        var after = avatarUrl(person);
        assertThat(after).isNotEqualTo(before);
        var picture = browser.getBytes(after);
        assertThat(picture.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(Arrays.equals(picture.body(), PNG)).isTrue();
        assertThat(browser.getBytes(before).statusCode()).isEqualTo(404);
        assertThat(browser.get("/profile").body()).contains("Your picture was changed").contains(after.substring(
            after.indexOf("/avatars/"))).contains("Use my initials");

        assertThat(location(browser.post("/profile/avatar/remove", "_csrf", csrf(browser)))).endsWith("/profile");
        var initials = browser.getBytes(avatarUrl(person));
        assertThat(initials.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(browser.get("/profile").body()).doesNotContain("Use my initials");
    }

    @Test
    void onlyPicturesAreKeptAndOnlySmallOnes() {
        var person = fixtures.anAccountSigningInWith(SignInAndProfileTests.PASSWORD);
        var browser = new WebSession(port);
        browser.signIn(person.email(), SignInAndProfileTests.PASSWORD);
        var url = avatarUrl(person);

        // what the browser claims is not believed: an HTML page called a PNG is refused
        browser.postFile("/profile/avatar", csrf(browser), "avatar", "me.png", "image/png",
            "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(browser.get("/profile").body()).contains("The picture must be a PNG, JPEG, GIF or WebP picture.");
        var large = Arrays.copyOf(PNG, 600 * 1024);
        browser.postFile("/profile/avatar", csrf(browser), "avatar", "big.png", "image/png", large);
        assertThat(browser.get("/profile").body()).contains("The picture is too large (at most 512 KB).");
        assertThat(avatarUrl(person)).isEqualTo(url);
    }

    @Test
    void aNewNameDrawsNewInitialsUnderANewUrl() {
        var admin = fixtures.anAccount();
        var before = avatarUrl(admin);

        harvest(admin).patch("/v2/users/" + admin.membershipId(),
            "{\"first_name\": \"Zoë\"}").expect(200);

        var after = avatarUrl(admin);
        assertThat(after).isNotEqualTo(before);
        assertThat(new String(new WebSession(port).getBytes(after).body(), StandardCharsets.UTF_8))
            .contains(">ZD</text>");
        // the time zone is not in the picture: the URL stays
        harvest(admin).patch("/v2/users/" + admin.membershipId(), "{\"timezone\": \"Europe/Paris\"}").expect(200);
        assertThat(avatarUrl(admin)).isEqualTo(after);
    }

    private String avatarUrl(Person person) {
        return harvest(person).get("/v2/users/me").expect(200).json().get("avatar_url").stringValue();
    }

    private static String csrf(WebSession browser) {
        return hidden(browser.get("/profile").body(), "_csrf");
    }

    private Api.Caller harvest(Person person) {
        return api.bearer(person.token()).header("Harvest-Account-Id", person.account().toString());
    }

}
