package io.timeledger.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The ledger both benchmarks measure, written straight into PostgreSQL with set-based inserts: for
 * an account whose people already exist, 50 contacts, 200 projects, 30 tasks, N entries over the
 * last three years (each on one task; nine in ten billable at 120.00), the billable time of every
 * contact invoiced monthly up to six months ago (sent invoices with one line each), and one expense
 * for every hundred entries.
 */
final class BenchLedger {

    private BenchLedger() {
    }

    static void fill(Connection db, long account, int entries) throws SQLException {
        var statements = List.of(
            "INSERT INTO contact (account_id, name, default_rate) SELECT :account, 'Contact ' || g, 100 + g"
                + " FROM generate_series(1, 50) g",
            """
            INSERT INTO project (account_id, contact_id, name)
            SELECT :account, c.ids[1 + g % 50], 'Project ' || g
              FROM generate_series(1, 200) g,
                   (SELECT array_agg(id ORDER BY id) AS ids FROM contact WHERE account_id = :account) c""",
            "INSERT INTO task (account_id, name) SELECT :account, 'Task ' || g FROM generate_series(1, 30) g",
            """
            INSERT INTO invoice (account_id, contact_id, number, status, sent_at, issued_on, due_on, currency,
                                 period_from, period_to)
            SELECT :account, c.id, 'B-' || c.id || '-' || to_char(m, 'YYYY-MM'), 'sent', m + interval '1 month',
                   CAST(m + interval '1 month' AS date), CAST(m + interval '2 months' AS date), 'USD',
                   CAST(m AS date), CAST(m + interval '1 month - 1 day' AS date)
              FROM contact c,
                   generate_series(date_trunc('month', CAST(current_date - 1095 AS timestamp)),
                                   date_trunc('month', CAST(current_date AS timestamp)) - interval '6 months',
                                   interval '1 month') m
             WHERE c.account_id = :account""",
            """
            WITH m AS (SELECT array_agg(id ORDER BY id) AS ids FROM membership WHERE account_id = :account),
                 p AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(contact_id ORDER BY id) AS contacts
                         FROM project WHERE account_id = :account),
                 e AS (SELECT g, m.ids[1 + g % cardinality(m.ids)] AS membership_id, p.contacts[1 + g % 200] AS contact_id,
                              p.ids[1 + g % 200] AS project_id, current_date - (g % 1095) AS spent_on, g % 10 <> 0 AS billable
                         FROM generate_series(1, :entries) g, m, p)
            INSERT INTO entry (account_id, membership_id, contact_id, project_id, description, spent_on,
                               duration_s, logged, logged_at, billable, billing_rate, invoice_id)
            SELECT :account, e.membership_id, e.contact_id, e.project_id, 'Work item ' || e.g, e.spent_on,
                   900 + (e.g % 28) * 900, true, now(), e.billable, 120, i.id
              FROM e
              LEFT JOIN invoice i ON e.billable AND i.account_id = :account AND i.contact_id = e.contact_id
                   AND i.period_from = CAST(date_trunc('month', CAST(e.spent_on AS timestamp)) AS date)""",
            """
            INSERT INTO entry_task (account_id, entry_id, task_id, position)
            SELECT e.account_id, e.id, t.ids[1 + e.id % 30], 0
              FROM entry e, (SELECT array_agg(id ORDER BY id) AS ids FROM task WHERE account_id = :account) t
             WHERE e.account_id = :account""",
            """
            WITH billed AS (
                SELECT invoice_id, sum(duration_s) / 3600.0 AS hours,
                       round(sum(duration_s * billing_rate) / 3600, 2) AS amount
                  FROM entry WHERE account_id = :account AND invoice_id IS NOT NULL GROUP BY invoice_id),
            lines AS (
                INSERT INTO invoice_line (account_id, invoice_id, position, description, quantity, unit_amount,
                                          subtotal, tax, total)
                SELECT :account, invoice_id, 1, 'Time', hours, 120, amount, 0, amount FROM billed)
            UPDATE invoice i SET subtotal = b.amount, total = b.amount FROM billed b WHERE i.id = b.invoice_id""",
            """
            WITH m AS (SELECT array_agg(id ORDER BY id) AS ids FROM membership WHERE account_id = :account),
                 p AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(contact_id ORDER BY id) AS contacts
                         FROM project WHERE account_id = :account)
            INSERT INTO expense (account_id, membership_id, contact_id, project_id, description, quantity,
                                 unit_amount, spent_on)
            SELECT :account, m.ids[1 + g % cardinality(m.ids)], p.contacts[1 + g % 200], p.ids[1 + g % 200],
                   'Expense ' || g, 1 + g % 3, 10 + g % 90, current_date - (g * 7 % 1095)
              FROM generate_series(1, :entries / 100) g, m, p""");
        try (var sql = db.createStatement()) {
            // the ledger is history, not a million live changes: none is logged to the change feed (V25)
            sql.execute("ALTER TABLE entry DISABLE TRIGGER entry_created_logged");
            try {
                for (var statement : statements) {
                    sql.execute(statement.replace(":account", Long.toString(account))
                        .replace(":entries", Integer.toString(entries)));
                }
            } finally {
                sql.execute("ALTER TABLE entry ENABLE TRIGGER entry_created_logged");
            }
        }
    }
}
