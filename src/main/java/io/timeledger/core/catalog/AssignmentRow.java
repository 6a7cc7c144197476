package io.timeledger.core.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** A task or user assignment as stored: what is assigned ({@code subjectId}) and its flag, whichever kind. */
record AssignmentRow(long id, long projectId, long subjectId, boolean flag, boolean active, BigDecimal hourlyRate,
                     BigDecimal budget, Instant createdAt, Instant updatedAt) {

    TaskAssignment asTask() {
        return new TaskAssignment(id, projectId, subjectId, flag, active, hourlyRate, budget, createdAt, updatedAt);
    }

    UserAssignment asUser() {
        return new UserAssignment(id, projectId, subjectId, flag, active, hourlyRate, budget, createdAt, updatedAt);
    }
}
