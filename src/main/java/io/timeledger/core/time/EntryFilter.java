package io.timeledger.core.time;

import io.timeledger.core.common.AccountId;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The SQL condition that selects an {@link EntryQuery}'s logged entries (table alias {@code e}, no
 * other table needed) and its parameters. Only the filters given become SQL, so each search gets a
 * plan made for its own shape. Searches, counts and reports share it.
 *
 * @param anyValuesOnePlan true when the best plan for this shape does not depend on its values: it
 *     filters by nothing but the account, the person and Expensicat's cursor on the id (the column
 *     its page is ordered by), each served by an index that begins with the account, so one plan
 *     (PostgreSQL's cached generic plan) serves a small account as well as a large one. A range of days or
 *     updates, a text, or a list of projects may match a handful of entries or most of them, and
 *     each value deserves its own plan.
 */
public record EntryFilter(String where, MapSqlParameterSource params, boolean anyValuesOnePlan) {

    /** The conditions whose best plan is the same for any values; any other makes a plan per call. */
    private static final Set<String> ONE_PLAN = Set.of("e.account_id = :account", "e.logged",
        "e.membership_id = :viewer", "e.id < :beforeId");

    public static EntryFilter of(AccountId account, long viewer, EntryQuery query) {
        var where = new ArrayList<String>();
        var params = new MapSqlParameterSource("account", account.value());
        where.add("e.account_id = :account");
        where.add("e.logged");
        if (!query.everyone() && query.memberships() == null && query.legacyUserIds() == null) {
            where.add("e.membership_id = :viewer");
            params.addValue("viewer", viewer);
        }
        if (query.memberships() != null) {
            where.add("e.membership_id = ANY(:memberships)");
            params.addValue("memberships", query.memberships().toArray(Long[]::new));
        }
        if (query.legacyUserIds() != null) {
            where.add("e.membership_id = ANY(ARRAY(SELECT id FROM membership"
                + " WHERE account_id = :account AND user_id = ANY(:users)))");
            params.addValue("users", query.legacyUserIds().toArray(Long[]::new));
        }
        if (query.contacts() != null) {
            where.add("e.contact_id = ANY(:contacts)");
            params.addValue("contacts", query.contacts().toArray(Long[]::new));
        }
        if (query.projects() != null) {
            where.add("e.project_id = ANY(:projects)");
            params.addValue("projects", query.projects().toArray(Long[]::new));
        }
        if (query.tasks() != null) {
            where.add("EXISTS (SELECT 1 FROM entry_task t WHERE t.entry_id = e.id AND t.task_id = ANY(:tasks))");
            params.addValue("tasks", query.tasks().toArray(Long[]::new));
        }
        if (query.from() != null) {
            where.add("e.spent_on >= :from");
            params.addValue("from", query.from());
        }
        if (query.to() != null) {
            where.add("e.spent_on <= :to");
            params.addValue("to", query.to());
        }
        if (query.since() != null) {
            where.add("e.updated_at > :since");
            params.addValue("since", Timestamp.from(query.since()));
        }
        if (query.externalReferenceId() != null) {
            where.add("e.external_id = :externalId");
            params.addValue("externalId", query.externalReferenceId());
        }
        if (query.billed() != null) {
            where.add(query.billed() ? "e.invoice_id IS NOT NULL" : "e.invoice_id IS NULL");
        }
        if (query.text() != null) {
            where.add("e.description ILIKE :text ESCAPE '\\'");
            params.addValue("text", "%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.beforeId() != null) {
            where.add("e.id < :beforeId");
            params.addValue("beforeId", query.beforeId());
        }
        if (query.running() != null) {
            where.add(query.running() ? "e.timer_started_at IS NOT NULL" : "e.timer_started_at IS NULL");
        }
        return new EntryFilter(String.join(" AND ", where), params, ONE_PLAN.containsAll(where));
    }
}
