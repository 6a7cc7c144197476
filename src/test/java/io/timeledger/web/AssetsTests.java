package io.timeledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.ApiTest;
import io.timeledger.support.EventStream;
import io.timeledger.support.Fixtures;
import io.timeledger.support.WebSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** What a browser fetches besides a page, and how it travels: kept while unchanged, gzipped. */
@ApiTest
class AssetsTests {

    static final Pattern STYLE_SHEET = Pattern.compile("href=\"(/css/app\\.css\\?v=[0-9a-f]{10})\"");
    static final Pattern HTMX = Pattern.compile("src=\"(/webjars/htmx\\.org/[^\"]+)\"");

    @Autowired Fixtures fixtures;
    @Value("${local.server.port}") int port;

    @Test
    void aPageLinksOurFilesByFingerprintSoThatABrowserKeepsThemUntilTheyChange() {
        var person = fixtures.anAccountSigningInWith("correct horse battery");
        var browser = WebSession.signedIn(port, person.email(), "correct horse battery");
        var timesheet = browser.get("/timesheet");
        var styleSheet = STYLE_SHEET.matcher(timesheet.body());
        var htmx = HTMX.matcher(timesheet.body());
        assertThat(styleSheet.find()).as("the style sheet's link, fingerprinted").isTrue();
        assertThat(htmx.find()).isTrue();

        assertThat(timesheet.headers().firstValue("Cache-Control")).hasValueSatisfying(
            value -> assertThat(value).contains("no-store"));
        var kept = browser.getBytes(styleSheet.group(1));
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.headers().firstValue("Cache-Control")).contains(Assets.KEPT);
        assertThat(browser.getBytes(htmx.group(1)).headers().firstValue("Cache-Control")).contains(Assets.KEPT);

        // without its fingerprint, or with an old one, the same file is asked again each time: 304 while unchanged
        var plain = browser.getBytes("/css/app.css");
        assertThat(plain.body()).isEqualTo(kept.body());
        assertThat(plain.headers().firstValue("Cache-Control")).contains(Assets.REVALIDATED);
        assertThat(browser.getBytes("/css/app.css?v=0000000000").headers().firstValue("Cache-Control"))
            .contains(Assets.REVALIDATED);
        var lastModified = plain.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(browser.getBytes("/css/app.css", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(browser.getBytes("/icons/icon-192.png").headers().firstValue("Cache-Control"))
            .contains(Assets.REVALIDATED);
    }

    @Test
    void pagesStyleSheetsAndJsonTravelGzippedButEventStreamsDoNot() throws IOException {
        var person = fixtures.anAccountSigningInWith("correct horse battery");
        var browser = WebSession.signedIn(port, person.email(), "correct horse battery");

        var page = browser.getBytes("/timesheet", "Accept-Encoding", "gzip");
        var styleSheet = browser.getBytes("/css/app.css", "Accept-Encoding", "gzip");
        var asIs = browser.getBytes("/css/app.css");

        assertThat(page.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gunzip(page)).contains("What are you working on?");
        assertThat(styleSheet.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(styleSheet.body().length).isLessThan(asIs.body().length / 3);
        assertThat(gunzip(styleSheet)).isEqualTo(new String(asIs.body(), StandardCharsets.UTF_8));
        assertThat(asIs.headers().firstValue("Content-Encoding")).as("not asked for, not sent").isEmpty();
        var json = browser.getBytes("/openapi/harvest.json", "Accept-Encoding", "gzip");
        assertThat(json.headers().firstValue("Content-Encoding")).as("an API's JSON").contains("gzip");
        assertThat(gunzip(json)).startsWith("{");

        try (var events = EventStream.open(HttpClient.newHttpClient(), browser.base() + "/events",
                "Authorization", "Bearer " + person.token(), "Accept-Encoding", "gzip")) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.headers()).doesNotContainKey("content-encoding");
        }
    }

    private static String gunzip(HttpResponse<byte[]> response) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
