package io.timeledger.database;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The database's part of health ({@code db}, and of readiness: see application.properties): UP
 * when {@code SELECT 1} answers within {@link #PATIENCE}, else DOWN — so that the health check
 * itself answers in time even when the database is frozen, where Boot's own indicator waits on
 * the connection as long as the operating system lets it. One probe at a time: while one still
 * waits, the next check waits on the same one instead of stacking another thread behind it.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

    static final Duration PATIENCE = Duration.ofMillis(1500);

    private final JdbcClient jdbc;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(task -> {
        var thread = new Thread(task, "database-health");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Health> probe;

    DatabaseHealth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        Future<Health> current;
        synchronized (this) {
            if (probe == null || probe.isDone()) {
                probe = prober.submit(this::probe);
            }
            current = probe;
        }
        try {
            return current.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer within " + PATIENCE.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("error", e.getCause().getMessage()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private Health probe() {
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
            return Health.up().withDetail("database", "PostgreSQL").build();
        } catch (DataAccessException e) {
            return Health.down().withDetail("error", e.getMostSpecificCause().getMessage()).build();
        }
    }

    @Override
    public void destroy() {
        prober.shutdownNow();
    }
}
