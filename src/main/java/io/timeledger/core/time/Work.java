package io.timeledger.core.time;

import io.timeledger.core.catalog.Contact;
import io.timeledger.core.catalog.Job;
import io.timeledger.core.catalog.Project;
import io.timeledger.core.catalog.Task;
import java.util.List;

/** What an entry is tracked against, resolved to the catalog's records (a null one: none, or no longer live). */
record Work(Long contactId, Contact contact, Long projectId, Project project, Long jobId, Job job, List<Task> tasks) {

    List<Long> taskIds() {
        return tasks.stream().map(Task::id).toList();
    }
}
