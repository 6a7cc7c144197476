package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Remembered;
import io.timeledger.core.common.RememberedPerAccount;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What this server has read of each account's catalog, kept until it changes (decision 012): the
 * work an entry is logged against ({@link WorkLookup}) and the names and assignments a page shows
 * ({@link CatalogNames}), and what the pickers list. Logging time and reading pages then cost no
 * lookup of what rarely changes.
 *
 * <p>A write of this server to a catalog publishes {@link CatalogChanged}, and what is kept of that
 * account is forgotten as it commits, before the request that made it answers. A write of any
 * process — the admin command line, a second server, an operator's SQL — is announced by V14's
 * triggers with the account's id, and forgotten when the server's listener hears of it,
 * milliseconds later. Nothing is kept while that listener is not connected, nothing for longer
 * than {@code timeledger.catalog.cache}, and nothing is read from here or kept inside a
 * transaction that writes: it may have changed the catalog itself, and what it read is not yet
 * anyone else's.
 */
@Component
class CatalogCache extends RememberedPerAccount {

    static final String CHANNEL = "timeledger_catalog";

    /** The question a work lookup answered. */
    record WorkKey(long account, Set<Long> taskIds, Long projectId, long membershipId) implements OfAccount { }

    /** A contact, project or task by its table and id. */
    record NameKey(long account, String table, long id) implements OfAccount { }

    /** A name, and a project's rate while it is not deleted. */
    record Name(Named named, BigDecimal liveRate) { }

    /** A project's assignments of tasks and of people. */
    record AssignmentsKey(long account, long projectId) implements OfAccount { }

    record ProjectAssignments(List<TaskAssignment> tasks, List<UserAssignment> users) { }

    /** An account: what its pickers list is kept under. */
    record AccountKey(long account) implements OfAccount { }


    final Remembered<WorkKey, WorkLookup.Found> work;
    final Remembered<NameKey, Name> names;
    final Remembered<AssignmentsKey, ProjectAssignments> assignments;
    /** The live, active projects and tasks by name: what the timesheet's pickers list on every page. */
    final Remembered<AccountKey, List<Project>> activeProjects;
    final Remembered<AccountKey, List<Task>> activeTasks;
    /** Every client, project and task by name: what the reports page's filters list. */
    final Remembered<AccountKey, Choices> choices;
    private final List<Remembered<? extends OfAccount, ?>> all;

    CatalogCache(@Value("${timeledger.catalog.cache:5m}") Duration ttl) {
        super(CHANNEL, "the catalog");
        this.work = Remembered.forAtMost(ttl, 5_000);
        this.names = Remembered.forAtMost(ttl, 50_000);
        this.assignments = Remembered.forAtMost(ttl, 2_000);
        this.activeProjects = Remembered.forAtMost(ttl, 2_000);
        this.activeTasks = Remembered.forAtMost(ttl, 2_000);
        this.choices = Remembered.forAtMost(ttl, 2_000);
        this.all = List.of(work, names, assignments, activeProjects, activeTasks, choices);
    }

    /** The work asked for: kept, or read and kept when {@code complete} says it found all it was asked. */
    WorkLookup.Found work(WorkKey key, Supplier<WorkLookup.Found> read, Predicate<WorkLookup.Found> complete) {
        return Remembered.usableHere() ? work.get(key, read, complete) : read.get();
    }

    /** What a picker of {@code account} lists: kept, or read and kept (unless read in a transaction that writes). */
    <T> List<T> active(Remembered<AccountKey, List<T>> kept, AccountId account, Supplier<List<T>> read) {
        return kept(kept, account, () -> List.copyOf(read.get()));
    }

    /** What is kept of {@code account} in {@code kept}, or read and kept (unless read in a transaction that writes). */
    <T> T kept(Remembered<AccountKey, T> kept, AccountId account, Supplier<T> read) {
        return Remembered.usableHere() ? kept.get(new AccountKey(account.value()), read, found -> true) : read.get();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forget(CatalogChanged change) {
        forget(change.account().value());
    }

    @Override
    protected List<Remembered<? extends OfAccount, ?>> kept() {
        return all;
    }
}
