package io.timeledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.timeledger.support.ServerProcess;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server as people run it ({@code java -jar target/timeledger.jar}, then
 * {@code bin/timeledger}): killed with SIGKILL, it leaves its embedded PostgreSQL running; the
 * next start stops that orphan, starts afresh on the same files, and nothing acknowledged is
 * lost. The second start is the launcher's first: it prepares its class archive, and the server
 * it then runs insists on mapping it ({@code -Xshare:on} refuses to start otherwise). Runs after
 * {@code package}.
 */
class ServerProcessIT {

    @TempDir Path dataDir;

    @Test
    void aKilledServerLeavesAnOrphanThatTheNextStartStops() throws Exception {
        int port = ServerProcess.freePort();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var first = ServerProcess.start(ServerProcess.jar("--timeledger.rate-limit.enabled=false"), dataDir, port);
        String token = first.token().get(60, TimeUnit.SECONDS);
        ServerProcess.awaitHealth(port);
        var created = ServerProcess.send(port, "POST", "/api/v1/contacts", token, "{\"contact\": {\"name\": \"Survivor Ltd\"}}");
        assertThat(created.statusCode()).isEqualTo(201);
        long orphan = postmasterPid();
        aPasswordIsRequired();

        first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("PostgreSQL outlives a SIGKILL")
            .isPresent();

        var launcher = new ProcessBuilder("bin/timeledger", "--timeledger.rate-limit.enabled=false");
        launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));
        launcher.environment().put("JAVA_OPTS", "-Xmx256m -Xshare:on");
        var second = ServerProcess.start(launcher, dataDir, port);
        try {
            ServerProcess.awaitHealth(port);
            try (var archives = Files.newDirectoryStream(Path.of("target/timeledger-cds"), "classes-*.jsa")) {
                assertThat(archives).as("the launcher's class archive").isNotEmpty();
            }
            assertThat(postmastersOfDeletedDirectories()).as("the training start's PostgreSQL, its directory gone")
                .isEmpty();
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan").isEmpty();
            assertThat(postmasterPid()).isNotEqualTo(orphan);
            var contacts = ServerProcess.send(port, "GET", "/api/v1/contacts", token, null);
            assertThat(contacts.statusCode()).isEqualTo(200);
            assertThat(contacts.body()).contains("Survivor Ltd");

            // its PostgreSQL killed under it, the server starts it again and serves what was committed
            long killed = postmasterPid();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            var deadline = Instant.now().plus(Duration.ofSeconds(60));
            HttpResponse<String> again;
            do {
                Thread.sleep(200);
                again = ServerProcess.send(port, "GET", "/api/v1/contacts", token, null);
            } while (again.statusCode() != 200 && Instant.now().isBefore(deadline));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(again.body()).contains("Survivor Ltd");
            assertThat(postmasterPid()).isNotEqualTo(killed);
            assertThat(ServerProcess.send(port, "GET", "/readyz", null, null).statusCode()).isEqualTo(200);

            var another = new ProcessBuilder(java, "-Xmx256m", "-jar", "target/timeledger.jar");
            another.environment().put("PORT", Integer.toString(ServerProcess.freePort()));
            var refused = run(another);
            assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
            assertThat(refused.output().strip().lines()).as(refused.output()).singleElement().asString()
                .contains("Another Timeledger is running on").contains("TIMELEDGER_DATA_DIR");
        } finally {
            long postmaster = postmasterPid();
            int before = second.output().length();
            second.process().destroy();
            assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            var left = ProcessHandle.of(postmaster);
            if (left.isPresent()) {
                left.get().onExit().get(30, TimeUnit.SECONDS);
            }
            assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive))
                .as("PostgreSQL after a graceful stop").isEmpty();
            // stopped after the application closed, not under it: nothing mistook the stop for a death
            // and started another postmaster, which outlived the server
            assertThat(second.output().substring(before)).doesNotContain("died; starting it again");
            var pidFile = dataDir.resolve("pg/postmaster.pid");
            if (Files.exists(pidFile)) {
                assertThat(ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()))
                    .filter(ProcessHandle::isAlive)).as("a postmaster on the directory after the stop").isEmpty();
            }
        }
    }

    @Test
    void theLauncherAndTheAdminCommandLineSayWhatTheyAre() throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var launcher = new ProcessBuilder("bin/timeledger", "--help");
        launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));

        var help = run(launcher);
        var version = run(new ProcessBuilder(java, "-jar", "target/timeledger.jar", "admin", "-V"));

        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).startsWith("Usage: timeledger").contains("TIMELEDGER_PUBLIC_URL", "admin --help");
        assertThat(version.exitCode()).isZero();
        assertThat(version.output().strip()).matches("Timeledger \\d+\\.\\d+\\.\\d+.*");
    }

    /**
     * The embedded cluster trusts no one: its superuser's password is in a file only its owner
     * reads, pg_hba.conf asks for it everywhere, and the cluster listens on loopback only.
     */
    private void aPasswordIsRequired() throws Exception {
        var cluster = dataDir.resolve("pg");
        var passwordFile = cluster.resolve("timeledger.password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).doesNotContain("trust").contains("scram-sha-256");
        var url = "jdbc:postgresql://localhost:" + Files.readAllLines(cluster.resolve("postmaster.pid")).get(3).strip()
            + "/timeledger";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
            .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "guess").close())
            .hasMessageContaining("password authentication failed");
        try (var connection = DriverManager.getConnection(url, "postgres", Files.readString(passwordFile).strip());
             var listen = connection.createStatement().executeQuery("SHOW listen_addresses")) {
            listen.next();
            assertThat(listen.getString(1)).isEqualTo("localhost");
        }
    }

    private record Finished(int exitCode, String output) { }

    /** Runs a command on this test's data directory to its end (a minute at most). */
    private Finished run(ProcessBuilder builder) throws Exception {
        builder.redirectErrorStream(true);
        builder.environment().put("TIMELEDGER_DATA_DIR", dataDir.toString());
        var process = builder.start();
        var output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return "";
            }
        });
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished within a minute").isTrue();
        return new Finished(process.exitValue(), output.get(10, TimeUnit.SECONDS));
    }

    /**
     * Running postmasters whose data directory no longer exists. The launcher's training start runs on a
     * throwaway cluster and deletes it; left running, its postmaster would linger until it noticed.
     */
    private static List<String> postmastersOfDeletedDirectories() {
        return ProcessHandle.allProcesses()
            .filter(process -> process.info().command().filter(command -> command.endsWith("/bin/postgres")).isPresent())
            .flatMap(process -> process.info().arguments().flatMap(ServerProcessIT::dataDirectory).stream())
            .filter(directory -> !Files.isDirectory(Path.of(directory)))
            .toList();
    }

    /** The directory a postmaster's {@code -D} names. */
    private static Optional<String> dataDirectory(String[] arguments) {
        int flag = List.of(arguments).indexOf("-D");
        return flag >= 0 && flag + 1 < arguments.length ? Optional.of(arguments[flag + 1]) : Optional.empty();
    }

    private long postmasterPid() throws Exception {
        List<String> lines = Files.readAllLines(dataDir.resolve("pg/postmaster.pid"));
        return Long.parseLong(lines.get(0).strip());
    }
}
