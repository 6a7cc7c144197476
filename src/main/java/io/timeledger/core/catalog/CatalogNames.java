package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Remembered;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

    static final List<String> TABLES = List.of("contact", "project", "task");

    private final CatalogNameRepository repository;
    private final CatalogCache cache;

    CatalogNames(CatalogNameRepository repository, CatalogCache cache) {
        this.repository = repository;
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
        var read = repository.read(account, unknown, unassigned);
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
}
