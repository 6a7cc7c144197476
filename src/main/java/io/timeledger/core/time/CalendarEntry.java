package io.timeledger.core.time;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A logged entry as a calendar shows it.
 *
 * @param startedAt null where the entry has a duration only (it shows as a day's event)
 * @param endedAt   null where the entry has a duration only
 */
public record CalendarEntry(long id, LocalDate day, Instant startedAt, Instant endedAt, long seconds,
                            String description, String project, String client, Instant updatedAt) { }
