package io.timeledger.web.manage;

import io.timeledger.core.catalog.Budget;
import io.timeledger.core.catalog.BudgetFrequency;
import io.timeledger.core.catalog.BudgetType;
import java.math.BigDecimal;

/**
 * A budget as a bar: how much of its target the current period spent, said in words ("12.50 of
 * 40.00 hours this month, 27.50 left") and drawn by a {@code <meter>} whose {@code high} is the
 * target, so that a budget run over shows in the warning colour.
 *
 * @param max the meter's end: the target, or what was spent when that is more
 */
public record BudgetBar(String words, BigDecimal value, BigDecimal target, BigDecimal max, boolean over) {

    /** The bar of {@code budget} with {@code spent} in its current period; null when no budget is tracked. */
    static BudgetBar of(Budget budget, BigDecimal spent, String currency) {
        if (!budget.tracked() || budget.target() == null) {
            return null;
        }
        var value = spent == null ? BigDecimal.ZERO : spent;
        var target = budget.target();
        var unit = budget.type() == BudgetType.HOURS ? " hours" : " " + currency;
        var left = target.subtract(value);
        var words = value.toPlainString() + " of " + target.toPlainString() + unit + " " + period(budget.frequency())
            + (left.signum() >= 0 ? ", " + left.toPlainString() + " left"
                : ", " + left.negate().toPlainString() + " over");
        return new BudgetBar(words, value, target, value.max(target), value.compareTo(target) > 0);
    }

    private static String period(BudgetFrequency frequency) {
        return switch (frequency == null ? BudgetFrequency.TOTAL : frequency) {
            case TOTAL -> "in total";
            case WEEKLY -> "this week";
            case MONTHLY -> "this month";
            case QUARTERLY -> "this quarter";
            case YEARLY -> "this year";
        };
    }
}
