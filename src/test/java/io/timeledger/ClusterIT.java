package io.timeledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.timeledger.support.EventStream;
import io.timeledger.support.ServerProcess;
import io.timeledger.support.WebSession;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Past one machine, on this one: a PostgreSQL primary and a streaming replica of it, two server
 * processes over them, nginx in front. Through the balancer a mixed load runs while one node is
 * killed with SIGKILL: no acknowledged write is lost, at most the requests in flight fail, and a
 * browser's sign-in holds on the other node. Across the two nodes: one rate-limit allowance, one
 * winner of a dock version race, the live feed, and reports read from the replica that match the
 * primary. Runs after {@code package}; needs Debian's nginx ({@code .ci/run} installs it).
 */
class ClusterIT {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final int CLIENTS = 4;
    static final int LIMIT = 400;
    static final Pattern TOKEN = Pattern.compile("tlp_[A-Za-z0-9_-]{43}");

    @TempDir Path dir;

    @Test
    void twoNodesBehindABalancerOverAPrimaryAndAReplica() throws Exception {
        assumeTrue(Files.isExecutable(NGINX) || System.getenv("TIMELEDGER_REQUIRE_CLUSTER") != null,
            "nginx is not installed");
        int primaryPort = ServerProcess.freePort();
        int replicaPort = ServerProcess.freePort();
        try (var primary = primaryAndItsCopy(primaryPort, dir.resolve("primary"), dir.resolve("replica"));
             var replica = postgres(dir.resolve("replica"), replicaPort)
                 .setServerConfig("primary_conninfo", "postgresql://postgres@localhost:" + primaryPort).start()) {
            ServerProcess a = null;
            ServerProcess b = null;
            Balancer nginx = null;
            var clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                // health is on each node's management port, which also serves the metrics read below
                int aManagement = ServerProcess.freePort();
                a = node(primaryPort, replicaPort, "a", aManagement);
                String admin = a.token().get(90, TimeUnit.SECONDS);
                ServerProcess.awaitHealth(aManagement);
                int bManagement = ServerProcess.freePort();
                b = node(primaryPort, replicaPort, "b", bManagement);
                nginx = balancer(a.port(), b.port());
                ServerProcess.awaitHealth(bManagement);
                int lb = nginx.port;
                ServerProcess.awaitAnswer(lb, "/login");

                // a browser signs in through the balancer, its requests spread over both nodes
                var browser = WebSession.signedIn(lb, "admin@localhost", a.password());
                var account = Pattern.compile("\\(id (\\d+)\\)").matcher(a.output()).results().findFirst()
                    .orElseThrow().group(1);
                var tokens = new ArrayList<String>();
                for (int i = 0; i <= CLIENTS; i++) {
                    var page = browser.submit("/profile/tokens", "name", "client " + i, "account_id", account);
                    tokens.add(TOKEN.matcher(page).results().filter(m -> !m.group().equals(admin)).findFirst()
                        .orElseThrow(() -> new AssertionError("no token shown: " + page)).group());
                }

                oneAllowanceAcrossNodes(tokens.remove(CLIENTS), a.port(), b.port());
                oneWinnerOfADockRace(admin, a.port(), b.port());
                theLiveFeedCrossesNodes(admin, a.port(), b.port());

                var acknowledged = new ConcurrentLinkedQueue<String>();
                var failed = new AtomicInteger();
                var answered = new AtomicInteger();
                var load = tokens.stream().map(token -> CompletableFuture.runAsync(() ->
                    mixedLoad(lb, token, Duration.ofSeconds(8), acknowledged, answered, failed), clients)).toList();
                Thread.sleep(3_000);
                a.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                CompletableFuture.allOf(load.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

                System.out.printf("ClusterIT: %d requests answered through nginx in 8 s, %d failed at the kill;"
                    + " %d entries acknowledged%n", answered.get(), failed.get(), acknowledged.size());
                assertThat(failed.get()).as("requests that failed: at most those in flight at the kill")
                    .isLessThanOrEqualTo(CLIENTS);
                assertThat(acknowledged).hasSizeGreaterThan(100);
                try (var connection = primary(primaryPort); var stored = connection.prepareStatement(
                        "SELECT count(*) FROM entry WHERE id = ANY(CAST(? AS bigint[]))")) {
                    stored.setArray(1, connection.createArrayOf("bigint", acknowledged.stream()
                        .map(Long::valueOf).toArray()));
                    var rows = stored.executeQuery();
                    rows.next();
                    assertThat(rows.getLong(1)).as("acknowledged entries stored").isEqualTo(acknowledged.size());
                }
                assertThat(browser.get("/timesheet").statusCode()).as("the sign-in, on the surviving node")
                    .isEqualTo(200);
                reportsFromTheReplicaMatchThePrimary(admin, lb, primaryPort, bManagement);
            } finally {
                clients.shutdownNow();
                if (nginx != null) {
                    nginx.process.destroy();
                }
                Files.createDirectories(Path.of("target/cluster"));
                if (a != null) {
                    a.process().destroyForcibly();
                    Files.writeString(Path.of("target/cluster/node-a.log"), a.output());
                }
                if (b != null) {
                    b.stop();
                    Files.writeString(Path.of("target/cluster/node-b.log"), b.output());
                }
            }
        }
    }

    /** A credential's 400 requests are counted by both nodes together: the next is refused on either. */
    private static void oneAllowanceAcrossNodes(String token, int a, int b) throws Exception {
        for (int i = 0; i < LIMIT; i++) {
            assertThat(ServerProcess.send(i % 2 == 0 ? a : b, "GET", "/api/v1/users/me", token, null).statusCode())
                .isEqualTo(200);
        }
        assertThat(ServerProcess.send(a, "GET", "/api/v1/users/me", token, null).statusCode()).isEqualTo(429);
        assertThat(ServerProcess.send(b, "GET", "/api/v1/users/me", token, null).statusCode()).isEqualTo(429);
    }

    /** Two devices change the same dock version at once, one through each node: one wins, one is told. */
    private static void oneWinnerOfADockRace(String admin, int a, int b) throws Exception {
        var dock = ServerProcess.send(a, "PUT", "/api/v1/dock", admin, "{\"entry\": {\"description\": \"racing\"}}");
        assertThat(dock.statusCode()).as(dock.body()).isEqualTo(200);
        var version = Pattern.compile("\"version_number\":(\\d+)").matcher(dock.body()).results().findFirst()
            .orElseThrow().group(1);
        var onA = CompletableFuture.supplyAsync(() -> put(a, admin, version, "from a"));
        var onB = CompletableFuture.supplyAsync(() -> put(b, admin, version, "from b"));
        assertThat(List.of(onA.get(), onB.get())).containsExactlyInAnyOrder(200, 409);
    }

    private static int put(int port, String token, String version, String description) {
        try {
            return ServerProcess.send(port, "PUT", "/api/v1/dock", token, "{\"entry\": {\"description\": \""
                + description + "\", \"version_number\": " + version + "}}").statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A change made through one node reaches a stream open on the other. */
    private static void theLiveFeedCrossesNodes(String admin, int a, int b) throws Exception {
        try (var onB = EventStream.withToken("http://localhost:" + b, "/events", admin, null)) {
            assertThat(onB.status()).isEqualTo(200);
            long sent = System.nanoTime();
            assertThat(ServerProcess.send(a, "PUT", "/api/v1/entries/current", admin,
                "{\"entry\": {\"description\": \"heard on b\"}}").statusCode()).isEqualTo(200);
            assertThat(onB.next(Duration.ofSeconds(2)).name()).isEqualTo("dock.changed");
            System.out.printf("ClusterIT: a dock change on node a heard on node b after %d ms%n",
                (System.nanoTime() - sent) / 1_000_000);
        }
    }

    /** Creates, lists, reads and reports through the balancer, paced under the rate limit. */
    private static void mixedLoad(int lb, String token, Duration lasting, ConcurrentLinkedQueue<String> acknowledged,
                                  AtomicInteger answered, AtomicInteger failed) {
        long end = System.nanoTime() + lasting.toNanos();
        var id = Pattern.compile("\"id\":\"(\\d+)\"");
        for (int i = 0; System.nanoTime() < end; i++) {
            try {
                HttpResponse<String> answer = switch (i % 4) {
                    case 0, 2 -> ServerProcess.send(lb, "POST", "/api/v1/entries", token, "{\"entry\": {\"date\": "
                        + "\"2026-11-02\", \"duration\": 600, \"description\": \"load " + i + "\"}}");
                    case 1 -> ServerProcess.send(lb, "GET", "/api/v1/entries?limit=20", token, null);
                    default -> ServerProcess.send(lb, "POST", "/api/v1/reports/generate", token,
                        "{\"from\": \"2026-11-01\", \"to\": \"2026-11-30\"}");
                };
                if (answer.statusCode() / 100 != 2) {
                    failed.incrementAndGet();
                    System.out.printf("ClusterIT: %d %s%n", answer.statusCode(), answer.body());
                } else {
                    answered.incrementAndGet();
                    if (i % 2 == 0) {
                        id.matcher(answer.body()).results().findFirst().ifPresent(m -> acknowledged.add(m.group(1)));
                    }
                }
                Thread.sleep(25);
            } catch (IOException e) {
                failed.incrementAndGet();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The report's count is the primary's, and it was read on the replica. */
    private static void reportsFromTheReplicaMatchThePrimary(String admin, int lb, int primaryPort, int bManagement)
            throws Exception {
        long logged;
        try (var primary = primary(primaryPort);
             var count = primary.prepareStatement("SELECT count(*) FROM entry WHERE logged"
                 + " AND spent_on BETWEEN '2026-11-01' AND '2026-11-30'")) {
            var rows = count.executeQuery();
            rows.next();
            logged = rows.getLong(1);
        }
        var report = ServerProcess.send(lb, "POST", "/api/v1/reports/generate", admin,
            "{\"user_accounts\": \"all\", \"from\": \"2026-11-01\", \"to\": \"2026-11-30\"}");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains("\"entries\":" + logged + ",");
        var metrics = ServerProcess.send(bManagement, "GET", "/actuator/prometheus", null, null).body();
        var onReplica = Pattern.compile("timeledger_database_replica_reads_total\\{read=\"replica\"[^}]*} (\\d+)")
            .matcher(metrics).results().findFirst().orElseThrow(() -> new AssertionError(metrics));
        assertThat(Double.parseDouble(onReplica.group(1))).as("reports read on the replica").isPositive();
        System.out.printf("ClusterIT: node b read %s reports on the replica; the report counts %d entries, as the"
            + " primary does%n", onReplica.group(1), logged);
    }

    private static Connection primary(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    /**
     * The primary, started once on a fresh directory, stopped cleanly and copied as its replica's
     * files (what {@code pg_basebackup} does, with the server stopped), then started again.
     */
    private static EmbeddedPostgres primaryAndItsCopy(int port, Path primaryDir, Path replicaDir) throws IOException {
        Files.createDirectories(primaryDir);
        postgres(primaryDir, port).start().close();
        try (var files = Files.walk(primaryDir)) {
            for (var file : (Iterable<Path>) files::iterator) {
                var copy = replicaDir.resolve(primaryDir.relativize(file));
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                    Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(file));
                } else if (!file.getFileName().toString().equals("postmaster.pid")) {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createFile(replicaDir.resolve("standby.signal"));
        return postgres(primaryDir, port).start();
    }

    /** The embedded PostgreSQL on {@code dataDir}: made there the first time, kept when it stops. */
    private static EmbeddedPostgres.Builder postgres(Path dataDir, int port) {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
            .setServerConfig("listen_addresses", "localhost")
            .setServerConfig("max_connections", "100");
    }

    /** A server process over the primary, reading reports on the replica, limits shared. */
    private ServerProcess node(int primaryPort, int replicaPort, String name, int managementPort) throws IOException {
        int port = ServerProcess.freePort();
        var builder = ServerProcess.jar("--timeledger.rate-limit.requests=" + LIMIT,
            "--management.server.port=" + managementPort);
        builder.environment().put("TIMELEDGER_DATABASE_URL", "jdbc:postgresql://localhost:" + primaryPort + "/postgres");
        builder.environment().put("TIMELEDGER_DATABASE_USER", "postgres");
        builder.environment().put("TIMELEDGER_DATABASE_PASSWORD", "unused");
        builder.environment().put("TIMELEDGER_DATABASE_REPLICA_URL",
            "jdbc:postgresql://localhost:" + replicaPort + "/postgres");
        builder.environment().put("TIMELEDGER_RATE_LIMIT_SHARED", "true");
        var dataDir = dir.resolve("node-" + name);
        Files.createDirectories(dataDir);
        return ServerProcess.start(builder, dataDir, port);
    }

    private record Balancer(Process process, int port) { }

    /** nginx on a free port, round robin over the nodes, trying the other when one refuses. */
    private Balancer balancer(int a, int b) throws IOException {
        int port = ServerProcess.freePort();
        var prefix = dir.resolve("nginx");
        Files.createDirectories(prefix.resolve("logs"));
        var conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, """
            daemon off;
            worker_processes 1;
            pid %1$s/nginx.pid;
            error_log %1$s/logs/error.log;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path %1$s/body;
                proxy_temp_path %1$s/proxy;
                fastcgi_temp_path %1$s/fastcgi;
                uwsgi_temp_path %1$s/uwsgi;
                scgi_temp_path %1$s/scgi;
                upstream timeledger {
                    server 127.0.0.1:%2$d max_fails=1 fail_timeout=10s;
                    server 127.0.0.1:%3$d max_fails=1 fail_timeout=10s;
                    keepalive 16;
                }
                server {
                    listen 127.0.0.1:%4$d;
                    location / {
                        proxy_pass http://timeledger;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $http_host;
                        proxy_buffering off;
                        proxy_next_upstream error timeout;
                    }
                }
            }
            """.formatted(prefix, a, b, port));
        var process = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", conf.toString(),
            "-e", prefix.resolve("logs/error.log").toString()).redirectErrorStream(true)
            .redirectOutput(prefix.resolve("logs/out.log").toFile()).start();
        return new Balancer(process, port);
    }
}
