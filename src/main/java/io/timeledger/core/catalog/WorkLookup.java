package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Reads;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What an entry is tracked against and priced by, read in one statement: its tasks, its live
 * project and that project's live contact, and the project's assignments of those tasks and of
 * the entry's person. Pricing needs all of it, and a dialect that shows a new entry's names and
 * assignments (Harvest) shows these, so logging an entry costs one lookup before its insert
 * however many kinds it touches, and none once this server remembers the answer ({@link
 * CatalogCache}, decision 012).
 */
@Component
public class WorkLookup {

    /**
     * @param tasks           the tasks asked for that exist, in no particular order
     * @param project         null when none was asked for, or it is not a live project of the account
     * @param contact         the project's contact; null without a project
     * @param taskAssignments the project's assignments of the tasks
     * @param userAssignment  the project's assignment of the person; null if none
     */
    public record Found(List<Task> tasks, Project project, Contact contact, List<TaskAssignment> taskAssignments,
                        UserAssignment userAssignment) { }

    /** Nothing asked for, nothing found. */
    static final Found NOTHING = new Found(List.of(), null, null, List.of(), null);

    private final WorkLookupRepository repository;
    private final CatalogCache cache;

    WorkLookup(WorkLookupRepository repository, CatalogCache cache) {
        this.repository = repository;
        this.cache = cache;
    }

    /**
     * The tasks with these ids, and the project (if any) with its contact and its assignments of them
     * and of the person: as this server remembers them ({@link CatalogCache}), or read and remembered
     * when every task and the project were found.
     */
    @Reads
    public Found find(AccountId account, Collection<Long> taskIds, Long projectId, long membershipId) {
        var asked = Set.copyOf(taskIds);
        return cache.work(new CatalogCache.WorkKey(account.value(), asked, projectId, membershipId),
            () -> repository.read(account, taskIds, projectId, membershipId),
            found -> found.tasks().size() == asked.size() && (projectId == null || found.project() != null));
    }
}
