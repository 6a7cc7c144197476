package io.timeledger.core.imports;

import io.timeledger.core.common.AccountId;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes imported entries in batches of one statement each, their tasks with them. */
@Repository
class ImportRepository {

    /** An entry to write: the row's own fields and what its names were matched to. */
    record NewEntry(ImportedRow row, long membershipId, Long contactId, Long projectId, Long taskId) { }

    static final int BATCH = 2_000;

    private final JdbcClient jdbc;

    ImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of {@code keys} an earlier import of {@code service} wrote already. */
    Set<String> imported(AccountId account, String service, Collection<String> keys) {
        var found = new HashSet<String>();
        var all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += 10_000) {
            found.addAll(jdbc.sql("SELECT external_id FROM entry WHERE account_id = :account"
                    + " AND external_service = :service AND external_id = ANY(:keys)")
                .param("account", account.value())
                .param("service", service)
                .param("keys", all.subList(from, Math.min(all.size(), from + 10_000)).toArray(String[]::new))
                .query(String.class)
                .list());
        }
        return found;
    }

    /**
     * Writes {@code entries} (at most {@link #BATCH}) and their tasks in one statement: logged time,
     * its rate fixed as the source priced it, approved or billed there as it was, keyed by the
     * source's row so that a second import finds it. They reach the change feed at commit as one
     * batch (V31) instead of one update of the account's sequence per entry.
     */
    void insert(AccountId account, String service, List<NewEntry> entries) {
        // this transaction's entries go to the change feed as batches (V31), not one by one
        jdbc.sql("SELECT set_config('timeledger.batch_logged', 'on', true)").query(String.class).single();
        int n = entries.size();
        var membership = new Long[n];
        var contact = new Long[n];
        var project = new Long[n];
        var task = new Long[n];
        var day = new String[n];
        var seconds = new Integer[n];
        var started = new String[n];
        var ended = new String[n];
        var billable = new Boolean[n];
        var rate = new String[n];
        var cost = new String[n];
        var description = new String[n];
        var closed = new Boolean[n];
        var locked = new String[n];
        var key = new String[n];
        for (int i = 0; i < n; i++) {
            var entry = entries.get(i);
            var row = entry.row();
            membership[i] = entry.membershipId();
            contact[i] = entry.contactId();
            project[i] = entry.projectId();
            task[i] = entry.taskId();
            day[i] = row.day().toString();
            seconds[i] = Math.toIntExact(row.seconds());
            started[i] = row.startedAt() == null ? null : row.startedAt().toString();
            ended[i] = row.endedAt() == null || row.startedAt() == null || row.endedAt().isBefore(row.startedAt())
                ? null : row.endedAt().toString();
            billable[i] = row.billable();
            rate[i] = text(row.rate());
            cost[i] = text(row.costRate());
            description[i] = row.notes();
            closed[i] = row.approved();
            locked[i] = row.invoiced() ? "Invoiced in " + service + " before the import" : null;
            key[i] = row.key();
        }
        jdbc.sql("""
                WITH rows AS (
                    SELECT * FROM unnest(CAST(:membership AS bigint[]), CAST(:contact AS bigint[]),
                                         CAST(:project AS bigint[]), CAST(:task AS bigint[]), CAST(:day AS date[]),
                                         CAST(:seconds AS integer[]), CAST(:started AS timestamptz[]),
                                         CAST(:ended AS timestamptz[]), CAST(:billable AS boolean[]),
                                         CAST(:rate AS numeric[]), CAST(:cost AS numeric[]),
                                         CAST(:description AS text[]), CAST(:closed AS boolean[]),
                                         CAST(:locked AS text[]), CAST(:key AS text[]))
                           AS r(membership_id, contact_id, project_id, task_id, spent_on, duration_s, started_at,
                                ended_at, billable, billing_rate, cost_rate, description, closed, locked_reason,
                                external_id)),
                inserted AS (
                    INSERT INTO entry (account_id, membership_id, contact_id, project_id, description, spent_on,
                                       duration_s, logged, logged_at, billable, billing_rate, cost_rate, started_at,
                                       ended_at, closed, locked_reason, external_id, external_service)
                    SELECT :account, membership_id, contact_id, project_id, description, spent_on, duration_s, true,
                           now(), billable, billing_rate, cost_rate, started_at, ended_at, closed, locked_reason,
                           external_id, :service
                      FROM rows
                    RETURNING id, membership_id, external_id),
                logged AS (
                    INSERT INTO change_batch (account_id, membership_ids, entry_ids)
                    SELECT :account, array_agg(membership_id ORDER BY id), array_agg(id ORDER BY id)
                      FROM inserted HAVING count(*) > 0)
                INSERT INTO entry_task (account_id, entry_id, task_id, position)
                SELECT :account, inserted.id, rows.task_id, 0
                  FROM inserted JOIN rows USING (external_id)
                 WHERE rows.task_id IS NOT NULL""")
            .param("account", account.value()).param("service", service)
            .param("membership", membership).param("contact", contact).param("project", project)
            .param("task", task).param("day", day).param("seconds", seconds).param("started", started)
            .param("ended", ended).param("billable", billable).param("rate", rate).param("cost", cost)
            .param("description", description).param("closed", closed).param("locked", locked).param("key", key)
            .update();
    }

    /** The people of the account by lower-case email and by "first last" name. */
    record Person(long membershipId, String email, String name) { }

    List<Person> people(AccountId account) {
        return jdbc.sql("SELECT m.id, lower(u.email), lower(trim(coalesce(u.first_name, '') || ' '"
                + " || coalesce(u.last_name, ''))) FROM membership m JOIN app_user u ON u.id = m.user_id"
                + " WHERE m.account_id = :account")
            .param("account", account.value())
            .query((rs, row) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3)))
            .list();
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

}
