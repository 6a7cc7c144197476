package io.timeledger.core.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Money spent for a client, billed on an invoice like time.
 *
 * @param amount            quantity times unit amount, to the cent
 * @param manuallyInvoiced  marked invoiced without an invoice of this ledger
 */
public record Expense(long id, long membershipId, Long contactId, Long projectId, Item item, String description,
                      BigDecimal quantity, BigDecimal unitAmount, BigDecimal amount, LocalDate date, Long invoiceId,
                      boolean manuallyInvoiced, boolean writtenOff, Instant createdAt, Instant updatedAt) {

    public boolean invoiced() {
        return invoiceId != null || manuallyInvoiced;
    }
}
