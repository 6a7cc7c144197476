package io.timeledger.web.reports;

import io.timeledger.core.account.Actor;
import io.timeledger.core.report.Dimension;
import io.timeledger.core.report.ReportQuery;
import io.timeledger.core.report.ReportResult;
import io.timeledger.core.report.Reports;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Runs the report a form asks for: its table, and — for the page — its chart. A table grouped twice
 * reads the first grouping's totals too; the chart reads its own grouping unless the table's
 * already is it (one, two or three aggregates, each over the period's entries).
 */
@Component
class ReportMaker {

    /** A report made: the days it covers, the query that made it, its table. */
    record Made(Period.Range range, ReportQuery query, ReportTable table, ReportResult result,
                ReportResult firstOnly) { }

    private final Reports reports;
    private final Clock clock;

    ReportMaker(Reports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** Today where the person is. */
    LocalDate today(Actor actor) {
        return LocalDate.now(clock.withZone(actor.member().timeZone()));
    }

    Made table(Actor actor, ReportForm form) {
        var today = today(actor);
        var query = form.query(actor, today);
        var groupings = form.groupings();
        var result = reports.generateWithCosts(actor, query);
        var firstOnly = groupings.size() < 2 ? null
            : reports.generateWithCosts(actor, query.groupBy(List.of(groupings.get(0).dimension())));
        return new Made(form.range(actor, today), query,
            ReportTable.of(result, firstOnly, groupings, actor.tenant().currency()), result, firstOnly);
    }

    ReportChart chart(Actor actor, Made made) {
        var groupings = made.table().groupings();
        var bars = ReportChart.bars(groupings, made.range());
        var stacks = ReportChart.stacks(groupings);
        var dimensions = stacks == null ? List.of(bars.dimension()) : List.of(bars.dimension(), stacks.dimension());
        ReportResult result;
        if (same(dimensions, made.query().groupBy())) {
            result = made.result();
        } else if (made.firstOnly() != null && same(dimensions, List.of(groupings.get(0).dimension()))) {
            result = made.firstOnly();
        } else {
            result = reports.generate(actor, made.query().groupBy(dimensions));
        }
        return ReportChart.of(result, bars, stacks, made.range(), actor.tenant().weekStart());
    }

    private static boolean same(List<Dimension> a, List<Dimension> b) {
        return new HashSet<>(a).equals(new HashSet<>(b));
    }
}
