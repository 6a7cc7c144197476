package io.timeledger.api.harvest;

import io.timeledger.api.common.Accepts;
import io.timeledger.api.common.Instants;
import io.timeledger.api.common.JsonFields;
import io.timeledger.api.common.Params;
import io.timeledger.api.common.RequestBodies;
import io.timeledger.api.harvest.HarvestTimeEntryViews.HtProjectRef;
import io.timeledger.core.account.Actor;
import io.timeledger.core.account.Member;
import io.timeledger.core.account.People;
import io.timeledger.core.catalog.AssignmentChanges;
import io.timeledger.core.catalog.Assignments;
import io.timeledger.core.catalog.Named;
import io.timeledger.core.catalog.Projects;
import io.timeledger.core.catalog.TaskAssignment;
import io.timeledger.core.catalog.Tasks;
import io.timeledger.core.catalog.UserAssignment;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Task and user assignments: the account-wide lists ({@code /v2/task_assignments},
 * {@code /v2/user_assignments}) and each project's ({@code /v2/projects/{id}/...}).
 */
@RestController
@RequestMapping("/v2")
class HarvestAssignmentsController {

    private final Assignments assignments;
    private final Projects projects;
    private final Tasks tasks;
    private final People people;
    private final RequestBodies bodies;

    HarvestAssignmentsController(Assignments assignments, Projects projects, Tasks tasks, People people,
                                 RequestBodies bodies) {
        this.assignments = assignments;
        this.projects = projects;
        this.tasks = tasks;
        this.people = people;
        this.bodies = bodies;
    }

    // --- task assignments

    @GetMapping("/task_assignments")
    @HarvestPageOf(key = "task_assignments", items = HtTaskAssignment.class)
    Map<String, Object> allTaskAssignments(Actor actor, HttpServletRequest request) {
        return taskPage(actor, request, null);
    }

    @GetMapping("/projects/{projectId}/task_assignments")
    @HarvestPageOf(key = "task_assignments", items = HtTaskAssignment.class)
    Map<String, Object> taskAssignments(Actor actor, @PathVariable long projectId, HttpServletRequest request) {
        projects.get(actor.account(), projectId);
        return taskPage(actor, request, projectId);
    }

    @GetMapping("/projects/{projectId}/task_assignments/{id}")
    HtTaskAssignment taskAssignment(Actor actor, @PathVariable long projectId, @PathVariable long id) {
        var assignment = assignments.taskAssignment(actor.account(), id);
        if (assignment.projectId() != projectId) {
            throw new NotFound("Task assignment", id);
        }
        return renderTasks(actor.account(), List.of(assignment)).get(0);
    }

    @PostMapping("/projects/{projectId}/task_assignments")
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(HtTaskAssignmentFields.class)
    HtTaskAssignment assignTask(Actor actor, @PathVariable long projectId, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "task_assignment");
        var taskId = fields.id("task_id");
        var changes = changes(fields, "billable");
        fields.validate();
        var created = assignments.assignTask(actor, projectId, taskId.orElse(null), changes);
        return renderTasks(actor.account(), List.of(created)).get(0);
    }

    @PatchMapping("/projects/{projectId}/task_assignments/{id}")
    @Accepts(HtTaskAssignmentChangeFields.class)
    HtTaskAssignment changeTaskAssignment(Actor actor, @PathVariable long projectId, @PathVariable long id,
                                          HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "task_assignment");
        var changes = changes(fields, "billable");
        fields.validate();
        var changed = assignments.changeTaskAssignment(actor, projectId, id, changes);
        return renderTasks(actor.account(), List.of(changed)).get(0);
    }

    @DeleteMapping("/projects/{projectId}/task_assignments/{id}")
    ResponseEntity<Void> unassignTask(Actor actor, @PathVariable long projectId, @PathVariable long id) {
        assignments.unassignTask(actor, projectId, id);
        return ResponseEntity.ok().build();
    }

    // --- user assignments

    @GetMapping("/user_assignments")
    @HarvestPageOf(key = "user_assignments", items = HtUserAssignment.class)
    Map<String, Object> allUserAssignments(Actor actor, HttpServletRequest request) {
        return userPage(actor, request, null);
    }

    @GetMapping("/projects/{projectId}/user_assignments")
    @HarvestPageOf(key = "user_assignments", items = HtUserAssignment.class)
    Map<String, Object> userAssignments(Actor actor, @PathVariable long projectId, HttpServletRequest request) {
        projects.get(actor.account(), projectId);
        return userPage(actor, request, projectId);
    }

    @GetMapping("/projects/{projectId}/user_assignments/{id}")
    HtUserAssignment userAssignment(Actor actor, @PathVariable long projectId, @PathVariable long id) {
        var assignment = assignments.userAssignment(actor.account(), id);
        if (assignment.projectId() != projectId) {
            throw new NotFound("User assignment", id);
        }
        return renderUsers(actor.account(), List.of(assignment)).get(0);
    }

    @PostMapping("/projects/{projectId}/user_assignments")
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(HtUserAssignmentFields.class)
    HtUserAssignment assignUser(Actor actor, @PathVariable long projectId, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "user_assignment");
        var userId = fields.id("user_id");
        var changes = changes(fields, "is_project_manager");
        fields.validate();
        var created = assignments.assignUser(actor, projectId, userId.orElse(null), changes);
        return renderUsers(actor.account(), List.of(created)).get(0);
    }

    @PatchMapping("/projects/{projectId}/user_assignments/{id}")
    @Accepts(HtUserAssignmentChangeFields.class)
    HtUserAssignment changeUserAssignment(Actor actor, @PathVariable long projectId, @PathVariable long id,
                                          HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "user_assignment");
        var changes = changes(fields, "is_project_manager");
        fields.validate();
        var changed = assignments.changeUserAssignment(actor, projectId, id, changes);
        return renderUsers(actor.account(), List.of(changed)).get(0);
    }

    @DeleteMapping("/projects/{projectId}/user_assignments/{id}")
    ResponseEntity<Void> unassignUser(Actor actor, @PathVariable long projectId, @PathVariable long id) {
        assignments.unassignUser(actor, projectId, id);
        return ResponseEntity.ok().build();
    }

    // --- mapping

    private Map<String, Object> taskPage(Actor actor, HttpServletRequest request, Long projectId) {
        var page = HarvestPage.of(request);
        var since = Params.instant("updated_since", request.getParameter("updated_since"));
        var found = assignments.taskAssignments(actor.account(), projectId,
                Params.bool("is_active", request.getParameter("is_active"))).stream()
            .filter(a -> since == null || a.updatedAt().isAfter(since))
            .sorted(Comparator.comparingLong(TaskAssignment::id).reversed())
            .toList();
        var slice = found.stream().skip(page.offset()).limit(page.perPage()).toList();
        return page.envelope("task_assignments", renderTasks(actor.account(), slice), found.size(), request);
    }

    private Map<String, Object> userPage(Actor actor, HttpServletRequest request, Long projectId) {
        var page = HarvestPage.of(request);
        var since = Params.instant("updated_since", request.getParameter("updated_since"));
        var found = assignments.userAssignments(actor.account(), projectId,
                Params.id("user_id", request.getParameter("user_id")),
                Params.bool("is_active", request.getParameter("is_active"))).stream()
            .filter(a -> since == null || a.updatedAt().isAfter(since))
            .sorted(Comparator.comparingLong(UserAssignment::id).reversed())
            .toList();
        var slice = found.stream().skip(page.offset()).limit(page.perPage()).toList();
        return page.envelope("user_assignments", renderUsers(actor.account(), slice), found.size(), request);
    }

    private List<HtTaskAssignment> renderTasks(AccountId account, List<TaskAssignment> found) {
        var projectNames = projects.names(account, found.stream().map(TaskAssignment::projectId).toList());
        var codes = projectCodes(account, found.stream().map(TaskAssignment::projectId).toList());
        var taskNames = tasks.names(account, found.stream().map(TaskAssignment::taskId).toList());
        return found.stream().map(a -> new HtTaskAssignment(a.id(),
            new HtProjectRef(a.projectId(), name(projectNames, a.projectId()), codes.get(a.projectId())),
            new HtRef(a.taskId(), name(taskNames, a.taskId())), a.active(), a.billable(),
            HarvestJson.number(a.hourlyRate()), HarvestJson.number(a.budget()), Instants.iso(a.createdAt()),
            Instants.iso(a.updatedAt()))).toList();
    }

    private List<HtUserAssignment> renderUsers(AccountId account, List<UserAssignment> found) {
        var projectNames = projects.names(account, found.stream().map(UserAssignment::projectId).toList());
        var codes = projectCodes(account, found.stream().map(UserAssignment::projectId).toList());
        var members = people.members(account, null).stream()
            .collect(Collectors.toMap(Member::id, Function.identity()));
        return found.stream().map(a -> {
            var member = members.get(a.membershipId());
            return new HtUserAssignment(a.id(),
                new HtProjectRef(a.projectId(), name(projectNames, a.projectId()), codes.get(a.projectId())),
                new HtRef(a.membershipId(), member == null ? null : member.name()), a.active(), a.projectManager(),
                a.hourlyRate() == null, HarvestJson.number(a.hourlyRate()), HarvestJson.number(a.budget()),
                Instants.iso(a.createdAt()), Instants.iso(a.updatedAt()));
        }).toList();
    }

    private Map<Long, String> projectCodes(AccountId account, List<Long> ids) {
        return ids.stream().distinct()
            .map(id -> projects.find(account, id).orElse(null))
            .filter(Objects::nonNull)
            .filter(p -> p.details().shortCode() != null)
            .collect(Collectors.toMap(p -> p.id(), p -> p.details().shortCode()));
    }

    private static String name(Map<Long, Named> names, long id) {
        var named = names.get(id);
        return named == null ? null : named.name();
    }

    private static AssignmentChanges changes(JsonFields fields, String flag) {
        var useDefaultRates = fields.bool("use_default_rates");
        var hourlyRate = fields.number("hourly_rate");
        if (Boolean.TRUE.equals(useDefaultRates.orElse(null))) {
            hourlyRate = Field.of(null);
        }
        return new AssignmentChanges(fields.bool(flag), fields.bool("is_active"), hourlyRate, fields.number("budget"));
    }

    /** A task put on a project; {@code use_default_rates} true takes the task's own rate. */
    record HtTaskAssignmentFields(Long taskId, Boolean isActive, Boolean billable, BigDecimal hourlyRate,
                                  BigDecimal budget, Boolean useDefaultRates) { }

    record HtTaskAssignmentChangeFields(Boolean isActive, Boolean billable, BigDecimal hourlyRate, BigDecimal budget,
                                        Boolean useDefaultRates) { }

    /** A person put on a project; {@code use_default_rates} true takes the person's own rate. */
    record HtUserAssignmentFields(Long userId, Boolean isActive, Boolean isProjectManager, BigDecimal hourlyRate,
                                  BigDecimal budget, Boolean useDefaultRates) { }

    record HtUserAssignmentChangeFields(Boolean isActive, Boolean isProjectManager, BigDecimal hourlyRate,
                                        BigDecimal budget, Boolean useDefaultRates) { }

    record HtRef(long id, String name) { }


    record HtTaskAssignment(long id, HtProjectRef project, HtRef task, boolean isActive, boolean billable,
                            BigDecimal hourlyRate, BigDecimal budget, String createdAt, String updatedAt) { }

    /** use_default_rates is true while no rate of the person's own on this project is set. */
    record HtUserAssignment(long id, HtProjectRef project, HtRef user, boolean isActive, boolean isProjectManager,
                            boolean useDefaultRates, BigDecimal hourlyRate, BigDecimal budget, String createdAt,
                            String updatedAt) { }
}
