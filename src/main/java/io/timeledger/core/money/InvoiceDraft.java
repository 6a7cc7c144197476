package io.timeledger.core.money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What to invoice: a contact's uninvoiced, billable, logged time and its uninvoiced expenses
 * dated {@code from}..{@code to} (inclusive; null for open ends).
 *
 * @param taxRate  a percentage; null for none
 * @param issuedOn null for today in the account's zone
 * @param dueOn    null for 30 days after issue
 */
public record InvoiceDraft(Long contactId, LocalDate from, LocalDate to, LineGrouping grouping, BigDecimal taxRate,
                           LocalDate issuedOn, LocalDate dueOn, String reference) { }
