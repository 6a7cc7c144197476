package io.timeledger.database;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The server's {@link DataSource}: the primary, except inside a
 * {@link io.timeledger.core.common.ReplicaReads} call that found the replica caught up, which takes
 * its connection from the replica. Without a replica every connection is the primary's.
 */
final class ReplicaRouting extends AbstractRoutingDataSource {

    private static final Logger log = LoggerFactory.getLogger(ReplicaRouting.class);
    private static final ThreadLocal<Boolean> ON_REPLICA = new ThreadLocal<>();

    private final JdbcTemplate primary;
    private final JdbcTemplate replica;
    private final Duration wait;
    private final Counter onReplica;
    private final Counter onPrimary;

    ReplicaRouting(DataSource primary, DataSource replica, Duration wait, MeterRegistry meters) {
        this.primary = new JdbcTemplate(primary);
        this.replica = replica == null ? null : new JdbcTemplate(replica);
        this.wait = wait;
        setDefaultTargetDataSource(primary);
        setTargetDataSources(replica == null ? Map.of() : Map.of(Boolean.TRUE, replica));
        afterPropertiesSet();
        this.onReplica = reads(meters, "replica");
        this.onPrimary = reads(meters, "primary");
    }

    private static Counter reads(MeterRegistry meters, String where) {
        return Counter.builder("timeledger.database.replica.reads").tag("read", where)
            .description("Calls that may read a replica, by where they read").register(meters);
    }

    /** Closes the replica's pool (the primary's is a bean of its own). */
    public void close() {
        getResolvedDataSources().values().forEach(pool -> {
            if (pool instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.warn("Could not close the replica's connections", e);
                }
            }
        });
    }

    @Override
    protected Object determineCurrentLookupKey() {
        return ON_REPLICA.get();
    }

    /** Runs a {@code @ReplicaReads} call: on the replica when it may, else on the primary. */
    MethodInterceptor interceptor() {
        return this::route;
    }

    private Object route(MethodInvocation call) throws Throwable {
        if (replica == null || ON_REPLICA.get() != null || TransactionSynchronizationManager.hasResource(this)) {
            return call.proceed();
        }
        if (!caughtUp()) {
            onPrimary.increment();
            return call.proceed();
        }
        onReplica.increment();
        ON_REPLICA.set(Boolean.TRUE);
        try {
            return call.proceed();
        } finally {
            ON_REPLICA.remove();
        }
    }

    /**
     * Whether the replica has replayed all the primary had written when asked — every commit made
     * before this call, the caller's own included — within {@code wait}. Written means inserted into
     * the WAL: with {@code synchronous_commit=off} a commit is acknowledged before it is written out,
     * so the write position ({@code pg_current_wal_lsn}) can stand before commits already made.
     */
    private boolean caughtUp() {
        try {
            var written = primary.queryForObject("SELECT CAST(pg_current_wal_insert_lsn() AS text)", String.class);
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                var replayed = replica.queryForObject("SELECT pg_last_wal_replay_lsn() >= CAST(? AS pg_lsn)",
                    Boolean.class, written);
                if (Boolean.TRUE.equals(replayed)) {
                    return true;
                }
                if (replayed == null) {
                    log.warn("The replica database is not replaying a primary's changes; reading the primary");
                    return false;
                }
                if (System.nanoTime() > deadline) {
                    log.debug("The replica is more than {} behind; reading the primary", wait);
                    return false;
                }
                Thread.sleep(5);
            }
        } catch (DataAccessException e) {
            log.warn("The replica database did not answer ({}); reading the primary", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
