package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Remembered;
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
 * round trip to the database, not one per kind, and none once this server remembers what they
 * read ({@link CatalogCache}, decision 012).
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

    private static final List<String> TABLES = List.of("contact", "project", "task");

    private final JdbcClient jdbc;
    private final CatalogCache cache;

    CatalogNames(JdbcClient jdbc, CatalogCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
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

    /** What this server remembers ({@link CatalogCache}), and the rest read in one query and remembered. */
    private Names of(AccountId account, Collection<Long> contactIds, Collection<Long> projectIds,
                     Collection<Long> taskIds, boolean assignments) {
        var found = Names.empty();
        boolean usable = Remembered.usableHere();
        var asked = Map.of("contact", contactIds, "project", projectIds, "task", taskIds);
        var unknown = new HashMap<String, List<Long>>();
        for (var table : TABLES) {
            var ids = new ArrayList<Long>();
            for (var id : asked.get(table)) {
                var known = usable ? cache.names.known(new CatalogCache.NameKey(account.value(), table, id)) : null;
                if (known == null) {
                    ids.add(id);
                } else {
                    add(found, table, known);
                }
            }
            unknown.put(table, ids);
        }
        var unassigned = new ArrayList<Long>();
        if (assignments) {
            for (var project : projectIds) {
                var known = usable ? cache.assignments.known(new CatalogCache.AssignmentsKey(account.value(), project))
                    : null;
                if (known == null) {
                    unassigned.add(project);
                } else {
                    found.taskAssignments().addAll(known.tasks());
                    found.userAssignments().addAll(known.users());
                }
            }
        }
        if (unknown.values().stream().allMatch(List::isEmpty) && unassigned.isEmpty()) {
            return found;
        }
        long namesGeneration = cache.names.generation();
        long assignmentsGeneration = cache.assignments.generation();
        var read = read(account, unknown, unassigned);
        read.names.forEach((key, name) -> {
            add(found, key.table(), name);
            if (usable) {
                cache.names.remember(key, name, namesGeneration);
            }
        });
        found.taskAssignments().addAll(read.taskAssignments);
        found.userAssignments().addAll(read.userAssignments);
        if (usable && !unassigned.isEmpty()) {
            var tasksOf = read.taskAssignments.stream().collect(Collectors.groupingBy(TaskAssignment::projectId));
            var usersOf = read.userAssignments.stream().collect(Collectors.groupingBy(UserAssignment::projectId));
            for (var project : unassigned) {
                // a project without assignments is remembered too: V14 announces the first one
                cache.assignments.remember(new CatalogCache.AssignmentsKey(account.value(), project),
                    new CatalogCache.ProjectAssignments(List.copyOf(tasksOf.getOrDefault(project, List.of())),
                        List.copyOf(usersOf.getOrDefault(project, List.of()))),
                    assignmentsGeneration);
            }
        }
        return found;
    }

    /** What one query read: names by table and id, and the assignments of the projects asked for. */
    private static final class Read {
        final Map<CatalogCache.NameKey, CatalogCache.Name> names = new HashMap<>();
        final List<TaskAssignment> taskAssignments = new ArrayList<>();
        final List<UserAssignment> userAssignments = new ArrayList<>();
    }

    /** The names of {@code ids} by table and the assignments of the projects {@code assigned}, in one query. */
    private Read read(AccountId account, Map<String, List<Long>> ids, List<Long> assigned) {
        var read = new Read();
        var selects = new ArrayList<String>();
        for (var table : TABLES) {
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
        for (var table : TABLES) {
            query = query.param(table, ids.get(table).toArray(Long[]::new));
        }
        query.query((ResultSet rs) -> add(account, read, rs));
        return read;
    }

    private static void add(AccountId account, Read read, ResultSet rs) throws SQLException {
        var kind = rs.getString("kind");
        if (TABLES.contains(kind)) {
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

    private static void add(Names found, String table, CatalogCache.Name name) {
        switch (table) {
            case "contact" -> found.contacts().put(name.named().id(), name.named());
            case "project" -> {
                found.projects().put(name.named().id(), name.named());
                if (name.liveRate() != null) {
                    found.liveProjectRates().put(name.named().id(), name.liveRate());
                }
            }
            case "task" -> found.tasks().put(name.named().id(), name.named());
            default -> throw new IllegalArgumentException("no names in " + table);
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
