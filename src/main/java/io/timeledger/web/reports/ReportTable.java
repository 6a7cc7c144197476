package io.timeledger.web.reports;

import io.timeledger.core.report.Dimension;
import io.timeledger.core.report.ReportResult;
import io.timeledger.web.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A report as a table, the same on the page and in its CSV, XLSX and PDF: a row per group of the
 * first grouping (named, in name or calendar order), the second grouping's rows beneath each, and
 * the report's total. Amounts are in the account's currency; null where the caller may not see them.
 *
 * @param groupings the columns naming a row: none, one or two
 * @param money whether the caller sees billable amounts
 * @param costs whether the caller sees costs
 */
record ReportTable(String description, List<Grouping> groupings, String currency, boolean money, boolean costs,
                   List<Row> rows, Totals total) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("'Week of' d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** A group's sums; amount and cost null when not shown. */
    record Totals(BigDecimal hours, BigDecimal billableHours, BigDecimal amount, BigDecimal cost, long entries) {

        static Totals of(ReportResult.Totals totals, String currency) {
            return new Totals(totals.hours(), totals.billableHours(),
                totals.billableAmount() == null ? null : totals.billableAmount().get(currency),
                totals.cost() == null ? null : totals.cost().get(currency), totals.entries());
        }

        public String amountText() {
            return Money.format(amount);
        }

        public String costText() {
            return Money.format(cost);
        }

        /** "80 %" of the hours billable; empty with no hours. */
        public String billablePercent() {
            return hours.signum() == 0 ? "" : billableHours.multiply(BigDecimal.valueOf(100))
                .divide(hours, 0, RoundingMode.HALF_UP) + " %";
        }
    }

    /**
     * A line of the table: a first grouping's group ({@code level} 0, with {@code names[0]}), or a
     * second's beneath it (level 1, {@code names} of both).
     */
    record Row(int level, List<String> names, Totals totals) {
        public String name() {
            return names.get(names.size() - 1);
        }
    }

    /**
     * The table of {@code result}, grouped by {@code groupings}; {@code firstOnly}, when there are
     * two, is the same report grouped by the first alone: its groups' totals head their rows (each
     * summed and rounded once, never the sum of rounded rows).
     */
    static ReportTable of(ReportResult result, ReportResult firstOnly, List<Grouping> groupings, String currency) {
        var money = result.totals().billableAmount() != null;
        var costs = result.totals().cost() != null;
        var rows = new ArrayList<Row>();
        if (groupings.size() == 1) {
            for (var group : sorted(result.groups(), groupings.get(0))) {
                rows.add(new Row(0, List.of(name(group, groupings.get(0))), Totals.of(group.totals(), currency)));
            }
        } else if (groupings.size() == 2) {
            var first = groupings.get(0);
            var second = groupings.get(1);
            Map<String, List<ReportResult.Group>> beneath = result.groups().stream()
                .collect(Collectors.groupingBy(g -> String.valueOf(g.keys().get(first.dimension()))));
            for (var head : sorted(firstOnly.groups(), first)) {
                var headName = name(head, first);
                rows.add(new Row(0, List.of(headName), Totals.of(head.totals(), currency)));
                var under = beneath.getOrDefault(String.valueOf(head.keys().get(first.dimension())), List.of());
                for (var group : sorted(under, second)) {
                    rows.add(new Row(1, List.of(headName, name(group, second)), Totals.of(group.totals(), currency)));
                }
            }
        }
        return new ReportTable(result.description(), groupings, currency, money, costs, List.copyOf(rows),
            Totals.of(result.totals(), currency));
    }

    /** Groups by name (entities, ignoring case, the nameless last) or by calendar (periods). */
    private static List<ReportResult.Group> sorted(List<ReportResult.Group> groups, Grouping grouping) {
        Function<ReportResult.Group, String> key = grouping.period()
            ? g -> g.keys().get(grouping.dimension())
            : g -> g.keys().get(grouping.dimension()) == null ? null : name(g, grouping).toLowerCase(Locale.ROOT);
        return groups.stream().sorted(Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder())))
            .toList();
    }

    /** What a group is called: its client's (…) name, or its period in words. */
    static String name(ReportResult.Group group, Grouping grouping) {
        var key = group.keys().get(grouping.dimension());
        if (grouping.period()) {
            return period(grouping.dimension(), key);
        }
        var name = group.names().get(grouping.dimension());
        return key == null || name == null || name.isBlank() ? grouping.nameless() : name;
    }

    /** "Mon 7 Dec 2026", "Week of 7 Dec 2026", "December 2026". */
    static String period(Dimension dimension, String key) {
        return switch (dimension) {
            case DATE -> DAY.format(LocalDate.parse(key));
            case WEEK -> WEEK.format(LocalDate.parse(key));
            case MONTH -> MONTH.format(YearMonth.parse(key));
            default -> key;
        };
    }

    /** The headings of the numbers' columns, each amount's with its currency: "Billable amount (USD)". */
    public List<String> numberTitles() {
        var titles = new ArrayList<>(List.of("Hours", "Billable hours"));
        if (money) {
            titles.add("Billable amount (" + currency + ")");
        }
        if (costs) {
            titles.add("Cost (" + currency + ")");
        }
        return titles;
    }

    /** The heading of the column naming the rows: "Client", "Client / Month". */
    public String rowsTitle() {
        return groupings.stream().map(Grouping::title).collect(Collectors.joining(" / "));
    }

}
