package io.timeledger.core.time;

import java.time.LocalDate;

/**
 * The invoice an entry is billed on, as far as a view of the entry shows it (Harvest: its id and
 * number; Expensicat: also its state and dates), read with the entry rather than after it.
 */
public record EntryInvoice(long id, String number, boolean sent, LocalDate issuedOn, LocalDate dueOn) { }
