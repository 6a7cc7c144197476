package io.timeledger.core.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A priced piece of a project (Paydirt's job).
 *
 * @param estimateSeconds  the time estimated to complete it; null when not estimated
 * @param unbilledFixedValue a fixed-price job's price not yet invoiced; zero for other price types
 */
public record Job(long id, long contactId, Long projectId, String name, BigDecimal price, PriceType priceType,
                  Long estimateSeconds, boolean completed, BigDecimal unbilledFixedValue, Instant createdAt,
                  Instant updatedAt) { }
