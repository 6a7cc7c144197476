package io.timeledger.core.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A report's filters and grouping; null lists do not filter. {@code everyone} widens the people
 * from the caller to the whole account (for those who may see it).
 */
public record ReportQuery(LocalDate from, LocalDate to, boolean everyone, List<Long> memberships,
                          List<Long> legacyUserIds, List<Long> contacts, List<Long> projects, List<Long> tasks,
                          Boolean billable, Boolean invoiced, List<Dimension> groupBy) { }
