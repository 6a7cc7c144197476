package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Worth;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/** The columns contacts and projects share, their mapping, and their parameters. */
final class DetailsColumns {

    /** The columns contacts and projects share, by name ({@link #map} reads them). */
    static final List<String> NAMES = List.of("name", "short_code", "active", "pinned", "budget_type",
        "budget_frequency", "budget_target", "default_rate", "billable", "created_at", "updated_at");

    /**
     * The shared columns of {@code table}, with its budget's progress: the hours, or the billable
     * value, of the logged entries whose {@code entryColumn} points at the row, in the current period.
     */
    static String select(String table, String entryColumn) {
        return qualified(table) + """
            ,
            CASE WHEN %1$s.budget_type IS NULL THEN NULL ELSE (
                SELECT round(CASE %1$s.budget_type
                                 WHEN 'hours' THEN coalesce(sum(e.duration_s), 0) / 3600.0
                                 -- each entry worth what an invoice bills for it (Worth)
                                 ELSE (%5$s) / 100.0
                             END, 2)
                  FROM entry e
                 WHERE e.account_id = %1$s.account_id AND e.%2$s = %1$s.id AND e.logged
                   AND e.spent_on BETWEEN %3$s
            ) + CASE %1$s.budget_type WHEN 'billable' THEN (
                -- a money budget also counts the expenses billed to it
                SELECT coalesce(sum(round(x.quantity * x.unit_amount, 2)), 0)
                  FROM expense x
                 WHERE x.account_id = %1$s.account_id AND x.%2$s = %1$s.id AND x.invoice_id IS NOT NULL
                   AND x.spent_on BETWEEN %4$s
            ) ELSE 0 END END AS budget_progress""".formatted(table, entryColumn, period(table), period(table),
            Worth.ENTRIES_CENTS_SQL);
    }

    /** The shared columns of {@code table} without its budget's progress (null): for lookups that only need the row. */
    static String plain(String table) {
        return qualified(table) + ", CAST(NULL AS numeric) AS budget_progress";
    }

    /** The shared columns of {@code table}, each qualified by it. */
    private static String qualified(String table) {
        return NAMES.stream().map(column -> table + "." + column).collect(Collectors.joining(", "));
    }

    /** The bounds of the current period of the row's budget frequency. */
    private static String period(String table) {
        return """
            CASE %1$s.budget_frequency WHEN 'weekly' THEN :weekFrom WHEN 'monthly' THEN :monthFrom
                 WHEN 'quarterly' THEN :quarterFrom WHEN 'yearly' THEN :yearFrom ELSE DATE '0001-01-01' END
            AND CASE %1$s.budget_frequency WHEN 'weekly' THEN :weekTo WHEN 'monthly' THEN :monthTo
                 WHEN 'quarterly' THEN :quarterTo WHEN 'yearly' THEN :yearTo ELSE DATE '9999-12-31' END"""
            .formatted(table);
    }

    static final String INSERT_COLUMNS =
        "name, short_code, active, pinned, budget_type, budget_frequency, budget_target, default_rate, billable";

    static final String INSERT_VALUES =
        ":name, :shortCode, :active, :pinned, :budgetType, :budgetFrequency, :budgetTarget, :defaultRate, :billable";

    static final String UPDATE_SET = """
            name = :name, short_code = :shortCode, active = :active, pinned = :pinned,
            budget_type = :budgetType, budget_frequency = :budgetFrequency, budget_target = :budgetTarget,
            default_rate = :defaultRate, billable = :billable, updated_at = now()""";

    private DetailsColumns() { }

    /** Binds the periods {@link #select} measures budgets over. */
    static StatementSpec bind(StatementSpec statement, BudgetPeriods periods) {
        return statement
            .param("weekFrom", periods.weekFrom()).param("weekTo", periods.weekTo())
            .param("monthFrom", periods.monthFrom()).param("monthTo", periods.monthTo())
            .param("quarterFrom", periods.quarterFrom()).param("quarterTo", periods.quarterTo())
            .param("yearFrom", periods.yearFrom()).param("yearTo", periods.yearTo());
    }

    static StatementSpec bind(StatementSpec statement, Details details) {
        var budget = details.budget();
        return statement
            .param("name", details.name())
            .param("shortCode", details.shortCode())
            .param("active", details.active())
            .param("pinned", details.pinned())
            .param("budgetType", budget.type() == null ? null : budget.type().wire())
            .param("budgetFrequency", budget.frequency() == null ? null : budget.frequency().wire())
            .param("budgetTarget", budget.target())
            .param("defaultRate", details.defaultRate())
            .param("billable", details.billable());
    }

    static Details map(ResultSet rs) throws SQLException {
        String type = rs.getString("budget_type");
        String frequency = rs.getString("budget_frequency");
        return new Details(
            rs.getString("name"),
            rs.getString("short_code"),
            rs.getBoolean("active"),
            rs.getBoolean("pinned"),
            new Budget(
                type == null ? null : BudgetType.valueOf(type.toUpperCase(Locale.ROOT)),
                frequency == null ? null : BudgetFrequency.valueOf(frequency.toUpperCase(Locale.ROOT)),
                rs.getBigDecimal("budget_target")),
            rs.getBigDecimal("default_rate"),
            rs.getBoolean("billable"));
    }
}
