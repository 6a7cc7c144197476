package io.timeledger.core.time;

import java.time.LocalDate;

/**
 * The invoice an entry is billed on, as far as a view of the entry shows it (Harvest: its id and
 * number; Expensicat: also its state and dates): joined to a single entry, read after a page of them.
 */
public record EntryInvoice(long id, String number, boolean sent, LocalDate issuedOn, LocalDate dueOn) { }
