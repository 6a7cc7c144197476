package io.timeledger.core.money;

import io.timeledger.core.common.Field;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A new expense or a partial update, with MinuteDock's semantics: an {@code itemId} prices the
 * expense at the item's rate with a variable quantity; {@code rateCents} without an item is a
 * one-off at that price with a quantity of 1; {@code manuallyInvoiced} marks it invoiced.
 */
public record ExpenseChanges(Field<Long> membershipId, Field<String> description, Field<BigDecimal> quantity,
                             Field<Long> itemId, Field<Long> rateCents, Field<LocalDate> date, Field<Long> contactId,
                             Field<Long> projectId, Field<Boolean> manuallyInvoiced, Field<Boolean> writtenOff) { }
