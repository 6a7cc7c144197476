package io.timeledger.core.money;

import java.time.Instant;
import java.time.LocalDate;

/** Filters of an expense search; null where not applied. */
public record ExpenseQuery(Long contactId, Long projectId, Long membershipId, LocalDate from, LocalDate to,
                           Instant since, Boolean invoiced, int limit, int offset) { }
