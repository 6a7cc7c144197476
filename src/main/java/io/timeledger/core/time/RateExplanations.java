package io.timeledger.core.time;

import io.timeledger.core.account.Actor;
import io.timeledger.core.account.Member;
import io.timeledger.core.account.People;
import io.timeledger.core.catalog.Assignments;
import io.timeledger.core.catalog.Contacts;
import io.timeledger.core.catalog.Projects;
import io.timeledger.core.catalog.Task;
import io.timeledger.core.catalog.TaskAssignment;
import io.timeledger.core.catalog.Tasks;
import io.timeledger.core.catalog.UserAssignment;
import io.timeledger.core.common.Reads;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Why time on a project is worth what it is: for each of its tasks — those assigned to it (Harvest's
 * task assignments), else the account's active tasks, and time without a task — and each active
 * person, the rate the one rate chain gives ({@link RateResolver}, decision 006) and the level that
 * set it. Admins and managers only: it shows everyone's rates.
 */
@Service
public class RateExplanations {

    /** One task and person: the rate their time on the project gets, whether it is billable, and why. */
    public record Explained(String task, Member person, BigDecimal rate, boolean billable, RateLevel level) { }

    private final Projects projects;
    private final Contacts contacts;
    private final Tasks tasks;
    private final Assignments assignments;
    private final People people;
    private final RateResolver rates;

    RateExplanations(Projects projects, Contacts contacts, Tasks tasks, Assignments assignments, People people,
                     RateResolver rates) {
        this.projects = projects;
        this.contacts = contacts;
        this.tasks = tasks;
        this.assignments = assignments;
        this.people = people;
        this.rates = rates;
    }

    @Reads
    public List<Explained> ofProject(Actor actor, long projectId) {
        actor.requireManager();
        var account = actor.account();
        var project = projects.get(account, projectId);
        var contact = contacts.get(account, project.contactId());
        // every assignment, as an entry's work lookup reads them (WorkLookup)
        var onProject = assignments.taskAssignments(account, projectId, (Boolean) null);
        Map<Long, TaskAssignment> byTask = onProject.stream()
            .collect(Collectors.toMap(TaskAssignment::taskId, Function.identity(), (a, b) -> a));
        var shownTasks = new ArrayList<Task>();
        if (onProject.isEmpty()) {
            shownTasks.addAll(tasks.active(account));
        } else {
            shownTasks.addAll(tasks.withIds(account, byTask.keySet()));
        }
        Map<Long, UserAssignment> byPerson = assignments.userAssignments(account, projectId, null, null).stream()
            .collect(Collectors.toMap(UserAssignment::membershipId, Function.identity(), (a, b) -> a));
        var everyone = people.members(account, true);
        var explained = new ArrayList<Explained>();
        var rows = new ArrayList<Task>(shownTasks);
        rows.add(null);
        for (var task : rows) {
            var taskAssignments = task == null || !byTask.containsKey(task.id()) ? List.<TaskAssignment>of()
                : List.of(byTask.get(task.id()));
            for (var person : everyone) {
                var work = new Work(contact.id(), contact, project.id(), project, null, null,
                    task == null ? List.of() : List.of(task), taskAssignments, byPerson.get(person.id()));
                var priced = rates.explain(person, work);
                explained.add(new Explained(task == null ? null : task.name(), person, priced.rate().rate(),
                    priced.rate().billable(), priced.level()));
            }
        }
        return explained;
    }
}
