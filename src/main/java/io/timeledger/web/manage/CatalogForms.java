package io.timeledger.web.manage;

import io.timeledger.core.catalog.BudgetFrequency;
import io.timeledger.core.catalog.BudgetType;
import io.timeledger.core.catalog.Contact;
import io.timeledger.core.catalog.DetailChanges;
import io.timeledger.core.catalog.Details;
import io.timeledger.core.catalog.Project;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import io.timeledger.web.Forms;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * The client and project forms as typed: shown again as they were when the core refuses them, and
 * turned into the same {@link DetailChanges} the APIs make. The page posts every field, so each is
 * given; one left out of a post made by hand is read as left blank.
 */
final class CatalogForms {

    /** The core's field names as the forms label them. */
    static final Map<String, String> LABELS = Map.of("short_code", "Code", "default_rate_dollars", "Rate",
        "budget_target", "Budget", "budget_type", "Budget", "budget_frequency", "Budget period", "contact_id", "Client",
        "address", "Address");

    private CatalogForms() {
    }

    /** A client's form. */
    record ClientForm(String name, String code, String rate, boolean billable, String address) {

        static final ClientForm NEW = new ClientForm("", "", "", true, "");

        ClientForm {
            name = text(name);
            code = text(code);
            rate = text(rate);
            address = text(address);
        }

        static ClientForm of(Contact contact) {
            var details = contact.details();
            return new ClientForm(details.name(), text(details.shortCode()), amount(details.defaultRate()),
                details.billable(), text(contact.address()));
        }

        DetailChanges changes() {
            return DetailChanges.NONE.name(Field.of(name.strip()))
                .shortCode(Field.of(code))
                .defaultRate(Field.of(Forms.amount("default_rate_dollars", rate)))
                .billable(Field.of(billable));
        }
    }

    /**
     * A project's form.
     *
     * @param budgetType      "" (none), "hours" or "billable"
     * @param budgetFrequency "total", "weekly", "monthly", "quarterly" or "yearly"
     */
    record ProjectForm(Long clientId, String name, String code, String rate, boolean billable, String budgetType,
                       String budgetFrequency, String budgetTarget) {

        ProjectForm {
            name = text(name);
            code = text(code);
            rate = text(rate);
            budgetType = text(budgetType);
            budgetFrequency = text(budgetFrequency);
            budgetTarget = text(budgetTarget);
        }

        static ProjectForm newFor(Long clientId) {
            return new ProjectForm(clientId, "", "", "", true, "", "monthly", "");
        }

        static ProjectForm of(Project project) {
            Details details = project.details();
            var budget = details.budget();
            return new ProjectForm(project.contactId(), details.name(), text(details.shortCode()),
                amount(details.defaultRate()), details.billable(), budget.tracked() ? budget.type().wire() : "",
                budget.frequency() == null ? "monthly" : budget.frequency().wire(), amount(budget.target()));
        }

        DetailChanges changes() {
            BudgetType type = budgetType.isBlank() ? null : budgetType(budgetType);
            var changes = DetailChanges.NONE.name(Field.of(name.strip()))
                .shortCode(Field.of(code))
                .defaultRate(Field.of(Forms.amount("default_rate_dollars", rate)))
                .billable(Field.of(billable))
                .budgetType(Field.of(type));
            if (type == null) {
                return changes.budgetFrequency(Field.of(null)).budgetTarget(Field.of(null));
            }
            var target = Forms.amount("budget_target", budgetTarget);
            if (target == null) {
                throw new Invalid("budget_target", "can't be blank when the project has a budget");
            }
            return changes.budgetFrequency(Field.of(frequency(budgetFrequency))).budgetTarget(Field.of(target));
        }

        private static BudgetType budgetType(String value) {
            for (var type : BudgetType.values()) {
                if (type.wire().equals(value)) {
                    return type;
                }
            }
            throw new Invalid("budget_type", "must be none, hours or billable amount");
        }

        private static BudgetFrequency frequency(String value) {
            for (var frequency : BudgetFrequency.values()) {
                if (frequency.wire().equals(value.toLowerCase(Locale.ROOT))) {
                    return frequency;
                }
            }
            throw new Invalid("budget_frequency", "must be total, weekly, monthly, quarterly or yearly");
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String amount(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
