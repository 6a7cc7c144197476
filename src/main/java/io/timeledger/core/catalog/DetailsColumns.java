package io.timeledger.core.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/** The columns contacts and projects share, their mapping, and their parameters. */
final class DetailsColumns {

    static final String SELECT = """
            name, short_code, active, pinned, budget_type, budget_frequency, budget_target, default_rate, billable,
            created_at, updated_at,
            -- no time is tracked yet: a tracked budget stands at zero
            CASE WHEN budget_type IS NULL THEN NULL ELSE 0 END AS budget_progress""";

    static final String INSERT_COLUMNS =
        "name, short_code, active, pinned, budget_type, budget_frequency, budget_target, default_rate, billable";

    static final String INSERT_VALUES =
        ":name, :shortCode, :active, :pinned, :budgetType, :budgetFrequency, :budgetTarget, :defaultRate, :billable";

    static final String UPDATE_SET = """
            name = :name, short_code = :shortCode, active = :active, pinned = :pinned,
            budget_type = :budgetType, budget_frequency = :budgetFrequency, budget_target = :budgetTarget,
            default_rate = :defaultRate, billable = :billable, updated_at = now()""";

    private DetailsColumns() { }

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
