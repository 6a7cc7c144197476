package io.timeledger.core.archive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an account archive holds, read from the database's own catalog rather than listed by hand:
 * every table with an {@code account_id} is the account's and goes into the archive — so a table
 * a later migration adds travels without anyone remembering it — except the few that hold secrets
 * or history ({@link #LEFT_OUT}). Foreign keys say which columns are ids of which table, so a
 * restore can give every row a new id and keep every reference pointing at the same thing; the
 * order that satisfies them is the order of restoring.
 */
@Repository
class ArchiveSchema {

    /** Tables of an account that an archive leaves out, and why. */
    static final Map<String, String> LEFT_OUT = Map.of(
        "credential", "tokens and API keys are secrets of this server; people make new ones on the new one",
        "password_link", "a password link is a secret of this server",
        "calendar_link", "a calendar link is a secret of this server",
        "oauth_authorization", "authorizations are secrets of this server",
        "audit_event", "the security log is this server's history",
        "change_log", "the change feed is this server's history; the restored account's starts empty",
        "change_feed", "the change feed is this server's history",
        "change_batch", "a transaction's scratch space",
        "webhook", "a subscription's secret is this server's; an administrator subscribes again on the new one",
        "webhook_delivery", "the deliveries are this server's history");

    /** Columns holding ids of another table that no foreign key can describe (arrays of ids). */
    static final Map<String, Map<String, String>> ID_ARRAYS = Map.of(
        "report", Map.of("memberships", "membership", "legacy_users", "app_user", "contacts", "contact",
            "projects", "project", "tasks", "task"));

    /**
     * Orders no foreign key implies: an approved week refuses new time (V28), so approvals are
     * restored after the entries they approve.
     */
    static final Map<String, String> RESTORED_AFTER = Map.of("timesheet_approval", "entry");

    private final JdbcClient jdbc;
    private volatile List<ArchivedTable> tables;

    ArchiveSchema(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's tables in the order they are restored: every table after those it refers to. */
    List<ArchivedTable> tables() {
        var known = tables;
        if (known == null) {
            known = read();
            tables = known;
        }
        return known;
    }

    /** The version of the schema (Flyway's), written in the manifest. */
    String version() {
        return jdbc.sql("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                + " ORDER BY installed_rank DESC LIMIT 1")
            .query(String.class).single();
    }

    private List<ArchivedTable> read() {
        var names = new TreeSet<>(jdbc.sql("""
                SELECT c.relname FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'account_id' AND NOT a.attisdropped
                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')""")
            .query(String.class).list());
        names.removeAll(LEFT_OUT.keySet());
        var byName = new LinkedHashMap<String, ArchivedTable>();
        byName.put("account", table("account"));
        for (var name : names) {
            byName.put(name, table(name));
        }
        return restoringOrder(byName);
    }

    private ArchivedTable table(String name) {
        var columns = jdbc.sql("""
                SELECT a.attname, a.attidentity <> '' AS identity, a.attgenerated <> '' AS generated,
                       pg_get_expr(d.adbin, d.adrelid) AS default_value
                  FROM pg_attribute a
                  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE a.attrelid = CAST(:table AS regclass) AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attnum""")
            .param("table", name)
            .query((rs, row) -> new ArchivedTable.Column(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
                rs.getString(4)))
            .list();
        var key = jdbc.sql("""
                SELECT a.attname FROM pg_index i
                  CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                 WHERE i.indrelid = CAST(:table AS regclass) AND i.indisprimary
                 ORDER BY k.position""")
            .param("table", name).query(String.class).list();
        var references = new TreeMap<String, String>();
        var foreignKeys = jdbc.sql("""
                SELECT c.conname, CAST(CAST(c.confrelid AS regclass) AS text),
                       ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, position)
                               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                              ORDER BY k.position),
                       ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, position)
                               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum
                              ORDER BY k.position)
                  FROM pg_constraint c
                 WHERE c.conrelid = CAST(:table AS regclass) AND c.contype = 'f'""")
            .param("table", name)
            .query((rs, row) -> new ForeignKey(rs.getString(1), rs.getString(2),
                List.of((String[]) rs.getArray(3).getArray()), List.of((String[]) rs.getArray(4).getArray())))
            .list();
        for (var foreignKey : foreignKeys) {
            for (int i = 0; i < foreignKey.columns().size(); i++) {
                var column = foreignKey.columns().get(i);
                var referenced = foreignKey.referencedColumns().get(i);
                if (column.equals("account_id") && referenced.equals(foreignKey.table().equals("account") ? "id"
                        : "account_id")) {
                    continue; // every row takes the restored account's id
                }
                if (!referenced.equals("id")) {
                    throw new IllegalStateException("The archive cannot carry " + name + "." + foreignKey.name()
                        + ": it refers to " + foreignKey.table() + "." + referenced + ", not to an id");
                }
                references.put(column, foreignKey.table());
            }
        }
        return new ArchivedTable(name, columns, key, references, ID_ARRAYS.getOrDefault(name, Map.of()));
    }

    private record ForeignKey(String name, String table, List<String> columns, List<String> referencedColumns) { }

    /** Kahn's order over the references (and {@link #RESTORED_AFTER}), ties by name. */
    private static List<ArchivedTable> restoringOrder(Map<String, ArchivedTable> tables) {
        var waiting = new TreeMap<String, Set<String>>();
        for (var table : tables.values()) {
            var before = new TreeSet<String>();
            table.references().values().forEach(before::add);
            table.idArrays().values().forEach(before::add);
            if (RESTORED_AFTER.containsKey(table.name())) {
                before.add(RESTORED_AFTER.get(table.name()));
            }
            if (!table.isAccount()) {
                before.add("account");
            }
            before.remove(table.name());
            before.remove("app_user"); // people are matched before any table
            before.retainAll(tables.keySet());
            waiting.put(table.name(), before);
        }
        var order = new ArrayList<ArchivedTable>();
        while (!waiting.isEmpty()) {
            var ready = waiting.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                .min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("The account's tables refer to each other in a"
                    + " circle: " + waiting));
            waiting.remove(ready);
            waiting.values().forEach(before -> before.remove(ready));
            order.add(tables.get(ready));
        }
        return List.copyOf(order);
    }
}
