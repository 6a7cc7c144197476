package io.timeledger.database;

import com.zaxxer.hikari.HikariDataSource;
import io.timeledger.core.common.ChangeChannel;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on the channels where the database announces changes to what the server keeps between
 * requests — credentials, people and accounts (V12), the catalog (V14), the invoices entries show
 * (V18) — and passes each on to the {@link ChangeChannel} that keeps it. Its own connection, not one
 * of the pool's: it waits on the socket for as long as the server runs. A channel is listened on
 * while a keeper wants it ({@link ChangeChannel#wanted()}: the change feed's, only while event
 * streams are open), from the next wait on (within half a second). While it is not connected —
 * the database is down or restarting — every channel is told so and keeps nothing, and it connects
 * again on its own.
 */
@Component
@ConditionalOnWebApplication
class ChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    /** How long one wait for notifications lasts: the socket read cannot be interrupted, so stopping waits this long. */
    private static final int POLL_MILLIS = 500;
    /** Quiet waits between two checks that the connection still answers (~10 s). */
    private static final int POLLS_PER_CHECK = 20;
    private static final long RETRY_MILLIS = 2_000;

    private final HikariDataSource pool;
    /** Who keeps what each channel announces changes of: one channel may serve several. */
    private final Map<String, List<ChangeChannel>> channels;
    private volatile Thread thread;
    private volatile boolean running;

    ChangeListener(HikariDataSource pool, List<ChangeChannel> channels) {
        this.pool = pool;
        this.channels = channels.stream().collect(Collectors.groupingBy(ChangeChannel::channel,
            Collectors.toUnmodifiableList()));
    }

    @Override
    public void start() {
        running = true;
        var listening = new Thread(this::listen, "change-listener");
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
                var listened = new HashSet<String>();
                listenAsWanted(connection, listened);
                if (warned) {
                    log.info("Listening for changes made elsewhere again");
                    warned = false;
                }
                var notifications = connection.unwrap(PGConnection.class);
                int quiet = 0;
                while (running) {
                    listenAsWanted(connection, listened);
                    var heard = notifications.getNotifications(POLL_MILLIS);
                    if (heard != null && heard.length > 0) {
                        for (var notification : heard) {
                            for (var channel : channels.get(notification.getName())) {
                                channel.heard(notification.getParameter());
                            }
                        }
                        quiet = 0;
                    } else if (++quiet == POLLS_PER_CHECK) {
                        quiet = 0;
                        if (!connection.isValid(5)) {
                            throw new SQLException("the listening connection no longer answers");
                        }
                    }
                }
            } catch (SQLException e) {
                tellListening(false);
                if (running && !warned) {
                    log.warn("Not listening for changes made elsewhere ({}); every request reads its credential"
                        + " and the catalog until the database answers again", e.getMessage());
                    warned = true;
                }
                pause();
            }
        }
        tellListening(false);
    }

    /**
     * LISTENs on each channel some keeper wants and UNLISTENs from those none wants any more
     * ({@link ChangeChannel#wanted()}), telling their keepers; {@code listened} is what this
     * connection listens on.
     */
    private void listenAsWanted(Connection connection, Set<String> listened) throws SQLException {
        for (var channel : channels.entrySet()) {
            boolean wanted = channel.getValue().stream().anyMatch(ChangeChannel::wanted);
            if (wanted == listened.contains(channel.getKey())) {
                continue;
            }
            try (var statement = connection.createStatement()) {
                statement.execute((wanted ? "LISTEN " : "UNLISTEN ") + channel.getKey());
            }
            if (wanted) {
                listened.add(channel.getKey());
            } else {
                listened.remove(channel.getKey());
            }
            channel.getValue().forEach(keeper -> keeper.listening(wanted));
        }
    }

    private void tellListening(boolean listening) {
        channels.values().forEach(each -> each.forEach(channel -> channel.listening(listening)));
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
