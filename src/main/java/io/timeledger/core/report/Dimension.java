package io.timeledger.core.report;

import java.util.Locale;

/** What a report groups by: an entity, or one calendar period. */
public enum Dimension {
    CONTACT(false), USER(false), PROJECT(false), TASK(false), DATE(true), WEEK(true), MONTH(true), YEAR(true);

    private final boolean period;

    Dimension(boolean period) {
        this.period = period;
    }

    public boolean period() {
        return period;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
