package io.timeledger.core.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A bill to a contact for time and expenses. Amounts add up to the cent: each line's tax is
 * its subtotal times the rate, rounded half up; the invoice's subtotal, tax and total are the
 * sums of its lines'.
 *
 * @param taxRate a percentage (10.000 is 10 %)
 * @param lines   empty where an invoice is listed rather than fetched
 */
public record Invoice(long id, long contactId, String number, String reference, boolean sent, Instant sentAt,
                      boolean archived, LocalDate issuedOn, LocalDate dueOn, String currency, BigDecimal taxRate,
                      BigDecimal subtotal, BigDecimal tax, BigDecimal total, LocalDate periodFrom, LocalDate periodTo,
                      Instant createdAt, Instant updatedAt, List<InvoiceLine> lines) { }
