package io.timeledger.core.report;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.Reads;
import io.timeledger.core.common.ReplicaReads;
import io.timeledger.core.common.Worth;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Reports over logged time. Members report on their own time and see no money; managers and
 * admins on everyone's, with billable amounts. Hours are summed as seconds and rounded once,
 * to two places; amounts are summed exactly and rounded once, half up, to the cent.
 */
@Service
public class Reports {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private final ReportRepository repository;
    private final Clock clock;

    Reports(ReportRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Reads
    @ReplicaReads
    public ReportResult generate(Actor actor, ReportQuery query) {
        return generate(actor, query, false);
    }

    /** The report with what its hours cost, when the actor may see costs (the web app's reports). */
    @Reads
    @ReplicaReads
    public ReportResult generateWithCosts(Actor actor, ReportQuery query) {
        return generate(actor, query, actor.seesCosts());
    }

    private ReportResult generate(Actor actor, ReportQuery query, boolean costs) {
        if (query.groupBy().stream().filter(Dimension::period).count() > 1) {
            throw new Invalid("group_by", "may hold only one of date, week, month and year");
        }
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw new Invalid("to", "must not be before from");
        }
        boolean member = actor.seesOnlyOwnTime();
        if (member) {
            actor.requireOwnTime(query.memberships(), query.legacyUserIds(), "Members can report only on their own time");
            query = query.everyone(false).memberships(null).legacyUserIds(null);
        }
        var currency = actor.tenant().currency();
        var rows = repository.aggregate(actor.account(), actor.membershipId(), query, actor.tenant().weekStart(),
            costs, clock.instant());
        long entries = 0;
        long seconds = 0;
        long billableSeconds = 0;
        var amount = BigDecimal.ZERO;
        var cost = costs ? BigDecimal.ZERO : null;
        var groups = new java.util.ArrayList<ReportResult.Group>();
        for (var row : rows) {
            entries += row.entries();
            seconds += row.seconds();
            billableSeconds += row.billableSeconds();
            amount = amount.add(row.amount());
            cost = costs ? cost.add(row.cost()) : null;
            if (!query.groupBy().isEmpty()) {
                groups.add(new ReportResult.Group(row.keys(), row.names(), totals(row.entries(), row.seconds(),
                    row.billableSeconds(), row.amount(), row.cost(), currency, member)));
            }
        }
        return new ReportResult(describe(query),
            totals(entries, seconds, billableSeconds, amount, cost, currency, member), List.copyOf(groups));
    }

    private static ReportResult.Totals totals(long entries, long seconds, long billableSeconds, BigDecimal amount,
                                              BigDecimal cost, String currency, boolean hideMoney) {
        return new ReportResult.Totals(entries, hours(seconds), hours(billableSeconds),
            hideMoney ? null : Map.of(currency, amount.setScale(2, RoundingMode.HALF_UP)),
            hideMoney || cost == null ? null : Map.of(currency, cost.setScale(2, RoundingMode.HALF_UP)));
    }

    private static BigDecimal hours(long seconds) {
        return Worth.hours(seconds);
    }

    /** "Report for Jan 2024" for a calendar month, else the range. */
    private static String describe(ReportQuery query) {
        var from = query.from();
        var to = query.to();
        if (from != null && to != null && from.getDayOfMonth() == 1 && to.equals(from.plusMonths(1).minusDays(1))) {
            return "Report for " + MONTH.format(from);
        }
        if (from == null && to == null) {
            return "Report for all time";
        }
        return "Report for " + (from == null ? "the beginning" : from.toString()) + " to "
            + (to == null ? "today" : to.toString());
    }
}
