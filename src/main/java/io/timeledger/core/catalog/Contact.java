package io.timeledger.core.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A client time is tracked for.
 *
 * @param address        postal address, free text; null when not given
 * @param budgetProgress hours or billable value tracked in the current budget period; null when no budget is tracked
 */
public record Contact(long id, Details details, String address, BigDecimal budgetProgress, Instant createdAt,
                      Instant updatedAt) { }
