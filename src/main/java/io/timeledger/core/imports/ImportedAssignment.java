package io.timeledger.core.imports;

import java.math.BigDecimal;

/**
 * A source's assignment of a task or a person to a project (Harvest's task and user assignments),
 * by names as the source writes them: made where the account does not have it yet.
 *
 * @param task        the task's name; null for a person's assignment
 * @param personEmail the person's email (a person's assignment); null for a task's
 * @param flag        billable for a task, project manager for a person
 * @param hourlyRate  the assignment's own rate; null for none
 */
public record ImportedAssignment(String client, String project, String task, String personEmail, String personName,
                                 boolean flag, boolean active, BigDecimal hourlyRate) {

    public boolean ofTask() {
        return task != null;
    }
}
