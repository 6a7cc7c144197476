package io.timeledger.core.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A report's totals, and one row per group when grouped.
 *
 * Totals' {@code billableAmount} is by currency, null when the caller may not see rates; {@code cost}
 * (hours times each entry's cost rate) likewise, null unless asked for by one who may see costs.
 */
public record ReportResult(String description, Totals totals, List<Group> groups) {

    public record Totals(long entries, BigDecimal hours, BigDecimal billableHours,
                         Map<String, BigDecimal> billableAmount, Map<String, BigDecimal> cost) { }

    /** One combination of the grouping's values ({@code keys} by dimension; ids, or a period label) and its totals. */
    public record Group(Map<Dimension, String> keys, Map<Dimension, String> names, Totals totals) { }
}
