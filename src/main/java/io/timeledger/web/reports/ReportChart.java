package io.timeledger.web.reports;

import io.timeledger.core.report.ReportResult;
import io.timeledger.web.Periods;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's chart: hours in bars over time — by day for a month or less, by week up to half a
 * year, by month beyond (or by the period the report groups by) — stacked by the report's first
 * grouping of who or what. Every bar of the range is there, empty ones too; the eight largest
 * stacks are named and the rest are "Other". reports.js draws it with ECharts.
 *
 * @param labels a bar's name, one per bar
 */
record ReportChart(List<String> labels, List<Series> series) {

    /** A stack's hours, one per bar. */
    record Series(String name, List<BigDecimal> hours) { }

    static final int STACKS = 8;

    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    /** The bars' period: the report's own, else one that gives a readable number of bars for the range. */
    static Grouping bars(List<Grouping> groupings, Period.Range range) {
        for (var grouping : groupings) {
            if (grouping.period()) {
                return grouping;
            }
        }
        if (range.from() == null || range.to() == null) {
            return Grouping.MONTH;
        }
        long days = ChronoUnit.DAYS.between(range.from(), range.to()) + 1;
        return days <= 31 ? Grouping.DAY : days <= 190 ? Grouping.WEEK : Grouping.MONTH;
    }

    /** What the bars are stacked by: the report's first grouping of who or what; null for none. */
    static Grouping stacks(List<Grouping> groupings) {
        return groupings.stream().filter(g -> !g.period()).findFirst().orElse(null);
    }

    /** The chart of {@code result}, which is grouped by {@code bars} and then {@code stacks} (if any). */
    static ReportChart of(ReportResult result, Grouping bars, Grouping stacks, Period.Range range,
                          DayOfWeek weekStart) {
        var keys = keys(result, bars, range, weekStart);
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < keys.size(); i++) {
            index.put(keys.get(i), i);
        }
        var byStack = new LinkedHashMap<String, BigDecimal[]>();
        var totals = new HashMap<String, BigDecimal>();
        for (var group : result.groups()) {
            var stack = stacks == null ? "Hours" : ReportTable.name(group, stacks);
            var bar = index.get(group.keys().get(bars.dimension()));
            if (bar == null) {
                continue;
            }
            var hours = byStack.computeIfAbsent(stack, s -> zeros(keys.size()));
            hours[bar] = hours[bar].add(group.totals().hours());
            totals.merge(stack, group.totals().hours(), BigDecimal::add);
        }
        var largest = new ArrayList<>(byStack.keySet());
        largest.sort(Comparator.comparing(totals::get, Comparator.reverseOrder()));
        var series = new ArrayList<Series>();
        var other = zeros(keys.size());
        for (int i = 0; i < largest.size(); i++) {
            var hours = byStack.get(largest.get(i));
            if (i < STACKS || largest.size() == STACKS + 1) {
                series.add(new Series(largest.get(i), List.of(hours)));
            } else {
                for (int bar = 0; bar < hours.length; bar++) {
                    other[bar] = other[bar].add(hours[bar]);
                }
            }
        }
        if (largest.size() > STACKS + 1) {
            series.add(new Series("Other", List.of(other)));
        }
        return new ReportChart(keys.stream().map(key -> label(bars, key, keys.size())).toList(), series);
    }

    /** Every bar's key from the range's first to its last (or the report's, where the range is open). */
    private static List<String> keys(ReportResult result, Grouping bars, Period.Range range, DayOfWeek weekStart) {
        var present = result.groups().stream().map(g -> g.keys().get(bars.dimension())).sorted().toList();
        if (present.isEmpty() && (range.from() == null || range.to() == null)) {
            return List.of();
        }
        var keys = new ArrayList<String>();
        switch (bars) {
            case MONTH -> {
                var first = range.from() != null ? YearMonth.from(range.from()) : YearMonth.parse(present.get(0));
                var last = range.to() != null ? YearMonth.from(range.to())
                    : YearMonth.parse(present.get(present.size() - 1));
                for (var month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                    keys.add(month.toString());
                }
            }
            case DAY, WEEK -> {
                var first = range.from() != null ? range.from() : LocalDate.parse(present.get(0));
                var last = range.to() != null ? range.to() : LocalDate.parse(present.get(present.size() - 1));
                var step = bars == Grouping.WEEK ? 7 : 1;
                if (bars == Grouping.WEEK) {
                    first = first.with(TemporalAdjusters.previousOrSame(weekStart));
                }
                for (var day = first; !day.isAfter(last); day = day.plusDays(step)) {
                    keys.add(day.toString());
                }
            }
            default -> keys.addAll(present);
        }
        return Collections.unmodifiableList(keys);
    }

    private static String label(Grouping bars, String key, int count) {
        return switch (bars) {
            case DAY -> count <= 7 ? SHORT_DAY.format(LocalDate.parse(key)) : Periods.dayInYear(LocalDate.parse(key));
            case WEEK -> Periods.dayInYear(LocalDate.parse(key));
            case MONTH -> MONTH.format(YearMonth.parse(key));
            default -> key;
        };
    }

    private static BigDecimal[] zeros(int size) {
        var zeros = new BigDecimal[size];
        Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    /** What reports.js reads: {@code {"labels": [...], "series": [{"name": ..., "hours": [...]}]}}. */
    Map<String, Object> data() {
        var data = new LinkedHashMap<String, Object>();
        data.put("labels", labels);
        data.put("series", series.stream().map(s -> {
            var one = new LinkedHashMap<String, Object>();
            one.put("name", s.name());
            one.put("hours", s.hours());
            return one;
        }).toList());
        return data;
    }
}
