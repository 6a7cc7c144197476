package io.timeledger.core.money;

import java.util.Locale;

/** How an invoice gathers time into lines; every group is split further by rate. */
public enum LineGrouping {
    PROJECT, TASK, PERSON, ENTRY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
