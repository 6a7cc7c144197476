package io.timeledger.api.minutedock;

import io.timeledger.api.common.Accepts;
import io.timeledger.api.common.JsonFields;
import io.timeledger.api.common.Params;
import io.timeledger.core.account.Actor;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.report.Dimension;
import io.timeledger.core.report.ReportQuery;
import io.timeledger.core.report.ReportResult;
import io.timeledger.core.report.Reports;
import io.timeledger.core.report.SavedReports;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Ad-hoc reports, saved reports (an extension) and the deprecated way to run one. */
@RestController
@RequestMapping("/api/v1/reports")
class MinuteDockReportsController {

    /** The groupings MinuteDock documents; the web app's reports group by task and week too. */
    private static final Set<Dimension> DOCUMENTED = EnumSet.of(Dimension.CONTACT, Dimension.USER, Dimension.PROJECT,
        Dimension.DATE, Dimension.MONTH, Dimension.YEAR);

    private final Reports reports;
    private final SavedReports saved;

    MinuteDockReportsController(Reports reports, SavedReports saved) {
        this.reports = reports;
        this.saved = saved;
    }

    @PostMapping("/generate")
    @Accepts(MdReportQuery.class)
    Map<String, Object> generate(Actor actor, @RequestBody(required = false) JsonNode body) {
        var query = query(JsonFields.of(body == null ? emptyObject() : body, "report"));
        return render(reports.generate(actor, query), !query.groupBy().isEmpty());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(MdReportRequest.class)
    Map<String, Object> save(Actor actor, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "report");
        var name = fields.string("name");
        var query = query(fields);
        var report = saved.save(actor, name.orElse(null), query);
        return configuration(report.id(), report.name(), report.query());
    }

    /** Deprecated in MinuteDock: the saved configuration, and with {@code run=true} its data now. */
    @GetMapping("/{id}")
    Map<String, Object> get(Actor actor, @PathVariable long id, @RequestParam(required = false) String run) {
        var report = saved.get(actor, id);
        var body = configuration(report.id(), report.name(), report.query());
        if (Boolean.TRUE.equals(Params.bool("run", run))) {
            body.put("data", render(reports.generate(actor, report.query()), !report.query().groupBy().isEmpty()));
        }
        return body;
    }

    private static JsonNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static ReportQuery query(JsonFields fields) {
        var from = fields.date("from");
        var to = fields.date("to");
        var userAccounts = fields.listFilter("user_accounts", true);
        var users = fields.listFilter("users", true);
        var contacts = fields.listFilter("contacts", false);
        var projects = fields.listFilter("projects", false);
        var tasks = fields.listFilter("tasks", false);
        var billableOnly = fields.bool("billable_only");
        var unbillableOnly = fields.bool("unbillable_only");
        var invoicedOnly = fields.bool("invoiced_only");
        var uninvoicedOnly = fields.bool("uninvoiced_only");
        var groupBy = groupBy(fields);
        fields.validate();
        Boolean billable = either(billableOnly, unbillableOnly, "billable_only", "unbillable_only");
        Boolean invoiced = either(invoicedOnly, uninvoicedOnly, "invoiced_only", "uninvoiced_only");
        var accounts = userAccounts.orElse(null);
        var legacy = users.orElse(null);
        boolean everyone = accounts != null && accounts.isEmpty() || legacy != null && legacy.isEmpty();
        return ReportQuery.OWN.from(from.orElse(null)).to(to.orElse(null)).everyone(everyone)
            .memberships(accounts == null || accounts.isEmpty() ? null : accounts)
            .legacyUserIds(legacy == null || legacy.isEmpty() ? null : legacy)
            .contacts(emptyToNull(contacts)).projects(emptyToNull(projects)).tasks(emptyToNull(tasks))
            .billable(billable).invoiced(invoiced).groupBy(groupBy);
    }

    private static List<Long> emptyToNull(Field<List<Long>> filter) {
        var ids = filter.orElse(null);
        return ids == null || ids.isEmpty() ? null : ids;
    }

    private static Boolean either(Field<Boolean> yes, Field<Boolean> no, String yesName, String noName) {
        boolean a = Boolean.TRUE.equals(yes.orElse(null));
        boolean b = Boolean.TRUE.equals(no.orElse(null));
        if (a && b) {
            throw new Invalid(yesName, "and " + noName + " cannot both be true");
        }
        return a ? Boolean.TRUE : b ? Boolean.FALSE : null;
    }

    /** group_by as an array or a comma-separated string of contact, user, project, date, month, year. */
    private static List<Dimension> groupBy(JsonFields fields) {
        var raw = fields.stringList("group_by");
        var dimensions = new ArrayList<Dimension>();
        for (var name : raw) {
            var dimension = DOCUMENTED.stream().filter(d -> d.wire().equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
            if (dimension.isEmpty()) {
                fields.reject("group_by", "may hold contact, user, project, date, month, year");
            } else if (!dimensions.contains(dimension.get())) {
                dimensions.add(dimension.get());
            }
        }
        return List.copyOf(dimensions);
    }

    private static Map<String, Object> configuration(long id, String name, ReportQuery query) {
        var filters = new LinkedHashMap<String, Object>();
        filters.put("from", query.from() == null ? null : query.from().toString());
        filters.put("to", query.to() == null ? null : query.to().toString());
        filters.put("user_accounts", query.everyone() ? "all" : strings(query.memberships()));
        filters.put("contacts", strings(query.contacts()));
        filters.put("projects", strings(query.projects()));
        filters.put("tasks", strings(query.tasks()));
        filters.put("billable_only", Boolean.TRUE.equals(query.billable()));
        filters.put("unbillable_only", Boolean.FALSE.equals(query.billable()));
        filters.put("invoiced_only", Boolean.TRUE.equals(query.invoiced()));
        filters.put("uninvoiced_only", Boolean.FALSE.equals(query.invoiced()));
        var body = new LinkedHashMap<String, Object>();
        body.put("id", id);
        body.put("name", name);
        body.put("filters", filters);
        body.put("grouping", query.groupBy().stream().map(Dimension::wire).collect(Collectors.joining(",")));
        return body;
    }

    private static List<String> strings(List<Long> ids) {
        return ids == null ? null : ids.stream().map(Wire::id).toList();
    }

    private static Map<String, Object> render(ReportResult result, boolean grouped) {
        var body = new LinkedHashMap<String, Object>();
        body.put("description", result.description());
        totals(body, result.totals());
        if (grouped) {
            var groups = new ArrayList<Map<String, Object>>();
            for (var group : result.groups()) {
                var row = new LinkedHashMap<String, Object>();
                group.keys().forEach((dimension, key) -> {
                    if (dimension.period()) {
                        row.put(dimension.wire(), key);
                    } else {
                        var ref = new LinkedHashMap<String, Object>();
                        ref.put("id", key);
                        ref.put("name", group.names().get(dimension));
                        row.put(dimension.wire(), ref);
                    }
                });
                totals(row, group.totals());
                groups.add(row);
            }
            body.put("groups", groups);
        }
        return body;
    }

    private static void totals(Map<String, Object> body, ReportResult.Totals totals) {
        body.put("entries", totals.entries());
        body.put("hours", hours(totals.hours()));
        body.put("billable_hours", hours(totals.billableHours()));
        if (totals.billableAmount() != null) {
            var amounts = new LinkedHashMap<String, String>();
            totals.billableAmount().forEach((currency, amount) -> amounts.put(currency, Wire.dollars(amount)));
            body.put("billable_amount", amounts);
        }
    }

    /** "156.5", "120.25", "0.0". */
    private static String hours(BigDecimal hours) {
        var stripped = hours.stripTrailingZeros();
        return (stripped.scale() < 1 ? stripped.setScale(1) : stripped).toPlainString();
    }

    /**
     * What a report covers and how it is grouped: dates as yyyy-mm-dd; {@code user_accounts},
     * {@code users}, {@code contacts}, {@code projects}, {@code tasks} a list of ids ("all" for
     * everyone's time); {@code group_by} up to two of contact, user, project, date, month, year.
     */
    record MdReportQuery(String from, String to, List<String> userAccounts, List<String> users, List<String> contacts,
                         List<String> projects, List<String> tasks, Boolean billableOnly, Boolean unbillableOnly,
                         Boolean invoicedOnly, Boolean uninvoicedOnly, List<String> groupBy) { }

    /** A report saved by name, under {@code report}. */
    record MdReportRequest(MdReportFields report) { }

    record MdReportFields(String name, String from, String to, List<String> userAccounts, List<String> users,
                          List<String> contacts, List<String> projects, List<String> tasks, Boolean billableOnly,
                          Boolean unbillableOnly, Boolean invoicedOnly, Boolean uninvoicedOnly,
                          List<String> groupBy) { }
}
