package io.timeledger.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded PostgreSQL (initdb on a first run, then the postmaster: about two seconds)
 * on its own thread as soon as the server's configuration is known, so that it runs while Spring
 * builds the web server and the security and MVC machinery; the database bean then takes the
 * started server instead of starting one. Only for the server's own start ({@code main}); tests
 * and the admin command line start it where the bean is made. If the application fails before it
 * takes the server, the server is stopped.
 */
public final class EarlyStart implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EarlyStart.class);

    private record Started(Path directory, CompletableFuture<EmbeddedDatabase> database) { }

    private static volatile Started started;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared && started == null) {
            var properties = Binder.get(prepared.getEnvironment())
                .bind("timeledger.database", DatabaseProperties.class)
                .orElse(new DatabaseProperties(null, null, null, null, false, null, null));
            if (properties.embedded() && !properties.ephemeral()) {
                var directory = properties.dataDir().resolve("pg");
                refuseIfInUse(directory);
                started = new Started(directory, CompletableFuture.supplyAsync(() -> {
                    try {
                        return EmbeddedDatabase.open(directory, false, false);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
        } else if (event instanceof ApplicationFailedEvent) {
            var left = take(null);
            if (left != null) {
                left.database().thenAccept(database -> {
                    try {
                        database.close();
                    } catch (IOException e) {
                        log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
                    }
                });
            }
        }
    }

    /**
     * A second server on a data directory in use says so in one line and exits with status 1,
     * before Spring builds anything that would fail at greater length.
     */
    private static void refuseIfInUse(Path directory) {
        try {
            var busy = EmbeddedDatabase.inUse(directory);
            if (busy.isPresent()) {
                System.err.println("timeledger: " + busy.get());
                System.exit(1);
            }
        } catch (IOException e) {
            // unreadable: the start itself will say what is wrong
            log.debug("Could not tell whether {} is in use: {}", directory, e.getMessage());
        }
    }

    /**
     * The server started early for {@code directory}, waiting for it to be up; null when none was
     * started for it (then the caller starts one).
     */
    static EmbeddedDatabase takeFor(Path directory) throws IOException {
        var early = take(directory);
        if (early == null) {
            return null;
        }
        try {
            return early.database().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException("the embedded PostgreSQL did not start", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the embedded PostgreSQL started", e);
        }
    }

    private static synchronized Started take(Path directory) {
        var early = started;
        if (early == null || directory != null && !early.directory().equals(directory)) {
            return null;
        }
        started = null;
        return early;
    }
}
