package io.timeledger.core.catalog;

import java.util.Locale;

/** The period a budget is measured over. */
public enum BudgetFrequency {
    TOTAL, WEEKLY, MONTHLY, QUARTERLY, YEARLY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
