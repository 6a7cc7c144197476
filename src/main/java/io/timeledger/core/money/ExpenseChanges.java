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
                             Field<Long> projectId, Field<Boolean> manuallyInvoiced, Field<Boolean> writtenOff) {

    /** Nothing changed: the start of every change, each field set by name. */
    public static final ExpenseChanges NONE = new ExpenseChanges(Field.absent(), Field.absent(), Field.absent(),
        Field.absent(), Field.absent(), Field.absent(), Field.absent(), Field.absent(), Field.absent(), Field.absent());

    public ExpenseChanges membershipId(Field<Long> value) {
        return new ExpenseChanges(value, description, quantity, itemId, rateCents, date, contactId, projectId,
            manuallyInvoiced, writtenOff);
    }

    public ExpenseChanges description(Field<String> value) {
        return new ExpenseChanges(membershipId, value, quantity, itemId, rateCents, date, contactId, projectId,
            manuallyInvoiced, writtenOff);
    }

    public ExpenseChanges quantity(Field<BigDecimal> value) {
        return new ExpenseChanges(membershipId, description, value, itemId, rateCents, date, contactId, projectId,
            manuallyInvoiced, writtenOff);
    }

    public ExpenseChanges itemId(Field<Long> value) {
        return new ExpenseChanges(membershipId, description, quantity, value, rateCents, date, contactId, projectId,
            manuallyInvoiced, writtenOff);
    }

    public ExpenseChanges rateCents(Field<Long> value) {
        return new ExpenseChanges(membershipId, description, quantity, itemId, value, date, contactId, projectId,
            manuallyInvoiced, writtenOff);
    }

    public ExpenseChanges date(Field<LocalDate> value) {
        return new ExpenseChanges(membershipId, description, quantity, itemId, rateCents, value, contactId, projectId,
            manuallyInvoiced, writtenOff);
    }

    public ExpenseChanges contactId(Field<Long> value) {
        return new ExpenseChanges(membershipId, description, quantity, itemId, rateCents, date, value, projectId,
            manuallyInvoiced, writtenOff);
    }

    public ExpenseChanges projectId(Field<Long> value) {
        return new ExpenseChanges(membershipId, description, quantity, itemId, rateCents, date, contactId, value,
            manuallyInvoiced, writtenOff);
    }

    public ExpenseChanges manuallyInvoiced(Field<Boolean> value) {
        return new ExpenseChanges(membershipId, description, quantity, itemId, rateCents, date, contactId, projectId,
            value, writtenOff);
    }

    public ExpenseChanges writtenOff(Field<Boolean> value) {
        return new ExpenseChanges(membershipId, description, quantity, itemId, rateCents, date, contactId, projectId,
            manuallyInvoiced, value);
    }
}
