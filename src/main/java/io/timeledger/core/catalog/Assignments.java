package io.timeledger.core.catalog;

import io.timeledger.core.account.Actor;
import io.timeledger.core.account.People;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.util.Collection;
import java.util.List;
import java.util.function.LongPredicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which tasks a project uses and who works on it, each with a rate of its own: a task
 * assignment's rate is the task's rate on that project, a user assignment's the person's.
 */
@Service
public class Assignments {

    private final AssignmentRepository repository;
    private final Projects projects;
    private final Tasks tasks;
    private final People people;

    Assignments(AssignmentRepository repository, Projects projects, Tasks tasks, People people) {
        this.repository = repository;
        this.projects = projects;
        this.tasks = tasks;
        this.people = people;
    }

    // --- task assignments

    /** Filters are null when not applied. */
    @Reads
    public List<TaskAssignment> taskAssignments(AccountId account, Long projectId, Boolean active) {
        return tasks(repository.list(AssignmentKind.TASK, account, projectId, null, active));
    }

    @Reads
    public TaskAssignment taskAssignment(AccountId account, long id) {
        return get(AssignmentKind.TASK, account, id).asTask();
    }

    /** The project's assignments of these tasks, in one query (pricing an entry of several tasks). */
    @Reads
    public List<TaskAssignment> taskAssignments(AccountId account, long projectId, Collection<Long> taskIds) {
        return tasks(repository.find(AssignmentKind.TASK, account, projectId, taskIds));
    }

    @Transactional
    public TaskAssignment assignTask(Actor actor, long projectId, Long taskId, AssignmentChanges fields) {
        return assign(AssignmentKind.TASK, actor, projectId, taskId, fields,
            id -> !tasks.withIds(actor.account(), List.of(id)).isEmpty()).asTask();
    }

    @Transactional
    public TaskAssignment changeTaskAssignment(Actor actor, long projectId, long id, AssignmentChanges changes) {
        return change(AssignmentKind.TASK, actor, projectId, id, changes).asTask();
    }

    @Transactional
    public void unassignTask(Actor actor, long projectId, long id) {
        unassign(AssignmentKind.TASK, actor, projectId, id);
    }

    // --- user assignments

    /** Filters are null when not applied. */
    @Reads
    public List<UserAssignment> userAssignments(AccountId account, Long projectId, Long membershipId, Boolean active) {
        return users(repository.list(AssignmentKind.USER, account, projectId, membershipId, active));
    }

    @Reads
    public UserAssignment userAssignment(AccountId account, long id) {
        return get(AssignmentKind.USER, account, id).asUser();
    }

    @Transactional
    public UserAssignment assignUser(Actor actor, long projectId, Long membershipId, AssignmentChanges fields) {
        return assign(AssignmentKind.USER, actor, projectId, membershipId, fields,
            id -> people.findMember(actor.account(), id).isPresent()).asUser();
    }

    @Transactional
    public UserAssignment changeUserAssignment(Actor actor, long projectId, long id, AssignmentChanges changes) {
        return change(AssignmentKind.USER, actor, projectId, id, changes).asUser();
    }

    @Transactional
    public void unassignUser(Actor actor, long projectId, long id) {
        unassign(AssignmentKind.USER, actor, projectId, id);
    }

    // --- both kinds alike

    private AssignmentRow get(AssignmentKind kind, AccountId account, long id) {
        return repository.find(kind, account, id).orElseThrow(() -> new NotFound(kind.noun, id));
    }

    /** Assigns {@code subjectId} (which {@code exists} checks in the account) to the project. */
    private AssignmentRow assign(AssignmentKind kind, Actor actor, long projectId, Long subjectId,
                                 AssignmentChanges fields, LongPredicate exists) {
        actor.requireManager();
        projects.find(actor.account(), projectId).orElseThrow(() -> new NotFound("Project", projectId));
        if (subjectId == null) {
            throw new Invalid(kind.subjectField, "can't be blank");
        }
        if (!exists.test(subjectId)) {
            throw new Invalid(kind.subjectField, kind.unknownSubject);
        }
        var blank = new AssignmentRow(0, projectId, subjectId, kind.defaultFlag, true, null, null, null, null);
        return repository.insert(kind, actor.account(), applyTo(kind, blank, fields))
            .orElseThrow(() -> new Invalid(kind.subjectField, "is already assigned to this project"));
    }

    private AssignmentRow change(AssignmentKind kind, Actor actor, long projectId, long id, AssignmentChanges changes) {
        actor.requireManager();
        var current = get(kind, actor.account(), id);
        if (current.projectId() != projectId) {
            throw new NotFound(kind.noun, id);
        }
        return repository.update(kind, actor.account(), applyTo(kind, current, changes));
    }

    private void unassign(AssignmentKind kind, Actor actor, long projectId, long id) {
        actor.requireManager();
        if (get(kind, actor.account(), id).projectId() != projectId || !repository.delete(kind, actor.account(), id)) {
            throw new NotFound(kind.noun, id);
        }
    }

    private static AssignmentRow applyTo(AssignmentKind kind, AssignmentRow current, AssignmentChanges changes) {
        var problems = new Invalid.Collector();
        var result = new AssignmentRow(current.id(), current.projectId(), current.subjectId(),
            Flags.required(problems, kind.flagField, changes.flag().orElse(current.flag())),
            Flags.required(problems, "is_active", changes.active().orElse(current.active())),
            Money.amount(problems, "hourly_rate", changes.hourlyRate().orElse(current.hourlyRate()),
                DetailChanges.RATE_MAX),
            Money.amount(problems, "budget", changes.budget().orElse(current.budget()), DetailChanges.TARGET_MAX),
            current.createdAt(), current.updatedAt());
        problems.throwIfAny();
        return result;
    }

    private static List<TaskAssignment> tasks(List<AssignmentRow> rows) {
        return rows.stream().map(AssignmentRow::asTask).toList();
    }

    private static List<UserAssignment> users(List<AssignmentRow> rows) {
        return rows.stream().map(AssignmentRow::asUser).toList();
    }
}
