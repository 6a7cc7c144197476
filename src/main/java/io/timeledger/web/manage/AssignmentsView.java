package io.timeledger.web.manage;

import io.timeledger.core.account.Actor;
import io.timeledger.core.account.Member;
import io.timeledger.core.account.People;
import io.timeledger.core.catalog.Assignments;
import io.timeledger.core.catalog.Task;
import io.timeledger.core.catalog.TaskAssignment;
import io.timeledger.core.catalog.Tasks;
import io.timeledger.core.catalog.UserAssignment;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** A project's tasks and people as its page shows them ({@link AssignmentsController} changes them). */
@Component
class AssignmentsView {

    /** A task on the project, named. */
    record TaskRow(TaskAssignment assignment, String name) { }

    /** A person on the project, named. */
    record PersonRow(UserAssignment assignment, String name) { }

    private final Assignments assignments;
    private final Tasks tasks;
    private final People people;

    AssignmentsView(Assignments assignments, Tasks tasks, People people) {
        this.assignments = assignments;
        this.tasks = tasks;
        this.people = people;
    }

    /** What the project page shows of its assignments, and what may still be assigned. */
    void show(Model model, Actor actor, long projectId) {
        var account = actor.account();
        var onProject = assignments.taskAssignments(account, projectId, (Boolean) null);
        Map<Long, Task> byId = tasks.withIds(account, onProject.stream().map(TaskAssignment::taskId).toList())
            .stream().collect(Collectors.toMap(Task::id, Function.identity()));
        model.addAttribute("taskAssignments", onProject.stream()
            .map(a -> new TaskRow(a, byId.containsKey(a.taskId()) ? byId.get(a.taskId()).name() : "(deleted task)"))
            .toList());
        Set<Long> assignedTasks = byId.keySet();
        model.addAttribute("assignableTasks", tasks.active(account).stream()
            .filter(t -> !assignedTasks.contains(t.id())).toList());
        var members = people.members(account, null);
        Map<Long, Member> byMembership = members.stream().collect(Collectors.toMap(Member::id, Function.identity()));
        var onProjectPeople = assignments.userAssignments(account, projectId, null, null);
        model.addAttribute("userAssignments", onProjectPeople.stream()
            .map(a -> new PersonRow(a, byMembership.containsKey(a.membershipId())
                ? byMembership.get(a.membershipId()).shownName() : "(removed)"))
            .toList());
        var assignedPeople = onProjectPeople.stream().map(UserAssignment::membershipId).collect(Collectors.toSet());
        model.addAttribute("assignablePeople", members.stream()
            .filter(m -> !m.archived() && !assignedPeople.contains(m.id())).toList());
    }
}
