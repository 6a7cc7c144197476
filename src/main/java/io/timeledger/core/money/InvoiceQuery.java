package io.timeledger.core.money;

import java.time.Instant;
import java.time.LocalDate;

/** Filters of an invoice search; null where not applied. {@code archived} picks archived or active ones. */
public record InvoiceQuery(Long contactId, LocalDate from, LocalDate to, Instant since, boolean sentOnly,
                           boolean draftOnly, boolean archived, int limit, int offset) { }
