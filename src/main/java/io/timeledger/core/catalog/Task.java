package io.timeledger.core.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An account-wide kind of work (development, design, meetings) that entries are tagged with.
 *
 * @param billable false makes time tagged with the task non-billable
 * @param active       false hides the task from new time (Harvest's archived tasks)
 * @param entriesCount how many entries are tagged with it; null where a lookup did not count them
 */
public record Task(long id, String name, boolean pinned, BigDecimal defaultRate, boolean billable, boolean active,
                   Long entriesCount, Instant createdAt, Instant updatedAt) { }
