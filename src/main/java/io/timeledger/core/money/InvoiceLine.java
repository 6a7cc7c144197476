package io.timeledger.core.money;

import java.math.BigDecimal;

/** One line of an invoice: hours at a rate, or an expense. */
public record InvoiceLine(long id, int position, String description, BigDecimal quantity, BigDecimal unitAmount,
                          BigDecimal subtotal, BigDecimal tax, BigDecimal total) { }
