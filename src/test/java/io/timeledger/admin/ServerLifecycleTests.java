package io.timeledger.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.TimeledgerApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server as a person runs it: first start on an empty data directory, the admin command
 * line beside the running server, a restart that finds everything again, and no PostgreSQL left
 * running after it stops.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServerLifecycleTests {

    private static final Pattern TOKEN = Pattern.compile("tlp_[A-Za-z0-9_-]{43}");

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void firstStartPrintsOneTokenAndARestartKeepsEverything(CapturedOutput output) throws Exception {
        String token;
        long postmaster;
        try (var server = start()) {
            var tokens = TOKEN.matcher(output.getOut()).results().map(m -> m.group()).distinct().toList();
            assertThat(tokens).hasSize(1);
            token = tokens.get(0);
            assertThat(output.getOut()).containsPattern("Sign in at http://localhost:\\d+/login with that email");
            assertThat(get(server, "/api/v1/users/me", token).body()).contains("\"email\":\"admin@localhost\"");
            assertThat(post(server, "/api/v1/contacts", token, "{\"contact\": {\"name\": \"Kept Ltd\"}}").statusCode())
                .isEqualTo(201);
            postmaster = postmasterPid();
        }
        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("PostgreSQL after shutdown")
            .isEmpty();

        int printedBefore = TOKEN.matcher(output.getOut()).results().toList().size();
        try (var server = start()) {
            assertThat(TOKEN.matcher(output.getOut()).results().toList()).hasSize(printedBefore);
            var contacts = get(server, "/api/v1/contacts", token);
            assertThat(contacts.statusCode()).isEqualTo(200);
            assertThat(contacts.body()).contains("Kept Ltd");
        }
    }

    @Test
    void theAdminCommandLineWorksBesideTheRunningServer(CapturedOutput output) throws Exception {
        try (var server = start()) {
            String account = firstField(admin("account", "create", "--name", "Second Shop", "--currency", "EUR",
                "--time-zone", "Europe/Berlin"), "account ");
            admin("user", "create", "--email", "sam@example.com", "--first-name", "Sam", "--account", account,
                "--role", "manager", "--rate", "95.00");
            String token = admin("token", "create", "--email", "sam@example.com", "--account", account,
                "--name", "laptop").strip();
            String apiKey = admin("api-key", "create", "--email", "sam@example.com").strip();

            var me = get(server, "/api/v1/users/me", token);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"first_name\":\"Sam\"", "\"billing_rate\":\"95.00\"",
                "\"account_id\":\"" + account + "\"");
            var viaKey = HttpRequest.newBuilder(url(server, "/api/v1/accounts/current"))
                .header("X-API-Key", apiKey).build();
            assertThat(http.send(viaKey, HttpResponse.BodyHandlers.ofString()).body()).contains("Second Shop");

            assertThat(admin("token", "list", "--email", "sam@example.com")).contains("laptop", "api_key")
                .doesNotContain(token).doesNotContain(apiKey);
            var tokenId = firstField(admin("token", "list", "--email", "sam@example.com"), "");
            admin("token", "revoke", "--id", tokenId);
            assertThat(get(server, "/api/v1/users/me", token).statusCode()).isEqualTo(401);

            assertThat(admin("account", "expenses", "--account", account, "--enabled", "true"))
                .contains("expenses enabled");
            var expenses = HttpRequest.newBuilder(url(server, "/api/v1/expenses"))
                .header("X-API-Key", apiKey).header("X-Account-ID", account).build();
            assertThat(http.send(expenses, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            var registered = admin("oauth-client", "create", "--name", "Invoice Bot",
                "--redirect-uri", "https://bot.example.com/callback");
            var clientId = java.util.regex.Pattern.compile("tlc_[0-9a-f]{32}").matcher(registered).results()
                .findFirst().orElseThrow().group();
            assertThat(registered).containsPattern("client_secret tls_[A-Za-z0-9_-]{43}");
            assertThat(admin("oauth-client", "list")).contains(clientId, "Invoice Bot", "confidential",
                "https://bot.example.com/callback").doesNotContain("tls_");
            assertThat(admin("oauth-client", "create", "--name", "Phone", "--redirect-uri", "http://127.0.0.1:7000/cb",
                "--public")).doesNotContain("client_secret");
            admin("oauth-client", "delete", "--client-id", clientId);
            assertThat(admin("oauth-client", "list")).doesNotContain(clientId).contains("Phone", "public");

            assertThat(exitCode("admin", "member", "add", "--email", "nobody@example.com", "--account", account))
                .isEqualTo(1);
            assertThat(output.getErr()).contains("error: User nobody@example.com not found");

            assertThat(admin("member", "role", "--email", "sam@example.com", "--account", account, "--role", "admin"))
                .contains("as admin");
            assertThat(exitCode("admin", "member", "role", "--email", "sam@example.com", "--account", account,
                "--role", "member")).as("the account's only administrator").isEqualTo(1);
            var trail = admin("audit", "--email", "SAM@example.com").lines().toList();
            assertThat(trail).extracting(line -> line.split("\t")[1]).containsExactly("role.changed",
                "token.revoked", "api_key.created", "token.created", "role.granted");
            assertThat(trail.get(0)).endsWith("\tsam@example.com\taccount " + account
                + "\tserver\t-\tmanager → admin");
            assertThat(admin("audit", "--kind", "token", "--account", account).lines())
                .extracting(line -> line.split("\t")[1]).containsExactly("token.revoked", "token.created");
            assertThat(exitCode("admin", "audit", "--since", "yesterday")).isEqualTo(1);
            assertThat(output.getErr()).contains("since is not a date");

            var report = Files.writeString(dataDir.resolve("toggl.csv"), "User,Email,Client,Project,Task,Description,"
                + "Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)\n"
                + "Sam,sam@example.com,Acme,Website,,Wireframes,Yes,2026-10-05,09:00:00,2026-10-05,10:30:00,01:30:00,,"
                + "150.00\n");
            assertThat(admin("import", "--account", account, "--source", "toggl-csv", "--file", report.toString(),
                "--dry-run")).contains("Dry run of Toggl Track: 1 rows, 1 entries would be created, 0 imported before",
                "new clients 1, projects 1, tasks 0, people 0");
            assertThat(admin("import", "--account", account, "--source", "toggl-csv", "--file", report.toString()))
                .contains("Toggl Track: 1 rows, 1 entries created");
            assertThat(admin("import", "--account", account, "--source", "toggl-csv", "--file", report.toString()))
                .contains("1 rows, 0 entries created, 1 imported before");
            assertThat(exitCode("admin", "import", "--account", account, "--source", "excel", "--file",
                report.toString())).isEqualTo(1);
            assertThat(output.getErr()).contains(
                "source must be harvest-csv, toggl-csv, clockify-csv, harvest-api or timeledger");

            // the account whole, and back as a new one beside it (Sam is this server's already)
            var archive = dataDir.resolve("second-shop.zip");
            assertThat(admin("export", "--account", account, "--file", archive.toString()))
                .contains("account " + account + " written to " + archive).containsPattern("entry +1\n");
            assertThat(admin("import", "--source", "timeledger", "--file", archive.toString(), "--dry-run"))
                .contains("Dry run: would restore account \"Second Shop\" (new ids)");
            var restored = admin("import", "--source", "timeledger", "--file", archive.toString(),
                "--name", "Second Shop (copy)");
            assertThat(restored).contains("\"Second Shop (copy)\"").containsPattern("entry +1\n")
                .doesNotContain("no password yet");
            var copy = firstField(restored, "restored account ");
            assertThat(admin("account", "list")).contains(copy + "\tSecond Shop (copy)\tEUR\tEurope/Berlin");
            assertThat(exitCode("admin", "import", "--account", account, "--source", "timeledger", "--file",
                archive.toString())).isEqualTo(1);
            assertThat(output.getErr()).contains("account is not for timeledger");
            assertThat(exitCode("admin", "import", "--source", "timeledger", "--file", report.toString()))
                .isEqualTo(1);
            assertThat(output.getErr()).contains("archive is not a ZIP archive");
        }
    }

    @Test
    void anExternalPostgresqlIsUsedWhenItsUrlIsSet(CapturedOutput output) throws Exception {
        try (var external = EmbeddedPostgres.builder().start()) {
            var url = external.getJdbcUrl("postgres", "postgres");
            try (var server = new SpringApplicationBuilder(TimeledgerApplication.class).run("--server.port=0",
                    "--timeledger.database.url=" + url, "--timeledger.database.user=postgres",
                    "--timeledger.database.data-dir=" + dataDir)) {
                var token = TOKEN.matcher(output.getOut()).results().map(m -> m.group()).findFirst().orElseThrow();
                assertThat(get(server, "/api/v1/users/me", token).statusCode()).isEqualTo(200);
            }
            try (var connection = external.getPostgresDatabase().getConnection();
                 var accounts = connection.createStatement().executeQuery("SELECT count(*) FROM account")) {
                accounts.next();
                assertThat(accounts.getInt(1)).isEqualTo(1);
            }
            assertThat(dataDir.resolve("pg")).doesNotExist();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TimeledgerApplication.class)
            .run("--server.port=0", "--timeledger.database.data-dir=" + dataDir);
    }

    /** Runs an admin command against the test's data directory and returns what it printed. */
    private String admin(String... command) {
        var args = new String[command.length + 1];
        args[0] = "admin";
        System.arraycopy(command, 0, args, 1, command.length);
        var previousOut = System.out;
        var captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertThat(exitCode(args)).as("exit code of %s", String.join(" ", args)).isZero();
        } finally {
            System.setOut(previousOut);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Runs the admin command line against the test's data directory (never the working directory's). */
    private int exitCode(String... args) {
        System.setProperty("timeledger.database.data-dir", dataDir.toString());
        try {
            return AdminCommandLine.run(args);
        } finally {
            System.clearProperty("timeledger.database.data-dir");
        }
    }

    private static String firstField(String printed, String prefix) {
        var line = printed.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        return line.substring(prefix.length()).split("[\\s]")[0];
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).strip());
    }

    private HttpResponse<String> get(ConfigurableApplicationContext server, String path, String token)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(url(server, path)).header("Authorization", "Bearer " + token).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext server, String path, String token, String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(url(server, path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(ConfigurableApplicationContext server, String path) {
        return URI.create("http://localhost:" + server.getEnvironment().getProperty("local.server.port") + path);
    }
}
