package io.timeledger.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.ApiTest;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * V17 rebuilds the entry table with its columns in another order. Over a ledger migrated to V16 in
 * a database of its own: every entry comes through unchanged, ids go on where they left off, and
 * the table keeps every constraint and index it had.
 */
@ApiTest
class EntryLayoutMigrationTests {

    @Autowired DataSource server;
    @Autowired JdbcClient serverJdbc;
    @Autowired ObjectMapper json;

    @Test
    void theRebuiltEntryTableKeepsEveryRowIdConstraintAndIndex() throws SQLException {
        var name = "entry_layout_" + UUID.randomUUID().toString().replace("-", "");
        serverJdbc.sql("CREATE DATABASE " + name).update();
        String url;
        String user;
        try (var connection = server.getConnection()) {
            url = connection.getMetaData().getURL().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
            user = connection.getMetaData().getUserName();
        }
        var database = new SingleConnectionDataSource(url, user, "", true);
        try {
            var jdbc = JdbcClient.create(database);
            migrate(database, "16");
            ledger(jdbc);
            var rows = rows(jdbc);
            var structure = structure(jdbc);

            migrate(database, "17");

            assertThat(rows(jdbc)).isEqualTo(rows);
            assertThat(structure(jdbc)).isEqualTo(structure);
            // the third entry was deleted before the rebuild: its id is not given again
            assertThat(jdbc.sql("INSERT INTO entry (account_id, membership_id, spent_on, logged)"
                + " VALUES (1, 1, '2024-03-01', true) RETURNING id").query(Long.class).single()).isEqualTo(4L);
            // one dock per person, still
            assertThat(jdbc.sql("INSERT INTO entry (account_id, membership_id, logged) VALUES (1, 1, false)"
                + " ON CONFLICT DO NOTHING RETURNING id").query(Long.class).optional()).isEmpty();
            // the tasks' link to entries is back, cascading
            jdbc.sql("DELETE FROM entry WHERE id = 1").update();
            assertThat(jdbc.sql("SELECT count(*) FROM entry_task").query(Long.class).single()).isZero();
            // what a report reads comes before the first column of variable width
            assertThat(jdbc.sql("""
                SELECT max(attnum) FILTER (WHERE attname IN ('account_id', 'membership_id', 'contact_id', 'project_id',
                           'billing_cents', 'spent_on', 'spent_month', 'duration_s', 'logged', 'billable'))
                       < min(attnum) FILTER (WHERE attlen < 0)
                FROM pg_attribute WHERE attrelid = 'entry'::regclass AND attnum > 0 AND NOT attisdropped""")
                .query(Boolean.class).single()).isTrue();
        } finally {
            database.destroy();
            serverJdbc.sql("DROP DATABASE " + name + " WITH (FORCE)").update();
        }
    }

    private static void migrate(DataSource database, String version) {
        Flyway.configure().dataSource(database).target(version).load().migrate();
    }

    /** One account's ledger that fills every column of entry at least once. */
    private static void ledger(JdbcClient jdbc) {
        jdbc.sql("""
            INSERT INTO account (name) VALUES ('Layout');
            INSERT INTO app_user (email) VALUES ('layout@example.com');
            INSERT INTO membership (account_id, user_id) VALUES (1, 1);
            INSERT INTO contact (account_id, name) VALUES (1, 'ACME');
            INSERT INTO project (account_id, contact_id, name) VALUES (1, 1, 'Website');
            INSERT INTO task (account_id, name) VALUES (1, 'Design');
            INSERT INTO job (account_id, contact_id, project_id, name, price, price_type) VALUES (1, 1, 1, 'Build', 10, 0);
            INSERT INTO invoice (account_id, contact_id, number, issued_on, due_on, currency)
                VALUES (1, 1, 'INV-1', '2024-02-01', '2024-03-01', 'USD');
            INSERT INTO entry (account_id, membership_id, contact_id, project_id, job_id, description, spent_on, duration_s,
                               timer_started_at, started_at, ended_at, logged, logged_at, billable, billing_rate, cost_rate,
                               invoice_id, closed, locked_reason, external_id, external_group_id, external_account_id,
                               external_permalink, external_service, external_service_icon_url, created_at, updated_at)
                VALUES (1, 1, 1, 1, 1, 'Every column', '2024-01-31', 5400, '2024-01-31T09:00:00Z',
                        '2024-01-31T07:30:00Z', '2024-01-31T09:00:00Z', true, '2024-01-31T09:00:01Z', true, 150.25,
                        40.50, 1, true, 'invoiced', 'ext-1', 'group-1', 'acct-1', 'https://example.com/1', 'trello',
                        'https://example.com/icon.png', '2024-01-31T09:00:02Z', '2024-01-31T09:00:03Z');
            INSERT INTO entry (account_id, membership_id, logged, description) VALUES (1, 1, false, 'In the dock');
            INSERT INTO entry (account_id, membership_id, spent_on, logged) VALUES (1, 1, '2024-02-02', true);
            DELETE FROM entry WHERE id = 3;
            INSERT INTO entry_task (account_id, entry_id, task_id, position) VALUES (1, 1, 1, 0);
            """).update();
    }

    private List<Map<String, Object>> rows(JdbcClient jdbc) {
        return jdbc.sql("SELECT row_to_json(e)::text FROM entry e ORDER BY id").query(String.class).list().stream()
            .map(row -> json.readValue(row, new TypeReference<Map<String, Object>>() { }))
            .toList();
    }

    /** The table's columns, constraints, indexes and settings, each as PostgreSQL would write it. */
    private static List<String> structure(JdbcClient jdbc) {
        return jdbc.sql("""
            SELECT format('column %s %s not null: %s, identity: %s, generated: %s, default: %s, comment: %s', attname,
                          format_type(atttypid, atttypmod), attnotnull, attidentity, attgenerated,
                          pg_get_expr(d.adbin, d.adrelid), col_description(attrelid, attnum))
            FROM pg_attribute LEFT JOIN pg_attrdef d ON d.adrelid = attrelid AND d.adnum = attnum
            WHERE attrelid = 'entry'::regclass AND attnum > 0 AND NOT attisdropped
            UNION ALL
            SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
            WHERE conrelid = 'entry'::regclass OR confrelid = 'entry'::regclass
            UNION ALL
            SELECT 'index ' || pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'entry'::regclass
            UNION ALL
            SELECT 'options ' || coalesce(array_to_string(reloptions, ','), '') FROM pg_class WHERE oid = 'entry'::regclass
            UNION ALL
            SELECT 'sequence ' || pg_get_serial_sequence('entry', 'id')
            ORDER BY 1""").query(String.class).list();
    }
}
