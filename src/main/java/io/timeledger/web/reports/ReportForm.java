package io.timeledger.web.reports;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.report.ReportQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reports page's filters and grouping as its form (and every export link) sends them: a
 * period (or a custom {@code from}–{@code to}), clients, projects, tasks and people (each may
 * repeat), billable ({@code yes}/{@code no}, else all), and up to two groupings.
 */
record ReportForm(String period, LocalDate from, LocalDate to, List<Long> client, List<Long> project, List<Long> task,
                  List<Long> person, String billable, String group, String then) {

    /** What the page shows before anything is chosen: this month by client. */
    static final ReportForm FIRST = new ReportForm(null, null, null, null, null, null, null, null, "client", null);

    public Period periodChosen() {
        return period == null && (from != null || to != null) ? Period.CUSTOM : Period.of(period);
    }

    Period.Range range(Actor actor, LocalDate today) {
        return periodChosen().range(today, actor.tenant().weekStart(), from, to);
    }

    /** The groupings, the first then the second; a repeated or unknown one is left out. */
    List<Grouping> groupings() {
        var groupings = new ArrayList<Grouping>();
        for (var name : new String[] {group, then}) {
            var grouping = Grouping.of(name);
            if (grouping != null && !groupings.contains(grouping)) {
                groupings.add(grouping);
            }
        }
        if (groupings.size() == 2 && groupings.get(0).period() && groupings.get(1).period()) {
            throw new Invalid("then", "must not be a second period: group by a day, a week or a month, then by who "
                + "or what");
        }
        return groupings;
    }

    /** The report this form asks for: everyone's time to those who may see it, one's own to members. */
    ReportQuery query(Actor actor, LocalDate today) {
        var range = range(actor, today);
        return ReportQuery.OWN.from(range.from()).to(range.to()).everyone(!actor.seesOnlyOwnTime())
            .memberships(ids(person)).contacts(ids(client)).projects(ids(project)).tasks(ids(task))
            .billable("yes".equals(billable) ? Boolean.TRUE : "no".equals(billable) ? Boolean.FALSE : null)
            .groupBy(groupings().stream().map(Grouping::dimension).toList());
    }

    /** The form of a saved report: its own days, filters and grouping. */
    static ReportForm of(ReportQuery query) {
        var groupBy = query.groupBy().stream().map(Grouping::of).map(Grouping::param).toList();
        return new ReportForm(query.from() == null && query.to() == null ? Period.ALL_TIME.param()
            : Period.CUSTOM.param(), query.from(), query.to(), query.contacts(), query.projects(), query.tasks(),
            query.memberships(), Boolean.TRUE.equals(query.billable()) ? "yes"
                : Boolean.FALSE.equals(query.billable()) ? "no" : null,
            groupBy.isEmpty() ? null : groupBy.get(0), groupBy.size() < 2 ? null : groupBy.get(1));
    }

    /** The form's fields as a query string (without "?"), for the exports and the saved reports' links. */
    String queryString() {
        var uri = UriComponentsBuilder.newInstance();
        add(uri, "period", periodChosen().param());
        if (periodChosen() == Period.CUSTOM) {
            add(uri, "from", from);
            add(uri, "to", to);
        }
        for (var id : Objects.requireNonNullElse(client, List.<Long>of())) {
            add(uri, "client", id);
        }
        for (var id : Objects.requireNonNullElse(project, List.<Long>of())) {
            add(uri, "project", id);
        }
        for (var id : Objects.requireNonNullElse(task, List.<Long>of())) {
            add(uri, "task", id);
        }
        for (var id : Objects.requireNonNullElse(person, List.<Long>of())) {
            add(uri, "person", id);
        }
        add(uri, "billable", billable);
        add(uri, "group", group == null ? "" : group);
        add(uri, "then", then);
        var query = uri.build().encode().getQuery();
        return query == null ? "" : query;
    }

    private static void add(UriComponentsBuilder uri, String name, Object value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }

    /** The ids a filter names, none (every one) when empty. */
    private static List<Long> ids(List<Long> ids) {
        var named = ids == null ? List.<Long>of() : ids.stream().filter(Objects::nonNull).toList();
        return named.isEmpty() ? null : named;
    }
}
