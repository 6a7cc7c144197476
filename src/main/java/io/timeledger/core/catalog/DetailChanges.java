package io.timeledger.core.catalog;

import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** A create or partial update of a contact's or project's {@link Details}; absent fields keep their value. */
public record DetailChanges(Field<String> name, Field<String> shortCode, Field<Boolean> active, Field<Boolean> pinned,
                            Field<BudgetType> budgetType, Field<BudgetFrequency> budgetFrequency,
                            Field<BigDecimal> budgetTarget, Field<BigDecimal> defaultRate, Field<Boolean> billable) {

    /** Nothing changed: the start of every change, each field set by name ({@code NONE.name(..).active(..)}). */
    public static final DetailChanges NONE = new DetailChanges(Field.absent(), Field.absent(), Field.absent(),
        Field.absent(), Field.absent(), Field.absent(), Field.absent(), Field.absent(), Field.absent());

    public DetailChanges name(Field<String> value) {
        return new DetailChanges(value, shortCode, active, pinned, budgetType, budgetFrequency, budgetTarget,
            defaultRate, billable);
    }

    public DetailChanges shortCode(Field<String> value) {
        return new DetailChanges(name, value, active, pinned, budgetType, budgetFrequency, budgetTarget, defaultRate,
            billable);
    }

    public DetailChanges active(Field<Boolean> value) {
        return new DetailChanges(name, shortCode, value, pinned, budgetType, budgetFrequency, budgetTarget,
            defaultRate, billable);
    }

    public DetailChanges pinned(Field<Boolean> value) {
        return new DetailChanges(name, shortCode, active, value, budgetType, budgetFrequency, budgetTarget,
            defaultRate, billable);
    }

    public DetailChanges budgetType(Field<BudgetType> value) {
        return new DetailChanges(name, shortCode, active, pinned, value, budgetFrequency, budgetTarget, defaultRate,
            billable);
    }

    public DetailChanges budgetFrequency(Field<BudgetFrequency> value) {
        return new DetailChanges(name, shortCode, active, pinned, budgetType, value, budgetTarget, defaultRate,
            billable);
    }

    public DetailChanges budgetTarget(Field<BigDecimal> value) {
        return new DetailChanges(name, shortCode, active, pinned, budgetType, budgetFrequency, value, defaultRate,
            billable);
    }

    public DetailChanges defaultRate(Field<BigDecimal> value) {
        return new DetailChanges(name, shortCode, active, pinned, budgetType, budgetFrequency, budgetTarget, value,
            billable);
    }

    public DetailChanges billable(Field<Boolean> value) {
        return new DetailChanges(name, shortCode, active, pinned, budgetType, budgetFrequency, budgetTarget,
            defaultRate, value);
    }


    static final int NAME_MAX = 255;
    static final int SHORT_CODE_MAX = 50;
    /** numeric(12,2) */
    static final BigDecimal RATE_MAX = new BigDecimal("9999999999.99");
    /** numeric(14,2) */
    static final BigDecimal TARGET_MAX = new BigDecimal("999999999999.99");
    private static final Pattern SHORT_CODE = Pattern.compile("[\\p{L}\\p{N}_.\\-]+");

    /** The details after this change, or every problem with it. */
    Details applyTo(Details current) {
        var problems = new Invalid.Collector();
        String newName = Names.required(problems, "name", name.orElse(current.name()), NAME_MAX);
        String newShortCode = shortCode(problems, shortCode.orElse(current.shortCode()));
        var budget = new Budget(
            budgetType.orElse(current.budget().type()),
            budgetFrequency.orElse(current.budget().frequency()),
            Money.amount(problems, "budget_target", budgetTarget.orElse(current.budget().target()), TARGET_MAX));
        if (budget.tracked() && budget.frequency() == null) {
            budget = new Budget(budget.type(), BudgetFrequency.TOTAL, budget.target());
        }
        var details = new Details(
            newName,
            newShortCode,
            Flags.required(problems, "active", active.orElse(current.active())),
            Flags.required(problems, "pinned", pinned.orElse(current.pinned())),
            budget,
            Money.amount(problems, "default_rate_dollars", defaultRate.orElse(current.defaultRate()), RATE_MAX),
            Flags.required(problems, "billable", billable.orElse(current.billable())));
        problems.throwIfAny();
        return details;
    }

    private static String shortCode(Invalid.Collector problems, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var code = value.strip();
        if (code.length() > SHORT_CODE_MAX) {
            problems.add("short_code", "is too long (maximum is " + SHORT_CODE_MAX + " characters)");
        } else if (!SHORT_CODE.matcher(code).matches()) {
            problems.add("short_code", "may hold only letters, digits, '_', '.' and '-'");
        }
        return code;
    }
}
