package io.timeledger.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * A server under test: a build run by {@code bin/timeledger} over a data directory (its embedded
 * PostgreSQL's cluster), on a free port, started as the README says and with the rate limit off.
 * The launcher's one-time preparation of a build (unpacking, the class archive's training start)
 * runs before the clock starts: the start measured is every later start's.
 * The first start over an empty directory prints the administrator's token; later starts over
 * the same directory print none.
 */
final class BenchServer implements AutoCloseable {

    /** How the README says to run the server: a bounded heap. */
    static final String DEFAULT_OPTIONS = "-Xmx256m";
    private static final Pattern TOKEN = Pattern.compile("tlp_[A-Za-z0-9_-]{43}");
    private static final Pattern ADMINISTRATOR = Pattern.compile("administrator (\\S+@\\S+)\\.$");
    /** How many event streams one person may hold open on the bench's server. */
    static final int STREAMS = 1_100;

    private final Process process;
    private final String base;
    private final String managementBase;
    private final Path dataDir;
    private final AtomicReference<String> token;
    private final double startSeconds;
    private final double startCpuSeconds;

    private final AtomicReference<String> email;
    private final AtomicReference<String> password;

    private BenchServer(Process process, String base, String managementBase, Path dataDir,
                        AtomicReference<String> token, AtomicReference<String> email, AtomicReference<String> password,
                        double startSeconds, double startCpuSeconds) {
        this.process = process;
        this.base = base;
        this.managementBase = managementBase;
        this.dataDir = dataDir;
        this.token = token;
        this.email = email;
        this.password = password;
        this.startSeconds = startSeconds;
        this.startCpuSeconds = startCpuSeconds;
    }

    /** Starts {@code jar} over {@code dataDir} and returns once it answers its health check. */
    static BenchServer start(String jar, Path dataDir, HttpClient http) throws Exception {
        int port = freePort();
        int managementPort = freePort();
        var preparing = launcher(jar, dataDir, port, List.of("prepare")).inheritIO().start();
        if (preparing.waitFor() != 0) {
            throw new IllegalStateException("bin/timeledger could not prepare " + jar);
        }
        long started = System.nanoTime();
        long busyBefore = machineBusyTicks();
        var process = launcher(jar, dataDir, port,
            // the live bench holds a thousand streams of one person open (LiveBench)
            List.of("--timeledger.rate-limit.enabled=false", "--logging.level.root=WARN",
                "--management.server.port=" + managementPort, "--timeledger.events.per-person=" + STREAMS))
            .redirectErrorStream(true).start();
        var token = new AtomicReference<String>();
        var signIn = new AtomicReference<String>();
        var password = new AtomicReference<String>();
        var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var drain = new Thread(() -> {
            try {
                lines.lines().forEach(line -> {
                    var matcher = TOKEN.matcher(line);
                    if (matcher.find()) {
                        token.compareAndSet(null, matcher.group());
                    }
                    var administrator = ADMINISTRATOR.matcher(line);
                    if (administrator.find()) {
                        signIn.compareAndSet(null, administrator.group(1));
                    } else if (line.contains("with that email and the password")) {
                        password.compareAndSet(null, "");
                    } else if ("".equals(password.get()) && !line.isBlank()) {
                        password.set(line.strip());
                    }
                });
            } catch (java.io.UncheckedIOException stopped) {
                // the server was stopped and its output closed
            }
        });
        drain.setDaemon(true);
        drain.start();
        var base = "http://localhost:" + port;
        // readiness on the API's port: with a management port of its own, /actuator lives only there
        var health = HttpRequest.newBuilder(URI.create(base + "/readyz")).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(jar + " exited with " + process.exitValue() + " before it answered");
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        return new BenchServer(process, base, "http://localhost:" + managementPort, dataDir, token, signIn, password,
            (System.nanoTime() - started) / 1e9,
            (machineBusyTicks() - busyBefore) / 100.0);
    }

    /**
     * {@code bin/timeledger} running {@code jar} with the server's JVM options from
     * BENCH_SERVER_OPTS (e.g. "-Xmx256m -XX:StartFlightRecording=..."; default -Xmx256m).
     */
    private static ProcessBuilder launcher(String jar, Path dataDir, int port, List<String> arguments) {
        var command = new ArrayList<String>();
        command.add("bin/timeledger");
        command.addAll(arguments);
        var builder = new ProcessBuilder(command);
        builder.environment().put("TIMELEDGER_JAR", jar);
        builder.environment().put("JAVA_OPTS", System.getenv().getOrDefault("BENCH_SERVER_OPTS", DEFAULT_OPTIONS));
        builder.environment().put("TIMELEDGER_DATA_DIR", dataDir.toString());
        builder.environment().put("PORT", Integer.toString(port));
        // every open event stream is a connection: the live bench's thousand, and the measurements beside them
        builder.environment().put("TIMELEDGER_MAX_CONNECTIONS", Integer.toString(STREAMS + 100));
        // the webhook bench's receiver is on this host
        builder.environment().put("TIMELEDGER_WEBHOOKS_ALLOW_PRIVATE", "true");
        return builder;
    }

    String base() {
        return base;
    }

    /** Where the server's metrics are served. */
    String managementBase() {
        return managementBase;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    Process process() {
        return process;
    }

    /** Process start to health UP. */
    double startSeconds() {
        return startSeconds;
    }

    /**
     * CPU time the whole machine spent while the server started (process start to health UP): the
     * server, its PostgreSQL and initdb, and whatever else ran. On two cores a start keeps both
     * busy, so this moves with the start's own work where the wall time also moves with the
     * machine's other tenants.
     */
    double startCpuSeconds() {
        return startCpuSeconds;
    }

    /**
     * Ticks (USER_HZ, 10 ms) the machine's CPUs were busy since boot, from /proc/stat's first line:
     * user, nice, system, irq and softirq; not idle, I/O wait or time stolen by the hypervisor.
     */
    private static long machineBusyTicks() throws IOException {
        var fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        return Long.parseLong(fields[1]) + Long.parseLong(fields[2]) + Long.parseLong(fields[3])
            + Long.parseLong(fields[6]) + Long.parseLong(fields[7]);
    }

    /** The administrator's token, printed by the first start over an empty data directory. */
    String firstStartToken() throws InterruptedException {
        for (int i = 0; i < 100 && token.get() == null; i++) {
            Thread.sleep(50);
        }
        if (token.get() == null) {
            throw new IllegalStateException("the server printed no token: was its data directory empty?");
        }
        return token.get();
    }

    /** The administrator's email and password, printed by the first start: {email, password}. */
    String[] firstStartSignIn() throws InterruptedException {
        firstStartToken();
        if (email.get() == null || password.get() == null || password.get().isEmpty()) {
            throw new IllegalStateException("the server printed no administrator's email and password");
        }
        return new String[] {email.get(), password.get()};
    }

    /** The server's database, as its superuser (the password is in the cluster's directory). */
    String jdbcUrl() throws IOException {
        var pgPort = Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(3).strip();
        var password = Files.readString(dataDir.resolve("pg/timeledger.password")).strip();
        return "jdbc:postgresql://localhost:" + pgPort + "/timeledger?user=postgres&password=" + password;
    }

    /**
     * CPU time so far, in milliseconds, of the server's JVM and of its PostgreSQL (the postmaster and
     * every process it started), from {@code /proc} in clock ticks of 10 ms (Linux's USER_HZ).
     */
    long[] cpuMillis() throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).strip());
        long database = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (var dir : (Iterable<Path>) processes::iterator) {
                var name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                var stat = stat(dir);
                if (stat != null && (Long.parseLong(name) == postmaster || Long.parseLong(stat[1]) == postmaster)) {
                    database += ticks(stat);
                }
            }
        }
        var own = stat(Path.of("/proc", Long.toString(process.pid())));
        return new long[] {own == null ? 0 : ticks(own) * 10, database * 10};
    }

    /** The fields of /proc/PID/stat after the command (field 3, the state, is index 0), or null if it is gone. */
    private static String[] stat(Path dir) {
        try {
            var text = Files.readString(dir.resolve("stat"));
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** utime + stime: fields 14 and 15 of /proc/PID/stat. */
    private static long ticks(String[] stat) {
        return Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
