package io.timeledger.bench;

import io.timeledger.TimeledgerApplication;
import io.timeledger.auth.Credentials;
import io.timeledger.core.account.Accounts;
import io.timeledger.core.account.NewAccount;
import io.timeledger.core.account.NewUser;
import io.timeledger.core.account.People;
import io.timeledger.core.account.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast MinuteDock's entry search answers on a large account: fills one account with N
 * entries (default 100,000) over three years, then times each search and report shape over HTTP.
 * Run with {@code bench/entries-search.sh [N]}; not part of the test suite.
 */
public final class EntriesSearchBench {

    private static final int RUNS = Integer.getInteger("bench.runs", 40);

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (var app = new SpringApplicationBuilder(TimeledgerApplication.class).run("--server.port=0",
                "--timeledger.database.ephemeral=true", "--timeledger.first-start.enabled=false",
                "--logging.level.root=WARN", "--timeledger.rate-limit.enabled=false")) {
            var accounts = app.getBean(Accounts.class);
            var people = app.getBean(People.class);
            var jdbc = app.getBean(JdbcClient.class);
            var account = accounts.open(new NewAccount("Bench", "USD", "UTC", null));
            var memberships = new ArrayList<Long>();
            String token = null;
            for (int i = 0; i < 20; i++) {
                var user = people.createUser(new NewUser("bench-" + i + "-" + UUID.randomUUID() + "@example.com",
                    "Bench", "User " + i, "UTC"));
                var member = people.join(account.id(), user.id(), i == 0 ? Role.ADMIN : Role.MEMBER, null);
                memberships.add(member.id());
                if (i == 0) {
                    token = app.getBean(Credentials.class).issuePersonalAccessToken(user.id(), account.id(), "bench")
                        .secret();
                }
            }
            long started = System.nanoTime();
            try (var db = app.getBean(DataSource.class).getConnection()) {
                BenchLedger.fill(db, account.id().value(), entries);
            }
            jdbc.sql("ANALYZE").update();
            System.out.printf("filled %,d entries in %.1f s%n", entries, (System.nanoTime() - started) / 1e9);

            var contact = jdbc.sql("SELECT min(id) FROM contact WHERE account_id = :a")
                .param("a", account.id().value()).query(Long.class).single();
            var project = jdbc.sql("SELECT min(id) FROM project WHERE account_id = :a")
                .param("a", account.id().value()).query(Long.class).single();
            var task = jdbc.sql("SELECT min(id) FROM task WHERE account_id = :a")
                .param("a", account.id().value()).query(Long.class).single();
            var shapes = Map.of(
                "own entries, first page (500)", "/api/v1/entries",
                "everyone, first page (500)", "/api/v1/entries?user_accounts=all",
                "everyone, 1000 rows, offset 5000", "/api/v1/entries?user_accounts=all&limit=1000&offset=5000",
                "one contact, everyone", "/api/v1/entries?user_accounts=all&contacts=" + contact,
                "one project, a quarter", "/api/v1/entries?user_accounts=all&projects=" + project
                    + "&from=2025-01-01&to=2025-03-31",
                "one task, everyone", "/api/v1/entries?user_accounts=all&tasks=" + task);
            var http = HttpClient.newHttpClient();
            var base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            System.out.printf("%-44s %8s %8s %8s %6s%n", "request", "p50 ms", "p95 ms", "max ms", "rows");
            var reports = Map.of(
                "report: whole ledger, totals", "{\"user_accounts\": \"all\"}",
                "report: whole ledger by contact and month", "{\"user_accounts\": \"all\", "
                    + "\"group_by\": [\"contact\", \"month\"]}",
                "report: one year by user and project", "{\"user_accounts\": \"all\", \"from\": \"2025-01-01\", "
                    + "\"to\": \"2025-12-31\", \"group_by\": \"user,project\"}");
            var requests = new java.util.TreeMap<String, HttpRequest>();
            for (var shape : shapes.entrySet()) {
                requests.put(shape.getKey(), HttpRequest.newBuilder(URI.create(base + shape.getValue()))
                    .header("Authorization", "Bearer " + token).build());
            }
            for (var report : reports.entrySet()) {
                requests.put(report.getKey(), HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/generate"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(report.getValue())).build());
            }
            for (var shape : requests.entrySet()) {
                var request = shape.getValue();
                int rows = 0;
                for (int i = 0; i < 5; i++) {
                    http.send(request, HttpResponse.BodyHandlers.ofString());
                }
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    long t0 = System.nanoTime();
                    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    times.add((System.nanoTime() - t0) / 1e6);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(shape.getKey() + ": " + response.body());
                    }
                    rows = shape.getKey().startsWith("report") ? response.body().split("\"hours\"").length - 1
                        : response.body().split("\"user_account_id\"").length - 1;
                }
                Collections.sort(times);
                System.out.printf("%-44s %8.1f %8.1f %8.1f %6d%n", shape.getKey(), times.get(RUNS / 2),
                    times.get((int) (RUNS * 0.95)), times.get(RUNS - 1), rows);
            }
        }
    }
}
