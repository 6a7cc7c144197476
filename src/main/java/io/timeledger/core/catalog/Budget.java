package io.timeledger.core.catalog;

import java.math.BigDecimal;

/** A contact's or project's budget; all three parts null when none is tracked. */
public record Budget(BudgetType type, BudgetFrequency frequency, BigDecimal target) {

    public static final Budget NONE = new Budget(null, null, null);

    public boolean tracked() {
        return type != null;
    }
}
