package io.timeledger.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a change with a table's change-announcing trigger disabled (V12, V14, V18), so that only
 * this server's own forgetting at commit can make the change show: a test of that path fails
 * when the path is gone instead of passing on the trigger's announcement.
 */
public final class Unannounced {

    private Unannounced() { }

    public static void run(JdbcClient jdbc, String table, String trigger, Runnable change) {
        jdbc.sql("ALTER TABLE " + table + " DISABLE TRIGGER " + trigger).update();
        try {
            change.run();
        } finally {
            jdbc.sql("ALTER TABLE " + table + " ENABLE TRIGGER " + trigger).update();
        }
    }
}
