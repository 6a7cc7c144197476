package io.timeledger.core.time;

import io.timeledger.core.account.Member;
import io.timeledger.core.catalog.Contact;
import io.timeledger.core.catalog.Contacts;
import io.timeledger.core.catalog.Job;
import io.timeledger.core.catalog.Jobs;
import io.timeledger.core.catalog.Project;
import io.timeledger.core.catalog.Projects;
import io.timeledger.core.catalog.Task;
import io.timeledger.core.catalog.TaskAssignment;
import io.timeledger.core.catalog.Tasks;
import io.timeledger.core.catalog.WorkLookup;
import io.timeledger.core.common.Invalid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Turns the ids and hashtags of a request into the contact, project and tasks an entry is
 * tracked against, checking that each names something in the account and that they agree, and
 * reads the project's assignments that price it. What the request names directly (its tasks, its
 * project or the entry's current one) is one lookup ({@link WorkLookup}); a job or a hashtag that
 * names the project or adds a task costs its own read and a second lookup.
 */
@Component
class WorkResolver {

    private final WorkLookup lookup;
    private final Contacts contacts;
    private final Projects projects;
    private final Tasks tasks;
    private final Jobs jobs;

    WorkResolver(WorkLookup lookup, Contacts contacts, Projects projects, Tasks tasks, Jobs jobs) {
        this.lookup = lookup;
        this.contacts = contacts;
        this.projects = projects;
        this.tasks = tasks;
        this.jobs = jobs;
    }

    /** The work of {@code owner}'s new entry, or of an entry whose work changes from {@code current} (null for a new one). */
    Work resolve(Member owner, EntryChanges changes, Entry current, Invalid.Collector problems) {
        var account = owner.account();
        var tags = changes.description().isGiven() ? Hashtags.in(changes.description().orElse(null))
            : Hashtags.in(null);

        var taskIds = new LinkedHashSet<Long>(changes.taskIds().isGiven()
            ? Objects.requireNonNullElse(changes.taskIds().orElse(null), List.of())
            : current == null ? List.of() : current.taskIds());
        // the project as the request or the entry names it; a job given in the request may name another
        Long namedProject = changes.projectId().isGiven() ? changes.projectId().orElse(null)
            : current == null ? null : current.projectId();
        var found = lookup.find(account, taskIds, namedProject, owner.id());

        var byId = new HashMap<Long, Task>();
        found.tasks().forEach(task -> byId.put(task.id(), task));
        var chosenTasks = new ArrayList<Task>();
        var unknown = new ArrayList<Long>();
        for (var id : taskIds) {
            if (byId.containsKey(id)) {
                chosenTasks.add(byId.get(id));
            } else {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("task_ids", "names no task in this account: " + unknown);
        }
        for (var tagged : tasks.tagged(account, tags.hashes())) {
            if (chosenTasks.stream().noneMatch(t -> t.id() == tagged.id())) {
                chosenTasks.add(tagged);
            }
        }

        Long jobId = changes.jobId().orElse(current == null ? null : current.jobId());
        Job job = jobId == null ? null : jobs.find(account, jobId).orElse(null);
        if (job == null && jobId != null && changes.jobId().isGiven()) {
            problems.add("job_id", "does not name a job in this account");
        }

        Long projectId = job != null && job.projectId() != null && changes.jobId().isGiven() ? job.projectId()
            : namedProject != null ? namedProject
            : changes.projectId().isGiven() ? null
            : tags.hashes().stream().map(code -> projects.byShortCode(account, code).orElse(null))
                .filter(Objects::nonNull).map(Project::id).findFirst().orElse(null);
        var chosenIds = chosenTasks.stream().map(Task::id).toList();
        if (!Objects.equals(projectId, namedProject) || chosenIds.size() > found.tasks().size()) {
            // the job or a hashtag named the project, or a hashtag added a task: price what they name
            found = lookup.find(account, chosenIds, projectId, owner.id());
        }
        Project project = found.project();
        if (project == null && projectId != null && changes.projectId().isGiven()) {
            problems.add("project_id", "does not name a project in this account");
        }

        Long contactId;
        if (job != null && changes.jobId().isGiven() && job.projectId() == null) {
            contactId = job.contactId();
        } else if (project != null) {
            // a project always belongs to its contact
            Long given = changes.contactId().orElse(null);
            if (given != null && given != project.contactId()) {
                problems.add("contact_id", "is not the contact of the project");
            }
            contactId = project.contactId();
        } else if (changes.contactId().isGiven()) {
            contactId = changes.contactId().orElse(null);
        } else if (current != null && current.contactId() != null) {
            contactId = current.contactId();
        } else {
            contactId = tags.ats().stream().map(code -> contacts.byShortCode(account, code).orElse(null))
                .filter(Objects::nonNull).map(Contact::id).findFirst().orElse(null);
        }
        Contact contact = contactId == null ? null
            : found.contact() != null && found.contact().id() == contactId ? found.contact()
            : contacts.find(account, contactId).orElse(null);
        if (contact == null && contactId != null && changes.contactId().isGiven() && project == null) {
            problems.add("contact_id", "does not name a contact in this account");
        }
        var assigned = new HashMap<Long, TaskAssignment>();
        found.taskAssignments().forEach(assignment -> assigned.put(assignment.taskId(), assignment));
        var taskAssignments = chosenIds.stream().map(assigned::get).filter(Objects::nonNull).toList();
        return new Work(contactId, contact, projectId, project, jobId, job, List.copyOf(chosenTasks),
            taskAssignments, found.userAssignment());
    }
}
