package io.timeledger.web.timesheet;

import io.timeledger.core.catalog.CatalogNames;
import io.timeledger.core.catalog.Named;

/** What the timesheet calls the work an entry or a row is tracked for. */
final class WorkNames {

    private WorkNames() { }

    /** The project's name, else — for work without a project — the client's; null when neither is known. */
    static String heading(CatalogNames.Names names, Long projectId, Long contactId) {
        var named = projectId != null ? names.projects().get(projectId)
            : contactId != null ? names.contacts().get(contactId) : null;
        return named == null ? null : named.name();
    }

    static String task(CatalogNames.Names names, Long taskId) {
        Named named = taskId == null ? null : names.tasks().get(taskId);
        return named == null ? null : named.name();
    }
}
