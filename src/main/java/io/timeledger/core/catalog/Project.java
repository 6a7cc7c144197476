package io.timeledger.core.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A piece of work for one contact.
 *
 * @param budgetProgress hours or billable value tracked in the current budget period; null when no budget is tracked
 */
public record Project(long id, long contactId, Details details, BigDecimal budgetProgress,
                      Instant createdAt, Instant updatedAt) {

    /** Whether this budget period's tracked hours or billable value went past the budget's target. */
    public boolean overBudget() {
        var target = details.budget().target();
        return details.budget().tracked() && target != null && budgetProgress != null
            && budgetProgress.compareTo(target) > 0;
    }
}
