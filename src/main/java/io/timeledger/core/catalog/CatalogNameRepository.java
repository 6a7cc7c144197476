package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link CatalogNames}' one statement: names by table, and the assignments of projects, in a {@code UNION ALL}. */
@Repository
class CatalogNameRepository {

    /** The columns every branch of the query returns: a name, or an assignment's columns. */
    private static final UnionColumns UNION = new UnionColumns(
        "id", "bigint", "name", "text", "code", "text", "project_id", "bigint", "subject_id", "bigint", "flag", "boolean",
        "active", "boolean", "hourly_rate", "numeric", "budget", "numeric", "created_at", "timestamptz",
        "updated_at", "timestamptz");

    /** A name per contact, project and task, each from the ids in the parameter named like its table. */
    private static final Map<String, String> NAMES = Map.of(
        "contact", names("contact", Map.of()),
        // a deleted project keeps its name; its rate no longer applies
        "project", names("project", Map.of("hourly_rate", "CASE WHEN deleted_at IS NULL THEN default_rate END",
            "code", "short_code")),
        "task", names("task", Map.of()));

    /** The assignments of the projects in {@code :assigned}, both kinds. */
    private static final String ASSIGNMENTS = Arrays.stream(AssignmentKind.values())
        .map(kind -> UNION.branch(kind.name(), kind.expressions,
            "FROM " + kind.table + " WHERE account_id = :account AND project_id = ANY(:assigned)"))
        .collect(Collectors.joining(" UNION ALL "));

    private final JdbcClient jdbc;

    CatalogNameRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What one query read: names by table and id, and the assignments of the projects asked for. */
    static final class Read {
        final Map<CatalogCache.NameKey, CatalogCache.Name> names = new HashMap<>();
        final List<TaskAssignment> taskAssignments = new ArrayList<>();
        final List<UserAssignment> userAssignments = new ArrayList<>();
    }

    /** The names of {@code ids} by table and the assignments of the projects {@code assigned}, in one query. */
    Read read(AccountId account, Map<String, List<Long>> ids, List<Long> assigned) {
        var read = new Read();
        var selects = new ArrayList<String>();
        for (var table : CatalogNames.TABLES) {
            if (!ids.get(table).isEmpty()) {
                selects.add(NAMES.get(table));
            }
        }
        if (!assigned.isEmpty()) {
            selects.add(ASSIGNMENTS);
        }
        var query = jdbc.sql(String.join(" UNION ALL ", selects))
            .param("account", account.value())
            .param("assigned", assigned.toArray(Long[]::new));
        for (var table : CatalogNames.TABLES) {
            query = query.param(table, ids.get(table).toArray(Long[]::new));
        }
        query.query((ResultSet rs) -> add(account, read, rs));
        return read;
    }

    private static void add(AccountId account, Read read, ResultSet rs) throws SQLException {
        var kind = rs.getString("kind");
        if (CatalogNames.TABLES.contains(kind)) {
            var key = new CatalogCache.NameKey(account.value(), kind, rs.getLong("id"));
            // a project's rate, while it is not deleted; contacts and tasks have none here
            read.names.put(key, new CatalogCache.Name(named(rs), rs.getBigDecimal("hourly_rate")));
            return;
        }
        var row = AssignmentRepository.map(rs, 0);
        switch (AssignmentKind.valueOf(kind)) {
            case TASK -> read.taskAssignments.add(row.asTask());
            case USER -> read.userAssignments.add(row.asUser());
        }
    }

    private static Named named(ResultSet rs) throws SQLException {
        return new Named(rs.getLong("id"), rs.getString("name"), rs.getString("code"));
    }

    /** The name branch of {@code table}: its id and name, and {@code more} columns by expression. */
    private static String names(String table, Map<String, String> more) {
        return UNION.branch(table, UnionColumns.and(UnionColumns.of(table, List.of("id", "name")), more),
            "FROM " + table + " WHERE account_id = :account AND id = ANY(:" + table + ")");
    }
}
