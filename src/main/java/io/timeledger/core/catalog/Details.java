package io.timeledger.core.catalog;

import java.math.BigDecimal;

/**
 * What contacts and projects share: how they are named and found, and the defaults (rate,
 * billable, budget) that time tracked against them inherits.
 */
public record Details(String name, String shortCode, boolean active, boolean pinned, Budget budget,
                      BigDecimal defaultRate, boolean billable) {

    /** A new contact or project before the request's fields are applied. */
    static final Details DEFAULTS = new Details(null, null, true, false, Budget.NONE, null, true);
}
