package io.timeledger.core.time;

import io.timeledger.core.catalog.Contact;
import io.timeledger.core.catalog.Contacts;
import io.timeledger.core.catalog.Job;
import io.timeledger.core.catalog.Jobs;
import io.timeledger.core.catalog.Project;
import io.timeledger.core.catalog.Projects;
import io.timeledger.core.catalog.Task;
import io.timeledger.core.catalog.Tasks;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Invalid;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Turns the ids and hashtags of a request into the contact, project and tasks an entry is
 * tracked against, checking that each names something in the account and that they agree.
 */
@Component
class WorkResolver {

    private final Contacts contacts;
    private final Projects projects;
    private final Tasks tasks;
    private final Jobs jobs;

    WorkResolver(Contacts contacts, Projects projects, Tasks tasks, Jobs jobs) {
        this.contacts = contacts;
        this.projects = projects;
        this.tasks = tasks;
        this.jobs = jobs;
    }

    /** The work of a new entry, or of an entry whose work changes from {@code current} (null for a new one). */
    Work resolve(AccountId account, EntryChanges changes, Entry current, Invalid.Collector problems) {
        var tags = changes.description().isGiven() ? Hashtags.in(changes.description().orElse(null))
            : Hashtags.in(null);

        var taskIds = new LinkedHashSet<Long>(changes.taskIds().isGiven()
            ? Objects.requireNonNullElse(changes.taskIds().orElse(null), List.of())
            : current == null ? List.of() : current.taskIds());
        var chosenTasks = new ArrayList<>(tasks.withIds(account, taskIds));
        if (chosenTasks.size() < taskIds.size()) {
            var unknown = new ArrayList<>(taskIds);
            unknown.removeAll(chosenTasks.stream().map(Task::id).toList());
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
            : changes.projectId().isGiven() ? changes.projectId().orElse(null)
            : current != null && current.projectId() != null ? current.projectId()
            : tags.hashes().stream().map(code -> projects.byShortCode(account, code).orElse(null))
                .filter(Objects::nonNull).map(Project::id).findFirst().orElse(null);
        // the project and its contact in one round trip: pricing needs both
        var placed = projectId == null ? null : projects.findWithContact(account, projectId).orElse(null);
        Project project = placed == null ? null : placed.project();
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
            : placed != null && placed.contact() != null && placed.contact().id() == contactId ? placed.contact()
            : contacts.find(account, contactId).orElse(null);
        if (contact == null && contactId != null && changes.contactId().isGiven() && project == null) {
            problems.add("contact_id", "does not name a contact in this account");
        }
        return new Work(contactId, contact, projectId, project, jobId, job, List.copyOf(chosenTasks));
    }
}
