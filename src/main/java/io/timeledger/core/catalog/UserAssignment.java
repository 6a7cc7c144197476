package io.timeledger.core.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A person working on a project (Harvest's user assignment).
 *
 * @param hourlyRate the person's rate on this project; null where their own rate applies
 */
public record UserAssignment(long id, long projectId, long membershipId, boolean projectManager, boolean active,
                             BigDecimal hourlyRate, BigDecimal budget, Instant createdAt, Instant updatedAt) { }
