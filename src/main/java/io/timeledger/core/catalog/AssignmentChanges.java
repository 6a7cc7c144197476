package io.timeledger.core.catalog;

import io.timeledger.core.common.Field;
import java.math.BigDecimal;

/**
 * A create or partial update of a task or user assignment; absent fields keep their value.
 *
 * @param flag {@code billable} for a task assignment, {@code is_project_manager} for a user assignment
 */
public record AssignmentChanges(Field<Boolean> flag, Field<Boolean> active, Field<BigDecimal> hourlyRate,
                                Field<BigDecimal> budget) { }
