package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a page of entries shows of what they point at — the names of contacts, projects and tasks
 * (deleted ones too), the rate of each live project and, when asked, the projects' task and user
 * assignments — read in one query, however many kinds are asked for. A page's lookups are one
 * round trip to the database, not one per kind.
 */
@Component
public class CatalogNames {

    /**
     * @param contacts         names by id
     * @param projects         names by id
     * @param tasks            names by id
     * @param liveProjectRates the default rate of each project that is not deleted and has one
     * @param taskAssignments  the projects' task assignments, when asked for
     * @param userAssignments  the projects' user assignments, when asked for
     */
    public record Names(Map<Long, Named> contacts, Map<Long, Named> projects, Map<Long, Named> tasks,
                        Map<Long, BigDecimal> liveProjectRates, List<TaskAssignment> taskAssignments,
                        List<UserAssignment> userAssignments) {

        private static Names empty() {
            return new Names(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new ArrayList<>(),
                new ArrayList<>());
        }
    }

    /** The columns every branch of the query returns: a name, or an assignment's columns. */
    private static final UnionColumns UNION = new UnionColumns(
        "id", "bigint", "name", "text", "project_id", "bigint", "subject_id", "bigint", "flag", "boolean",
        "active", "boolean", "hourly_rate", "numeric", "budget", "numeric", "created_at", "timestamptz",
        "updated_at", "timestamptz");

    /** A name per contact, project and task, each from the ids in the parameter named like its table. */
    private static final Map<String, String> NAMES = Map.of(
        "contact", names("contact", Map.of()),
        // a deleted project keeps its name; its rate no longer applies
        "project", names("project", Map.of("hourly_rate", "CASE WHEN deleted_at IS NULL THEN default_rate END")),
        "task", names("task", Map.of()));

    /** The assignments of the projects in {@code :project}, both kinds. */
    private static final String ASSIGNMENTS = Arrays.stream(AssignmentKind.values())
        .map(kind -> UNION.branch(kind.name(), kind.expressions,
            "FROM " + kind.table + " WHERE account_id = :account AND project_id = ANY(:project)"))
        .collect(Collectors.joining(" UNION ALL "));

    private final JdbcClient jdbc;

    CatalogNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Names (and the rates of live projects), no assignments. */
    public Names of(AccountId account, Collection<Long> contactIds, Collection<Long> projectIds,
                    Collection<Long> taskIds) {
        return of(account, contactIds, projectIds, taskIds, false);
    }

    /** Names, the rates of live projects, and the task and user assignments of the projects. */
    public Names withAssignments(AccountId account, Collection<Long> contactIds, Collection<Long> projectIds,
                                 Collection<Long> taskIds) {
        return of(account, contactIds, projectIds, taskIds, true);
    }

    private Names of(AccountId account, Collection<Long> contactIds, Collection<Long> projectIds,
                     Collection<Long> taskIds, boolean assignments) {
        var found = Names.empty();
        var selects = new ArrayList<String>();
        var kinds = Map.of("contact", contactIds, "project", projectIds, "task", taskIds);
        kinds.forEach((table, ids) -> {
            if (!ids.isEmpty()) {
                selects.add(NAMES.get(table));
            }
        });
        if (assignments && !projectIds.isEmpty()) {
            selects.add(ASSIGNMENTS);
        }
        if (selects.isEmpty()) {
            return found;
        }
        var query = jdbc.sql(String.join(" UNION ALL ", selects)).param("account", account.value());
        for (var kind : kinds.entrySet()) {
            query = query.param(kind.getKey(), kind.getValue().toArray(Long[]::new));
        }
        query.query((ResultSet rs) -> add(found, rs));
        return found;
    }

    private static void add(Names found, ResultSet rs) throws SQLException {
        var kind = rs.getString("kind");
        switch (kind) {
            case "contact" -> found.contacts().put(rs.getLong("id"), named(rs));
            case "project" -> {
                found.projects().put(rs.getLong("id"), named(rs));
                var rate = rs.getBigDecimal("hourly_rate");
                if (rate != null) {
                    found.liveProjectRates().put(rs.getLong("id"), rate);
                }
            }
            case "task" -> found.tasks().put(rs.getLong("id"), named(rs));
            default -> {
                var row = AssignmentRepository.map(rs, 0);
                switch (AssignmentKind.valueOf(kind)) {
                    case TASK -> found.taskAssignments().add(row.asTask());
                    case USER -> found.userAssignments().add(row.asUser());
                }
            }
        }
    }

    private static Named named(ResultSet rs) throws SQLException {
        return new Named(rs.getLong("id"), rs.getString("name"));
    }

    /** The name branch of {@code table}: its id and name, and {@code more} columns by expression. */
    private static String names(String table, Map<String, String> more) {
        return UNION.branch(table, UnionColumns.and(UnionColumns.of(table, List.of("id", "name")), more),
            "FROM " + table + " WHERE account_id = :account AND id = ANY(:" + table + ")");
    }
}
