package io.timeledger.core.catalog;

import java.util.Locale;

/** What a budget counts: hours tracked, or their billable value. */
public enum BudgetType {
    HOURS, BILLABLE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
