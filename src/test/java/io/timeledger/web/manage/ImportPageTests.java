package io.timeledger.web.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.WebSession;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * Manage → Import &amp; export: a report checked (nothing stored), then imported, then imported again
 * (nothing new); the whole account downloaded; members refused.
 */
@ApiTest
class ImportPageTests {

    static final String PASSWORD = "correct horse battery";
    static final byte[] CLOCKIFY = """
        Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,\
        Duration (h),Duration (decimal),Billable Rate (USD),Billable Amount (USD)
        Website,Acme,Call,Meetings,Grace Hopper,,grace@example.com,,Yes,10/05/2026,1:00 PM,10/05/2026,2:15 PM,\
        01:15:00,1.25,90.00,112.50
        Website,Acme,Broken,Meetings,Grace Hopper,,grace@example.com,,Yes,10/05/2026,1:00 PM,10/05/2026,2:15 PM,\
        later,1.25,90.00,112.50
        """.getBytes(StandardCharsets.UTF_8);

    @Autowired Fixtures fixtures;
    @Autowired io.timeledger.support.Api api;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @Test
    void aReportIsCheckedThenImportedOnce() throws InterruptedException {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var pages = WebSession.signedIn(port, admin.email(), PASSWORD);
        assertThat(pages.get("/manage/import").body()).contains("Clockify (CSV)");

        var checked = ended(pages, pages.postFile("/manage/import", csrf(pages), "file", "clockify.csv", "text/csv",
            CLOCKIFY, "source", "clockify-csv", "time_zone", "America/New_York", "dry_run", "true"));
        assertThat(checked).contains("Checked: 1 of 1 rows would be imported; 1 could not be read.",
            "New clients:", "Acme", "New people", "Grace Hopper", "Duration (h) is not a duration: \"later\"");
        assertThat(text(pages.get("/manage/clients").body())).as("a check stores nothing").doesNotContain("Acme");

        assertThat(ended(pages, pages.postFile("/manage/import", csrf(pages), "file", "clockify.csv", "text/csv",
            CLOCKIFY, "source", "clockify-csv", "time_zone", "America/New_York")))
            .contains("Imported 1 of 1 rows; 1 could not be read.");
        assertThat(text(pages.get("/manage/clients").body())).contains("Acme", "Website");
        assertThat(ended(pages, pages.postFile("/manage/import", csrf(pages), "file", "clockify.csv", "text/csv",
            CLOCKIFY, "source", "clockify-csv", "time_zone", "America/New_York")))
            .contains("Imported 0 of 1 rows; 1 were imported before; 1 could not be read.");
        var badZone = pages.postFile("/manage/import", csrf(pages), "file", "clockify.csv", "text/csv", CLOCKIFY,
            "source", "clockify-csv", "time_zone", "Mars/Olympus");
        assertThat(badZone.statusCode()).isEqualTo(422);
        assertThat(text(badZone.body())).contains("Time zone");
        // a file past the configured limit (spring.servlet.multipart.max-file-size) is refused, saying the limit
        var tooLarge = pages.postFile("/manage/import", csrf(pages), "file", "huge.csv", "text/csv",
            new byte[50 * 1024 * 1024 + 1], "source", "clockify-csv", "time_zone", "UTC");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
            assertThat(type).startsWith("text/html"));
        assertThat(text(tooLarge.body())).contains("The file is larger than the server takes (50 MB); send a smaller one");

        // a live Harvest account: another account of this server, which speaks Harvest v2
        var source = fixtures.anAccount();
        api.bearer(source.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-09-01\", \"duration\": 3600,"
            + " \"description\": \"From Harvest\"}}").expect(201);
        var fields = new String[] {"harvest_url", "http://localhost:" + port, "harvest_account",
            source.account().toString(), "harvest_token", source.token()};
        assertThat(ended(pages, pages.postForm("/manage/import/harvest", append(fields, "dry_run", "true"))))
            .contains("Checked: 1 of 1 rows would be imported.");
        assertThat(ended(pages, pages.postForm("/manage/import/harvest", fields))).contains("Imported 1 of 1 rows.");
        var refused = ended(pages, pages.postForm("/manage/import/harvest", "harvest_url", "http://localhost:" + port,
            "harvest_account", source.account().toString(), "harvest_token", "wrong"));
        assertThat(refused).contains("The token was refused by localhost");

        var member = WebSession.signedIn(port, fixtures.aMemberSigningInWith(admin.account(), PASSWORD).email(),
            PASSWORD);
        assertThat(member.get("/manage/import").statusCode()).isEqualTo(403);
    }

    @Test
    void anImportRunsBesideThePageWhichFollowsItsProgressAndOnlyItsImporterSeesIt() throws Exception {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var pages = WebSession.signedIn(port, admin.email(), PASSWORD);
        var rows = new StringBuilder("User,Email,Client,Project,Task,Description,Billable,Start date,Start time,"
            + "End date,End time,Duration,Tags,Amount (USD)\n");
        for (int i = 0; i < 5_000; i++) {
            rows.append("Ada Lovelace,ada@example.com,Acme,Website,Design,Row ").append(i)
                .append(",Yes,2026-10-05,09:00:00,2026-10-05,10:00:00,01:00:00,,100.00\n");
        }
        var started = pages.postFile("/manage/import", csrf(pages), "file", "toggl.csv", "text/csv",
            rows.toString().getBytes(StandardCharsets.UTF_8), "source", "toggl-csv");
        assertThat(started.statusCode()).isEqualTo(302);
        var job = WebSession.location(started);
        assertThat(job).matches(".*/manage/import/[0-9a-f-]{36}");

        var progress = pages.get(job + "/progress");
        assertThat(progress.statusCode()).isEqualTo(200);
        assertThat(progress.body()).satisfiesAnyOf(
            body -> assertThat(body).contains("id=\"import-progress\"", "hx-trigger=\"every 1s\""),
            body -> assertThat(progress.headers().firstValue("HX-Refresh")).hasValue("true"));
        assertThat(ended(pages, started)).contains("Imported 5000 of 5000 rows.");
        assertThat(pages.get(job + "/progress").headers().firstValue("HX-Refresh")).hasValue("true");

        var colleague = WebSession.signedIn(port,
            fixtures.aPersonSigningInWith(admin.account(), io.timeledger.core.account.Role.ADMIN, PASSWORD).email(),
            PASSWORD);
        assertThat(colleague.get(job).statusCode()).isEqualTo(404);
    }

    /** The page of the import {@code started} redirected to, once the import has ended. */
    private static String ended(WebSession pages, java.net.http.HttpResponse<String> started)
            throws InterruptedException {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        var job = WebSession.location(started);
        for (int attempt = 0; attempt < 300; attempt++) {
            var page = pages.get(job);
            assertThat(page.statusCode()).isEqualTo(200);
            if (!page.body().contains("id=\"import-progress\"")) {
                return text(page.body());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not end in 30 s");
    }

    @Test
    void anAdministratorTakesTheWholeAccountAwayAndTheSecurityLogSaysSo() throws Exception {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        api.bearer(admin.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-09-01\", \"duration\": 3600,"
            + " \"description\": \"Taken along\"}}").expect(201);
        var pages = WebSession.signedIn(port, admin.email(), PASSWORD);
        assertThat(pages.get("/manage/import").body()).contains("Download the account");

        var download = pages.getBytes("/manage/export/account.zip");

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
            .startsWith("attachment; filename=\"timeledger-account-" + admin.account() + "-");
        var files = new java.util.TreeMap<String, String>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(download.body()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files.get("manifest.json")).contains("\"format\": \"timeledger-account\"");
        assertThat(files.get("entry.jsonl")).contains("Taken along");
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE kind = 'account.exported' AND account_id = :a")
            .param("a", admin.account().value()).query(String.class).list()).containsExactly("1 entry");

        var member = WebSession.signedIn(port, fixtures.aMemberSigningInWith(admin.account(), PASSWORD).email(),
            PASSWORD);
        assertThat(member.getBytes("/manage/export/account.zip").statusCode()).isEqualTo(403);
    }

    private static String[] append(String[] fields, String... more) {
        var all = java.util.Arrays.copyOf(fields, fields.length + more.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return all;
    }

    private static String csrf(WebSession pages) {
        return WebSession.hidden(pages.get("/profile").body(), "_csrf");
    }

    private static String text(String html) {
        return HtmlUtils.htmlUnescape(html);
    }
}
