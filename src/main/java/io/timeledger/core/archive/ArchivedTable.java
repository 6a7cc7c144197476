package io.timeledger.core.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One table of an account as its archive carries it: a file of JSON lines, one row each, in the
 * row's own column names ({@code to_jsonb}), without the account's id and the columns the
 * database computes. Restoring a line writes the row under the restored account, its id and every
 * id it refers to translated through the {@code archive_id} map the restore keeps.
 *
 * @param key        the primary key's columns, the order of the lines
 * @param references columns that hold the id of a row of another table (or of this one), by foreign key
 * @param idArrays   columns that hold arrays of ids of another table
 */
record ArchivedTable(String name, List<Column> columns, List<String> key, Map<String, String> references,
                     Map<String, String> idArrays) {

    /** A column: written from the line unless the database computes it. */
    record Column(String name, boolean identity, boolean generated, String defaultValue) { }

    String file() {
        return name + ".jsonl";
    }

    boolean isAccount() {
        return name.equals("account");
    }

    /** Whether rows have an id of their own (from a sequence), which a restore maps. */
    boolean hasId() {
        return columns.stream().anyMatch(c -> c.name().equals("id") && c.identity());
    }

    /** How many rows the account has here, and the range of their ids: {@code :account}. */
    String sizeSql() {
        return "SELECT count(*), " + (hasId() ? "min(id), max(id)" : "NULL, NULL") + " FROM " + name
            + " WHERE " + (isAccount() ? "id" : "account_id") + " = :account";
    }

    /** Each row of the account as one line of JSON, in key order: {@code :account}. */
    String exportSql() {
        var dropped = new ArrayList<String>();
        if (!isAccount()) {
            dropped.add("'account_id'");
        }
        columns.stream().filter(Column::generated).forEach(c -> dropped.add("'" + c.name() + "'"));
        return "SELECT CAST(to_jsonb(t)" + (dropped.isEmpty() ? "" : " - ARRAY[" + String.join(", ", dropped) + "]")
            + " AS text) FROM " + name + " t WHERE " + (isAccount() ? "id" : "account_id") + " = :account"
            + " ORDER BY " + String.join(", ", key);
    }

    /**
     * Gives each line's id its id here: the same where the restore keeps this table's ids, else the
     * table's next: {@code :lines}, {@code :keep}.
     */
    String mapIdsSql() {
        return "INSERT INTO archive_id (tbl, old, new) SELECT '" + name + "', CAST(l.line ->> 'id' AS bigint),"
            + " CASE WHEN :keep THEN CAST(l.line ->> 'id' AS bigint)"
            + " ELSE nextval(pg_get_serial_sequence('" + name + "', 'id')) END"
            + " FROM unnest(CAST(:lines AS jsonb[])) AS l(line)";
    }

    /**
     * Writes the lines as rows of the restored account ({@code :account}); the account itself may be
     * renamed ({@code :name}, null to keep its name). A reference the archive does not hold becomes
     * -1, which the foreign key then refuses: an inconsistent archive restores nothing.
     */
    String insertSql() {
        var targets = new ArrayList<String>();
        var values = new ArrayList<String>();
        var joins = new ArrayList<String>();
        if (hasId()) {
            joins.add("JOIN archive_id AS self ON self.tbl = '" + name + "' AND self.old = r.id");
        }
        for (var column : columns) {
            if (column.generated()) {
                continue;
            }
            var c = column.name();
            targets.add(c);
            if (c.equals("account_id")) {
                values.add(":account");
            } else if (c.equals("id") && hasId()) {
                values.add("self.new");
            } else if (isAccount() && c.equals("name")) {
                values.add("coalesce(:name, r.name)");
            } else if (references.containsKey(c)) {
                var alias = "m_" + c;
                joins.add("LEFT JOIN archive_id AS " + alias + " ON " + alias + ".tbl = '" + references.get(c)
                    + "' AND " + alias + ".old = r." + c);
                values.add("CASE WHEN r." + c + " IS NULL THEN NULL ELSE coalesce(" + alias + ".new, -1) END");
            } else if (idArrays.containsKey(c)) {
                values.add("CASE WHEN r." + c + " IS NULL THEN NULL ELSE ARRAY(SELECT m.new FROM unnest(r." + c
                    + ") WITH ORDINALITY AS u(old, position) JOIN archive_id AS m ON m.tbl = '"
                    + idArrays.get(c) + "' AND m.old = u.old ORDER BY u.position) END");
            } else if (column.defaultValue() != null) {
                // a line from an older schema lacks the columns added since: they take their default
                values.add("CASE WHEN jsonb_exists(l.line, '" + c + "') THEN r." + c + " ELSE " + column.defaultValue()
                    + " END");
            } else {
                values.add("r." + c);
            }
        }
        return "INSERT INTO " + name + " (" + String.join(", ", targets) + ")"
            + (columns.stream().anyMatch(Column::identity) ? " OVERRIDING SYSTEM VALUE" : "")
            + " SELECT " + String.join(", ", values)
            + " FROM unnest(CAST(:lines AS jsonb[])) AS l(line)"
            + " CROSS JOIN LATERAL jsonb_populate_record(CAST(NULL AS " + name + "), l.line) AS r "
            + joins.stream().collect(Collectors.joining(" "));
    }
}
