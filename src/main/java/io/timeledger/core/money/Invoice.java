package io.timeledger.core.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A bill to a contact for time and expenses. Amounts add up to the cent: each line's tax is
 * its subtotal times the rate, rounded half up; the invoice's subtotal, tax and total are the
 * sums of its lines'.
 *
 * @param taxRate a percentage (10.000 is 10 %)
 * @param lines    empty where an invoice is listed rather than fetched
 * @param paid     the sum of its payments
 * @param voidedAt when a sent invoice was voided; its number stays taken, its work is free again
 */
public record Invoice(long id, long contactId, String number, String reference, boolean sent, Instant sentAt,
                      boolean archived, LocalDate issuedOn, LocalDate dueOn, String currency, BigDecimal taxRate,
                      BigDecimal subtotal, BigDecimal tax, BigDecimal total, LocalDate periodFrom, LocalDate periodTo,
                      Instant createdAt, Instant updatedAt, List<InvoiceLine> lines, BigDecimal paid,
                      Instant voidedAt) {

    /** Where an invoice stands, as its list and page show it. */
    public enum Status {
        DRAFT("Draft"), SENT("Sent"), OVERDUE("Overdue"), PARTLY_PAID("Partly paid"), PAID("Paid"), VOID("Void");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Its status on {@code today}: a sent invoice unpaid past its due date is overdue. */
    public Status status(LocalDate today) {
        if (voidedAt != null) {
            return Status.VOID;
        }
        if (!sent) {
            return Status.DRAFT;
        }
        if (paid.compareTo(total) >= 0) {
            return Status.PAID;
        }
        if (dueOn.isBefore(today)) {
            return Status.OVERDUE;
        }
        return paid.signum() > 0 ? Status.PARTLY_PAID : Status.SENT;
    }

    /** Whether a payment may be recorded: sent, not void, something outstanding. */
    public boolean takesPayments() {
        return sent && voidedAt == null && outstanding().signum() > 0;
    }

    /** Whether it may be voided: sent, not void already, nothing paid (a draft is deleted instead). */
    public boolean voidable() {
        return sent && voidedAt == null && paid.signum() == 0;
    }

    /** What is still to be paid: nothing on a void invoice. */
    public BigDecimal outstanding() {
        return voidedAt != null ? BigDecimal.ZERO.setScale(2) : total.subtract(paid);
    }
}
