package io.timeledger.core.time;

import io.timeledger.core.catalog.CatalogNames;
import io.timeledger.core.catalog.Contact;
import io.timeledger.core.catalog.Job;
import io.timeledger.core.catalog.Named;
import io.timeledger.core.catalog.Project;
import io.timeledger.core.catalog.Task;
import io.timeledger.core.catalog.TaskAssignment;
import io.timeledger.core.catalog.UserAssignment;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an entry is tracked against, resolved to the catalog's records (a null one: none, or no
 * longer live), with the project's assignments that price it.
 *
 * @param taskAssignments the project's assignments of the tasks (none without a project)
 * @param userAssignment  the project's assignment of the entry's person; null if none, or no project
 */
record Work(Long contactId, Contact contact, Long projectId, Project project, Long jobId, Job job, List<Task> tasks,
            List<TaskAssignment> taskAssignments, UserAssignment userAssignment) {

    List<Long> taskIds() {
        return tasks.stream().map(Task::id).toList();
    }

    /**
     * The names and assignments of what the work points at, as a view shows them: each live record's
     * name, the project's rate, its assignments. A record the work did not find (deleted) is absent.
     */
    CatalogNames.Names names() {
        var tasksById = new HashMap<Long, Named>();
        tasks.forEach(task -> tasksById.put(task.id(), new Named(task.id(), task.name())));
        BigDecimal projectRate = project == null ? null : project.details().defaultRate();
        return new CatalogNames.Names(
            contact == null ? Map.of() : Map.of(contact.id(), new Named(contact.id(), contact.details().name())),
            project == null ? Map.of() : Map.of(project.id(), new Named(project.id(), project.details().name(),
                project.details().shortCode())),
            tasksById,
            projectRate == null ? Map.of() : Map.of(project.id(), projectRate),
            taskAssignments,
            userAssignment == null ? List.of() : List.of(userAssignment));
    }
}
