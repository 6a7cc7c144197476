package io.timeledger.core.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A task used on a project (Harvest's task assignment).
 *
 * @param hourlyRate the task's rate on this project; null where the task's own rate applies
 */
public record TaskAssignment(long id, long projectId, long taskId, boolean billable, boolean active,
                             BigDecimal hourlyRate, BigDecimal budget, Instant createdAt, Instant updatedAt) { }
