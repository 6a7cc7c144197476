package io.timeledger.core.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** An account-wide kind of work (development, design, meetings) that entries are tagged with. */
public record Task(long id, String name, boolean pinned, BigDecimal defaultRate, long entriesCount,
                   Instant createdAt, Instant updatedAt) { }
