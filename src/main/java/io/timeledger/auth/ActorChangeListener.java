package io.timeledger.auth;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on the channel where the database announces changes to credentials, people and accounts
 * (V12) and tells {@link AuthenticationCache} to forget what it remembers. Its own connection, not
 * one of the pool's: it waits on the socket for as long as the server runs. While it is not
 * connected — the database is down or restarting — the cache remembers nothing, and it connects
 * again on its own.
 */
@Component
@ConditionalOnWebApplication
class ActorChangeListener implements SmartLifecycle {

    static final String CHANNEL = "timeledger_actors";

    private static final Logger log = LoggerFactory.getLogger(ActorChangeListener.class);
    /** How long one wait for notifications lasts: the socket read cannot be interrupted, so stopping waits this long. */
    private static final int POLL_MILLIS = 500;
    /** Quiet waits between two checks that the connection still answers (~10 s). */
    private static final int POLLS_PER_CHECK = 20;
    private static final long RETRY_MILLIS = 2_000;

    private final HikariDataSource pool;
    private final AuthenticationCache cache;
    private volatile Thread thread;
    private volatile boolean running;

    ActorChangeListener(HikariDataSource pool, AuthenticationCache cache) {
        this.pool = pool;
        this.cache = cache;
    }

    @Override
    public void start() {
        running = true;
        var listening = new Thread(this::listen, "actor-change-listener");
        listening.setDaemon(true);
        thread = listening;
        listening.start();
    }

    @Override
    public void stop() {
        running = false;
        var listening = thread;
        if (listening != null) {
            listening.interrupt();
            try {
                listening.join(2L * POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (var connection = connect()) {
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                cache.listening(true);
                if (warned) {
                    log.info("Listening for changes to credentials and accounts again");
                    warned = false;
                }
                var notifications = connection.unwrap(PGConnection.class);
                int quiet = 0;
                while (running) {
                    var heard = notifications.getNotifications(POLL_MILLIS);
                    if (heard != null && heard.length > 0) {
                        cache.forgetAll(heard[0].getParameter());
                        quiet = 0;
                    } else if (++quiet == POLLS_PER_CHECK) {
                        quiet = 0;
                        if (!connection.isValid(5)) {
                            throw new SQLException("the listening connection no longer answers");
                        }
                    }
                }
            } catch (SQLException e) {
                cache.listening(false);
                if (running && !warned) {
                    log.warn("Not listening for changes to credentials and accounts ({}); every request"
                        + " reads its credential until the database answers again", e.getMessage());
                    warned = true;
                }
                pause();
            }
        }
        cache.listening(false);
    }

    private Connection connect() throws SQLException {
        var connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        connection.setAutoCommit(true);
        return connection;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
