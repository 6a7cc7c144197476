package io.timeledger.core.catalog;

import io.timeledger.core.account.Actor;
import io.timeledger.core.account.People;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
    @Transactional(readOnly = true)
    public List<TaskAssignment> taskAssignments(AccountId account, Long projectId, Boolean active) {
        return repository.taskAssignments(account, projectId, active);
    }

    @Transactional(readOnly = true)
    public List<TaskAssignment> taskAssignmentsOf(AccountId account, Collection<Long> projectIds) {
        return projectIds.isEmpty() ? List.of() : repository.taskAssignmentsOf(account, projectIds);
    }

    @Transactional(readOnly = true)
    public TaskAssignment taskAssignment(AccountId account, long id) {
        return repository.taskAssignment(account, id).orElseThrow(() -> new NotFound("Task assignment", id));
    }

    @Transactional(readOnly = true)
    public Optional<TaskAssignment> taskAssignment(AccountId account, long projectId, long taskId) {
        return repository.taskAssignment(account, projectId, taskId);
    }

    @Transactional
    public TaskAssignment assignTask(Actor actor, long projectId, Long taskId, AssignmentChanges fields) {
        actor.requireManager();
        projects.find(actor.account(), projectId).orElseThrow(() -> new NotFound("Project", projectId));
        if (taskId == null) {
            throw new Invalid("task_id", "can't be blank");
        }
        if (tasks.withIds(actor.account(), List.of(taskId)).isEmpty()) {
            throw new Invalid("task_id", "does not name a task in this account");
        }
        var blank = new TaskAssignment(0, projectId, taskId, true, true, null, null, null, null);
        return repository.insertTask(actor.account(), projectId, taskId, applyTo(blank, fields))
            .orElseThrow(() -> new Invalid("task_id", "is already assigned to this project"));
    }

    @Transactional
    public TaskAssignment changeTaskAssignment(Actor actor, long projectId, long id, AssignmentChanges changes) {
        actor.requireManager();
        var current = taskAssignment(actor.account(), id);
        if (current.projectId() != projectId) {
            throw new NotFound("Task assignment", id);
        }
        return repository.updateTask(actor.account(), applyTo(current, changes));
    }

    @Transactional
    public void unassignTask(Actor actor, long projectId, long id) {
        actor.requireManager();
        if (taskAssignment(actor.account(), id).projectId() != projectId
                || !repository.deleteTask(actor.account(), id)) {
            throw new NotFound("Task assignment", id);
        }
    }

    // --- user assignments

    /** Filters are null when not applied. */
    @Transactional(readOnly = true)
    public List<UserAssignment> userAssignments(AccountId account, Long projectId, Long membershipId, Boolean active) {
        return repository.userAssignments(account, projectId, membershipId, active);
    }

    @Transactional(readOnly = true)
    public List<UserAssignment> userAssignmentsOf(AccountId account, Collection<Long> projectIds) {
        return projectIds.isEmpty() ? List.of() : repository.userAssignmentsOf(account, projectIds);
    }

    @Transactional(readOnly = true)
    public UserAssignment userAssignment(AccountId account, long id) {
        return repository.userAssignment(account, id).orElseThrow(() -> new NotFound("User assignment", id));
    }

    @Transactional(readOnly = true)
    public Optional<UserAssignment> userAssignment(AccountId account, long projectId, long membershipId) {
        return repository.userAssignment(account, projectId, membershipId);
    }

    @Transactional
    public UserAssignment assignUser(Actor actor, long projectId, Long membershipId, AssignmentChanges fields) {
        actor.requireManager();
        projects.find(actor.account(), projectId).orElseThrow(() -> new NotFound("Project", projectId));
        if (membershipId == null) {
            throw new Invalid("user_id", "can't be blank");
        }
        if (people.findMember(actor.account(), membershipId).isEmpty()) {
            throw new Invalid("user_id", "does not name a user in this account");
        }
        var blank = new UserAssignment(0, projectId, membershipId, false, true, null, null, null, null);
        return repository.insertUser(actor.account(), projectId, membershipId, applyTo(blank, fields))
            .orElseThrow(() -> new Invalid("user_id", "is already assigned to this project"));
    }

    @Transactional
    public UserAssignment changeUserAssignment(Actor actor, long projectId, long id, AssignmentChanges changes) {
        actor.requireManager();
        var current = userAssignment(actor.account(), id);
        if (current.projectId() != projectId) {
            throw new NotFound("User assignment", id);
        }
        return repository.updateUser(actor.account(), applyTo(current, changes));
    }

    @Transactional
    public void unassignUser(Actor actor, long projectId, long id) {
        actor.requireManager();
        if (userAssignment(actor.account(), id).projectId() != projectId
                || !repository.deleteUser(actor.account(), id)) {
            throw new NotFound("User assignment", id);
        }
    }

    private static TaskAssignment applyTo(TaskAssignment current, AssignmentChanges changes) {
        var problems = new Invalid.Collector();
        var result = new TaskAssignment(current.id(), current.projectId(), current.taskId(),
            Flags.required(problems, "billable", changes.flag().orElse(current.billable())),
            Flags.required(problems, "is_active", changes.active().orElse(current.active())),
            Money.amount(problems, "hourly_rate", changes.hourlyRate().orElse(current.hourlyRate()),
                DetailChanges.RATE_MAX),
            Money.amount(problems, "budget", changes.budget().orElse(current.budget()), DetailChanges.TARGET_MAX),
            current.createdAt(), current.updatedAt());
        problems.throwIfAny();
        return result;
    }

    private static UserAssignment applyTo(UserAssignment current, AssignmentChanges changes) {
        var problems = new Invalid.Collector();
        var result = new UserAssignment(current.id(), current.projectId(), current.membershipId(),
            Flags.required(problems, "is_project_manager", changes.flag().orElse(current.projectManager())),
            Flags.required(problems, "is_active", changes.active().orElse(current.active())),
            Money.amount(problems, "hourly_rate", changes.hourlyRate().orElse(current.hourlyRate()),
                DetailChanges.RATE_MAX),
            Money.amount(problems, "budget", changes.budget().orElse(current.budget()), DetailChanges.TARGET_MAX),
            current.createdAt(), current.updatedAt());
        problems.throwIfAny();
        return result;
    }
}
