package io.timeledger.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL started from the binaries in the zonky jar, its cluster kept in one directory so
 * that a restart finds everything again.
 *
 * <p>Three situations meet at start-up. The usual one: nothing runs on the directory, so the
 * server starts here and stops when the application closes. A postmaster left running by a
 * Timeledger that was killed (an orphan: it owns the directory but no process holds the zonky
 * lock) is shut down first, so no orphan survives two starts. And an admin command run beside a
 * live server connects to that server instead of starting a second one on the same files.
 */
final class EmbeddedDatabase implements Closeable {

    static final String USER = "postgres";
    static final String DATABASE = "timeledger";
    static final EmbeddedDatabase NONE = new EmbeddedDatabase(null, -1, null);
    /** The superuser's password, beside the cluster's files, readable by their owner only. */
    static final String PASSWORD_FILE = "timeledger.password";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String ZONKY_LOCK = "epg-lock";

    private volatile EmbeddedPostgres server;
    private final int port;
    private final String password;
    private volatile ProcessHandle postmaster;
    /** Set once an application context holds this database: the context's close stops it. */
    private volatile boolean held;
    /** Set as it is closed: a postmaster that dies from then on is not revived. */
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    private EmbeddedDatabase(EmbeddedPostgres server, int port, String password) {
        this.server = server;
        this.port = port;
        this.password = password;
    }

    /**
     * A postmaster that dies under a running server (killed, out of memory) is started again on the
     * same files and port, however often it takes: crash recovery replays its WAL, so every
     * committed row is there, and the connection pool finds it by itself. Until then requests
     * answer 503 and readiness is DOWN.
     */
    private void reviveWhenItDies(EmbeddedPostgres.Builder builder) {
        var watched = postmaster;
        if (watched == null) {
            return;
        }
        watched.onExit().thenRunAsync(() -> {
            if (stopped.get()) {
                return;
            }
            log.warn("The embedded PostgreSQL (pid {}) died; starting it again", watched.pid());
            for (int attempt = 1; !stopped.get(); attempt++) {
                try {
                    server.close(); // releases its lock on the directory; there is nothing left to stop
                    builder.setPort(port);
                    server = builder.start();
                    postmaster = findPostmaster();
                    log.warn("The embedded PostgreSQL is back (pid {}, after {} attempt(s))",
                        postmaster == null ? "?" : postmaster.pid(), attempt);
                    reviveWhenItDies(builder);
                    return;
                } catch (IOException | RuntimeException e) {
                    // its backends may still hold the old shared memory for a moment
                    log.info("The embedded PostgreSQL did not start yet: {}", e.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        });
    }

    static EmbeddedDatabase open(Path directory, boolean ephemeral, boolean joinRunning) throws IOException {
        var builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200");
        if (!ephemeral) {
            Files.createDirectories(directory);
            var running = runningPostmaster(directory);
            if (running.isPresent()) {
                if (joinRunning) {
                    log.info("Using the PostgreSQL already running on {} (port {})", directory, running.get().port());
                    return new EmbeddedDatabase(null, running.get().port(), ClusterPassword.read(directory).orElse(null));
                }
                stopOrphan(directory, running.get());
            }
            // zonky tunes for throw-away test clusters (fsync off via -F, asynchronous commit); this
            // cluster holds someone's ledger, so every commit is made durable. A later -c wins over -F.
            // It is stopped at the JVM's exit by stopAtExit, not by zonky's hook.
            builder.setDataDirectory(directory).setCleanDataDirectory(false).setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "localhost");
            // a cluster made before passwords were required starts as it was, and is upgraded below
            ClusterPassword.read(directory).ifPresent(known -> builder.setConnectConfig("password", known));
        }
        if (ephemeral) {
            // throw-away clusters are the tests': they count the statements a request costs (RoundTripTests)
            // and how often each is planned (SearchPlanTests)
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_planning", "on");
        }
        var server = builder.start();
        String password = null;
        if (!ephemeral) {
            try (var connection = server.getPostgresDatabase().getConnection()) {
                password = ClusterPassword.require(directory, connection);
            } catch (SQLException e) {
                throw new IOException("could not require a password of the embedded PostgreSQL", e);
            }
        }
        var database = new EmbeddedDatabase(server, server.getPort(), password);
        database.createApplicationDatabase();
        database.postmaster = database.findPostmaster();
        if (!ephemeral) {
            if (password != null) {
                builder.setConnectConfig("password", password);
            }
            database.reviveWhenItDies(builder);
            database.stopAtExit();
        }
        log.info("Embedded PostgreSQL on port {}, data in {}", server.getPort(),
                ephemeral ? "a temporary directory" : directory.toAbsolutePath().normalize());
        return database;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    /** The superuser's password; null for a throw-away cluster, which trusts local connections. */
    String password() {
        return password;
    }

    /** An application context holds this database from now on, and stops it as it closes. */
    EmbeddedDatabase heldByContext() {
        held = true;
        return this;
    }

    /**
     * Stops the durable cluster when the JVM exits, however it exits — but after the application's
     * context has closed, when one holds it. The JVM runs every shutdown hook at once: zonky's own
     * stopped PostgreSQL at the first moment, under requests the graceful shutdown was still
     * finishing, and the revival above then started a postmaster that outlived the JVM.
     */
    private void stopAtExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (held && !closed.await(2, TimeUnit.MINUTES)) {
                    log.warn("The application did not close within two minutes; stopping its PostgreSQL");
                }
                close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
            }
        }, "embedded-postgresql-stop"));
    }

    @Override
    public void close() throws IOException {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            if (server != null) {
                server.close();
                if (postmaster != null) {
                    awaitExit(postmaster);
                }
            }
        } finally {
            closed.countDown();
        }
    }

    /** pg_ctl returns when the pid file is gone, a moment before the postmaster exits; wait for the exit too. */
    private static void awaitExit(ProcessHandle postmaster) throws IOException {
        try {
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IOException("the embedded PostgreSQL (pid " + postmaster.pid() + ") did not stop", e);
        }
    }

    private DataSource superuser() {
        return password == null ? server.getPostgresDatabase() : server.getPostgresDatabase(Map.of("password", password));
    }

    private ProcessHandle findPostmaster() throws IOException {
        try (var connection = superuser().getConnection();
             var statement = connection.createStatement();
             var directory = statement.executeQuery("SHOW data_directory")) {
            directory.next();
            return runningPostmaster(Path.of(directory.getString(1)))
                .flatMap(found -> ProcessHandle.of(found.pid()))
                .orElse(null);
        } catch (SQLException e) {
            throw new IOException("could not ask the embedded PostgreSQL for its data directory", e);
        }
    }

    private void createApplicationDatabase() throws IOException {
        try (var connection = superuser().getConnection();
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("could not create the database " + DATABASE, e);
        }
    }

    private record Postmaster(long pid, int port) { }

    /** The postmaster named by {@code postmaster.pid}, if that process still lives. */
    private static Optional<Postmaster> runningPostmaster(Path directory) throws IOException {
        var pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).trim());
        int port = Integer.parseInt(lines.get(3).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> new Postmaster(pid, port));
    }

    /**
     * Why a server cannot start on {@code directory}: another Timeledger runs there (its PostgreSQL
     * lives and the zonky lock is held). Empty when the directory is free, or holds only an orphan.
     */
    static Optional<String> inUse(Path directory) throws IOException {
        if (!Files.isDirectory(directory) || runningPostmaster(directory).isEmpty()) {
            return Optional.empty();
        }
        try (var channel = FileChannel.open(directory.resolve(ZONKY_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var lock = channel.tryLock()) {
            return lock != null ? Optional.empty() : Optional.of("Another Timeledger is running on "
                    + directory.toAbsolutePath().normalize()
                    + "; stop it first, or set TIMELEDGER_DATA_DIR to another directory");
        }
    }

    private static void stopOrphan(Path directory, Postmaster postmaster) throws IOException {
        var busy = inUse(directory);
        if (busy.isPresent()) {
            throw new IOException(busy.get());
        }
        log.warn("Stopping the PostgreSQL (pid {}) left running on {} by an earlier run", postmaster.pid(), directory);
        var process = ProcessHandle.of(postmaster.pid()).orElseThrow();
        // SIGTERM: a smart shutdown, which completes at once because the orphan's clients are gone.
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("The PostgreSQL (pid " + postmaster.pid() + ") on " + directory
                    + " did not stop; stop it by hand", e);
        }
    }
}
