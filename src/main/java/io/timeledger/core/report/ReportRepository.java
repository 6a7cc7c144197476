package io.timeledger.core.report;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Worth;
import io.timeledger.core.time.EntryFilter;
import io.timeledger.core.time.EntryQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Aggregates entries in SQL: one pass, grouped by the chosen dimensions. */
@Repository
class ReportRepository {

    /** A row of the aggregate: the group's keys (null when ungrouped) and its sums. */
    record Row(Map<Dimension, String> keys, Map<Dimension, String> names, long entries, long seconds,
               long billableSeconds, BigDecimal amount, BigDecimal cost) { }

    /**
     * A grouping key: what each branch groups entries by ({@code inner}, named {@code innerName}),
     * and what the regrouping of the branches' rows makes of it ({@code outer}, named {@code name}).
     */
    private record Key(String inner, String innerName, String outer, String name) {
        static Key of(String column, String name) {
            return new Key(column, name, "g." + name, name);
        }
    }

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The rows of {@code query}, weeks starting on {@code weekStart}; {@code costs}: with what each
     * group's hours cost at their entries' cost rates (null otherwise, and not computed).
     */
    List<Row> aggregate(AccountId account, long viewer, ReportQuery query, DayOfWeek weekStart, boolean costs,
                        Instant now) {
        var filter = filter(account, viewer, query);
        var where = filter.where();
        var params = filter.params().addValue("now", Timestamp.from(now));
        // Aggregate on ids and stored months first, then name the (few) groups: no join, date
        // arithmetic or text formatting runs per entry.
        var keys = new ArrayList<Key>();
        var names = new ArrayList<String>();
        var joins = new StringBuilder();
        for (var dimension : query.groupBy()) {
            switch (dimension) {
                case CONTACT -> {
                    keys.add(Key.of("e.contact_id", "contact_key"));
                    names.add("c.name AS contact_name");
                    joins.append(" LEFT JOIN contact c ON c.account_id = :account AND c.id = t.contact_key");
                }
                case PROJECT -> {
                    keys.add(Key.of("e.project_id", "project_key"));
                    names.add("p.name AS project_name");
                    joins.append(" LEFT JOIN project p ON p.account_id = :account AND p.id = t.project_key");
                }
                case TASK -> {
                    // an entry's task is its first, as an invoice's line takes it
                    keys.add(Key.of("(SELECT et.task_id FROM entry_task et WHERE et.entry_id = e.id"
                        + " ORDER BY et.position LIMIT 1)", "task_key"));
                    names.add("k.name AS task_name");
                    joins.append(" LEFT JOIN task k ON k.account_id = :account AND k.id = t.task_key");
                }
                case USER -> {
                    keys.add(Key.of("e.membership_id", "user_key"));
                    names.add("trim(u.first_name || ' ' || u.last_name) AS user_name");
                    joins.append(" LEFT JOIN membership um ON um.account_id = :account AND um.id = t.user_key"
                        + " LEFT JOIN app_user u ON u.id = um.user_id");
                }
                case DATE -> keys.add(Key.of("e.spent_on", "date_key"));
                // the day the week began, per group of days, not per entry (the start day written
                // into the SQL, not bound: the select and the GROUP BY must be the same expression)
                case WEEK -> keys.add(new Key("e.spent_on", "week_day", "g.week_day - CAST((extract(isodow FROM"
                    + " g.week_day) - " + weekStart.getValue() + " + 7) AS int) % 7", "week_key"));
                // the month PostgreSQL stored beside the day (V16)
                case MONTH -> keys.add(Key.of("e.spent_month", "month_key"));
                // a year per group of months, not per entry
                case YEAR -> keys.add(new Key("e.spent_month", "year_month",
                    "CAST(date_trunc('year', CAST(g.year_month AS timestamp)) AS date)", "year_key"));
            }
        }
        var keyNames = keys.stream().map(Key::name).toList();
        var selectKeys = keys.stream().map(k -> k.inner() + " AS " + k.innerName() + ", ").collect(Collectors.joining());
        var groupBy = keys.isEmpty() ? ""
            : " GROUP BY " + keys.stream().map(Key::innerName).collect(Collectors.joining(", "));
        // Every entry's logged seconds, and what the billable ones are worth in cents, each entry
        // rounded as an invoice rounds it (Worth); PostgreSQL sums bigints exactly, into a numeric.
        var logged = "SELECT " + selectKeys + "count(*) AS entries, sum(e.duration_s) AS seconds,"
            + " sum(e.duration_s) FILTER (WHERE e.billable) AS billable_seconds, "
            + Worth.ENTRIES_CENTS_SQL + " AS cents"
            + (costs ? ", " + Worth.costCentsSql("CAST(e.duration_s AS bigint)") + " AS cost_cents" : "")
            + " FROM entry e WHERE " + where + groupBy;
        // The running timers' time so far: a handful of entries (one index). Their worth is that of
        // all their seconds, in place of what the logged branch counted for those before the timer.
        var elapsed = "greatest(0, floor(extract(epoch FROM (CAST(:now AS timestamptz) - e.timer_started_at))))";
        var total = "CAST(e.duration_s + " + elapsed + " AS bigint)";
        var running = "SELECT " + selectKeys + "0, sum(" + elapsed + "), sum(" + elapsed + ") FILTER (WHERE e.billable), "
            + Worth.entriesCentsSql(total) + " - " + Worth.ENTRIES_CENTS_SQL
            + (costs ? ", " + Worth.costCentsSql(total) + " - " + Worth.costCentsSql("CAST(e.duration_s AS bigint)")
                : "")
            + " FROM entry e WHERE " + where + " AND e.timer_started_at IS NOT NULL" + groupBy;
        var aggregate = "SELECT " + keys.stream().map(k -> k.outer() + " AS " + k.name() + ", ").collect(Collectors.joining())
            + "CAST(sum(g.entries) AS bigint) AS entries, CAST(coalesce(sum(g.seconds), 0) AS bigint) AS seconds,"
            + " CAST(coalesce(sum(g.billable_seconds), 0) AS bigint) AS billable_seconds,"
            + " coalesce(sum(g.cents), 0) AS cents" + (costs ? ", coalesce(sum(g.cost_cents), 0) AS cost_cents" : "")
            + " FROM (" + logged + " UNION ALL " + running + ") g"
            + (keys.isEmpty() ? "" : " GROUP BY " + keys.stream().map(Key::outer).collect(Collectors.joining(", ")));
        var sql = keys.isEmpty() ? aggregate
            : "SELECT t.*" + (names.isEmpty() ? "" : ", " + String.join(", ", names)) + " FROM (" + aggregate + ") t"
                + joins + " ORDER BY " + String.join(", ", keyNames.stream().map(k -> "t." + k).toList());
        return jdbc.sql(sql).paramSource(params).query((rs, row) -> map(rs, query.groupBy(), costs)).list();
    }

    /** The entries {@code query} reports on (table alias {@code e}), as every report and its export select them. */
    static EntryFilter filter(AccountId account, long viewer, ReportQuery query) {
        var entries = EntryQuery.upTo(0).everyone(query.everyone()).memberships(query.memberships())
            .legacyUserIds(query.legacyUserIds()).contacts(query.contacts()).projects(query.projects())
            .tasks(query.tasks()).from(query.from()).to(query.to()).billed(query.invoiced());
        var filter = EntryFilter.of(account, viewer, entries);
        return query.billable() == null ? filter : new EntryFilter(filter.where()
            + (query.billable() ? " AND e.billable" : " AND NOT e.billable"), filter.params(), false);
    }

    private static Row map(ResultSet rs, List<Dimension> dimensions, boolean costs) throws SQLException {
        var keys = new EnumMap<Dimension, String>(Dimension.class);
        var names = new EnumMap<Dimension, String>(Dimension.class);
        for (var dimension : dimensions) {
            var column = dimension.wire() + "_key";
            keys.put(dimension, switch (dimension) {
                case DATE, WEEK -> rs.getObject(column, LocalDate.class).toString();
                case MONTH -> rs.getObject(column, LocalDate.class).toString().substring(0, 7);
                case YEAR -> rs.getObject(column, LocalDate.class).toString().substring(0, 4);
                default -> rs.getString(column);
            });
            if (!dimension.period()) {
                names.put(dimension, rs.getString(dimension.wire() + "_name"));
            }
        }
        return new Row(keys, names, rs.getLong("entries"), rs.getLong("seconds"), rs.getLong("billable_seconds"),
            cents(rs, "cents"), costs ? cents(rs, "cost_cents") : null);
    }

    private static BigDecimal cents(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
    }
}
