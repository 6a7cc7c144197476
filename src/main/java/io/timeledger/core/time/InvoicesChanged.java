package io.timeledger.core.time;

import io.timeledger.core.common.AccountId;

/**
 * Published by a write that changes what an entry shows of its invoice — its number, its state, its
 * dates — or removes an invoice: what this server remembers of the account's invoices
 * ({@link EntryInvoices}) is forgotten when the write commits.
 *
 * @param account whose invoices changed
 */
public record InvoicesChanged(AccountId account) {
}
