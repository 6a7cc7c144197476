package io.timeledger.core.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A report's filters and grouping; null lists do not filter. {@code everyone} widens the people
 * from the caller to the whole account (for those who may see it).
 */
public record ReportQuery(LocalDate from, LocalDate to, boolean everyone, List<Long> memberships,
                          List<Long> legacyUserIds, List<Long> contacts, List<Long> projects, List<Long> tasks,
                          Boolean billable, Boolean invoiced, List<Dimension> groupBy) {

    /** The caller's own time, all of it, ungrouped: the start of every report, each filter set by name. */
    public static final ReportQuery OWN = new ReportQuery(null, null, false, null, null, null, null, null, null, null,
        List.of());

    public ReportQuery from(LocalDate value) {
        return new ReportQuery(value, to, everyone, memberships, legacyUserIds, contacts, projects, tasks, billable,
            invoiced, groupBy);
    }

    public ReportQuery to(LocalDate value) {
        return new ReportQuery(from, value, everyone, memberships, legacyUserIds, contacts, projects, tasks, billable,
            invoiced, groupBy);
    }

    public ReportQuery everyone(boolean value) {
        return new ReportQuery(from, to, value, memberships, legacyUserIds, contacts, projects, tasks, billable,
            invoiced, groupBy);
    }

    public ReportQuery memberships(List<Long> value) {
        return new ReportQuery(from, to, everyone, value, legacyUserIds, contacts, projects, tasks, billable, invoiced,
            groupBy);
    }

    public ReportQuery legacyUserIds(List<Long> value) {
        return new ReportQuery(from, to, everyone, memberships, value, contacts, projects, tasks, billable, invoiced,
            groupBy);
    }

    public ReportQuery contacts(List<Long> value) {
        return new ReportQuery(from, to, everyone, memberships, legacyUserIds, value, projects, tasks, billable,
            invoiced, groupBy);
    }

    public ReportQuery projects(List<Long> value) {
        return new ReportQuery(from, to, everyone, memberships, legacyUserIds, contacts, value, tasks, billable,
            invoiced, groupBy);
    }

    public ReportQuery tasks(List<Long> value) {
        return new ReportQuery(from, to, everyone, memberships, legacyUserIds, contacts, projects, value, billable,
            invoiced, groupBy);
    }

    public ReportQuery billable(Boolean value) {
        return new ReportQuery(from, to, everyone, memberships, legacyUserIds, contacts, projects, tasks, value,
            invoiced, groupBy);
    }

    public ReportQuery invoiced(Boolean value) {
        return new ReportQuery(from, to, everyone, memberships, legacyUserIds, contacts, projects, tasks, billable,
            value, groupBy);
    }

    public ReportQuery groupBy(List<Dimension> value) {
        return new ReportQuery(from, to, everyone, memberships, legacyUserIds, contacts, projects, tasks, billable,
            invoiced, value);
    }
}
