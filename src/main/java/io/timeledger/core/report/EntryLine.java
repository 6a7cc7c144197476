package io.timeledger.core.report;

import io.timeledger.core.common.Worth;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One entry as a report's export lists it: its day, names, notes and time, and — for those who may
 * see them — its billing and cost rates (null otherwise, or when the entry has none).
 *
 * @param seconds its logged time, with a running timer's time so far
 * @param invoice the number of the invoice that billed it; null while unbilled
 */
public record EntryLine(long id, LocalDate date, String client, String project, String task, String person,
                        String notes, long seconds, boolean billable, BigDecimal rate, BigDecimal costRate,
                        String invoice) {

    public BigDecimal hours() {
        return Worth.hours(seconds);
    }

    /** What it bills: nothing unless billable and priced. */
    public BigDecimal amount() {
        return billable && rate != null ? Worth.amount(seconds, rate) : null;
    }

    public BigDecimal cost() {
        return costRate == null ? null : Worth.amount(seconds, costRate);
    }
}
