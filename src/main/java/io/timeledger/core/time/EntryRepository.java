package io.timeledger.core.time;

import io.timeledger.core.account.Member;
import io.timeledger.core.common.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EntryRepository {

    private static final String SELECT = select(
        "ARRAY(SELECT et.task_id FROM entry_task et WHERE et.entry_id = e.id ORDER BY et.position)", "entry");

    /**
     * For dialects that show no tasks: the per-entry lookup of tasks is ~40 % of a 100-entry page's
     * search in PostgreSQL, one index probe per entry.
     */
    private static final String SELECT_WITHOUT_TASKS = select("CAST(NULL AS bigint[])", "entry");

    /** Writes an entry and its tasks and returns it as {@link #find} does (its tasks from the parameter). */
    private static final String INSERT = """
        WITH inserted AS (
            INSERT INTO entry (account_id, membership_id, contact_id, project_id, job_id, description, spent_on,
                               duration_s, timer_started_at, started_at, ended_at, logged, logged_at, billable,
                               billing_rate, cost_rate, external_id, external_group_id, external_account_id,
                               external_permalink, external_service, external_service_icon_url)
            VALUES (:account, :membership, :contact, :project, :job, :description, :spentOn, :duration,
                    :timerStartedAt, :startedAt, :endedAt, :logged, :loggedAt, :billable, :billingRate, :costRate,
                    :externalId, :externalGroupId, :externalAccountId, :externalPermalink, :externalService,
                    :externalServiceIconUrl)
            RETURNING *),
        tasks AS (%s)
        %s""".formatted(insertTasks("inserted"), select("CAST(:tasks AS bigint[])", "inserted"));

    /** Writes the tasks of an existing entry, {@code :entry}. */
    private static final String REPLACE_TASKS =
        "WITH target AS (SELECT CAST(:account AS bigint) AS account_id, CAST(:entry AS bigint) AS id) "
            + insertTasks("target");

    /**
     * An entry's columns from {@code source} as {@code e}, its task ids read by {@code taskIds}, with
     * its owner's name and its invoice's number and state: a page shows them, and a join here is
     * cheaper than a lookup after it (docs/performance.md, sixth pass).
     */
    private static String select(String taskIds, String source) {
        return """
            SELECT e.id, e.account_id, e.membership_id, m.user_id, e.contact_id, e.project_id, e.job_id,
                   %s AS task_ids,
                   e.description, e.spent_on, e.duration_s, e.timer_started_at, e.started_at, e.ended_at,
                   e.logged, e.logged_at, e.billable, e.billing_rate, e.cost_rate, e.invoice_id, e.closed,
                   e.locked_reason, e.external_id, e.external_group_id, e.external_account_id,
                   e.external_permalink, e.external_service, e.external_service_icon_url,
                   u.time_zone, u.first_name, u.last_name, u.email, e.created_at, e.updated_at,
                   i.number AS invoice_number, i.status = 'sent' AS invoice_sent, i.issued_on AS invoice_issued_on,
                   i.due_on AS invoice_due_on
              FROM %s e
              JOIN membership m ON m.id = e.membership_id
              JOIN app_user u ON u.id = m.user_id
              LEFT JOIN invoice i ON i.account_id = e.account_id AND i.id = e.invoice_id
            """.formatted(taskIds, source);
    }

    /** Writes an entry's tasks in their order from the array parameter {@code :tasks}; {@code entry} names the entry. */
    private static String insertTasks(String entry) {
        return """
            INSERT INTO entry_task (account_id, entry_id, task_id, position)
            SELECT %1$s.account_id, %1$s.id, task.id, task.position - 1
              FROM %1$s, unnest(CAST(:tasks AS bigint[])) WITH ORDINALITY AS task (id, position)
            """.formatted(entry);
    }

    private final JdbcClient jdbc;

    EntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(AccountId account, long id, boolean forUpdate) {
        return jdbc.sql(SELECT + " WHERE e.account_id = :account AND e.id = :id" + (forUpdate ? " FOR UPDATE OF e" : ""))
            .param("account", account.value())
            .param("id", id)
            .query(EntryRepository::map)
            .optional();
    }

    /** The person's dock entry (their one unlogged entry), locked when {@code forUpdate}. */
    Optional<Entry> findDocked(AccountId account, long membershipId, boolean forUpdate) {
        return jdbc.sql(SELECT + " WHERE e.account_id = :account AND e.membership_id = :membership AND NOT e.logged"
                + (forUpdate ? " FOR UPDATE OF e" : ""))
            .param("account", account.value())
            .param("membership", membershipId)
            .query(EntryRepository::map)
            .optional();
    }

    /** The person's running entry, logged or not, locked. */
    Optional<Entry> findRunning(AccountId account, long membershipId) {
        return jdbc.sql(SELECT + """
                 WHERE e.account_id = :account AND e.membership_id = :membership AND e.timer_started_at IS NOT NULL
                 FOR UPDATE OF e""")
            .param("account", account.value())
            .param("membership", membershipId)
            .query(EntryRepository::map)
            .optional();
    }

    /** Inserts the entry with its tasks and reads it back: one statement, one round trip. */
    Entry insert(AccountId account, EntryDraft draft) {
        return jdbc.sql(INSERT)
            .paramSource(params(draft).addValue("account", account.value()).addValue("tasks", tasks(draft.taskIds)))
            .query(EntryRepository::map)
            .single();
    }

    void update(AccountId account, long id, EntryDraft draft, boolean tasksChanged) {
        jdbc.sql("""
                UPDATE entry
                   SET membership_id = :membership, contact_id = :contact, project_id = :project, job_id = :job,
                       description = :description, spent_on = :spentOn, duration_s = :duration,
                       timer_started_at = :timerStartedAt, started_at = :startedAt, ended_at = :endedAt,
                       logged = :logged, logged_at = :loggedAt, billable = :billable, billing_rate = :billingRate,
                       cost_rate = :costRate, external_id = :externalId, external_group_id = :externalGroupId,
                       external_account_id = :externalAccountId, external_permalink = :externalPermalink,
                       external_service = :externalService, external_service_icon_url = :externalServiceIconUrl,
                       updated_at = now()
                 WHERE account_id = :account AND id = :id
                """)
            .paramSource(params(draft).addValue("account", account.value()).addValue("id", id))
            .update();
        if (tasksChanged) {
            jdbc.sql("DELETE FROM entry_task WHERE account_id = :account AND entry_id = :id")
                .param("account", account.value())
                .param("id", id)
                .update();
            writeTasks(account, id, draft.taskIds);
        }
    }

    boolean delete(AccountId account, long id) {
        return jdbc.sql("DELETE FROM entry WHERE account_id = :account AND id = :id")
            .param("account", account.value())
            .param("id", id)
            .update() == 1;
    }

    /**
     * Logged entries matching the query, newest day first. Only the filters given become SQL, so
     * each search gets a plan made for its own shape (and the index that serves it).
     *
     * <p>When one plan serves any values of the shape ({@link EntryFilter#anyValuesOnePlan}), the
     * limit and offset are written into the SQL as numbers: PostgreSQL costs a generic plan with a
     * {@code LIMIT $n} as if it read a tenth of the table, never prefers it, and plans every search
     * afresh (~0.26 ms, eight times the page's execution over a million entries). With numbers, the
     * prepared statement keeps its generic plan after five calls. Other shapes keep parameters, and
     * with them a plan made for each call's values: a generic plan would walk a large account's
     * day index to find the handful of entries updated since yesterday. See docs/performance.md.
     */
    List<Entry> search(AccountId account, long viewer, EntryQuery query, boolean withTasks) {
        var filter = EntryFilter.of(account, viewer, query);
        var order = query.newestIdFirst() ? " ORDER BY e.id DESC" : " ORDER BY e.spent_on DESC, e.id DESC";
        var params = filter.params();
        String page;
        if (filter.anyValuesOnePlan()) {
            page = " LIMIT " + query.limit() + " OFFSET " + query.offset();
        } else {
            page = " LIMIT :limit OFFSET :offset";
            params.addValue("limit", query.limit()).addValue("offset", query.offset());
        }
        return jdbc.sql((withTasks ? SELECT : SELECT_WITHOUT_TASKS) + " WHERE " + filter.where() + order + page)
            .paramSource(params)
            .query(EntryRepository::map)
            .list();
    }

    long count(AccountId account, long viewer, EntryQuery query) {
        var filter = EntryFilter.of(account, viewer, query);
        return jdbc.sql("SELECT count(*) FROM entry e WHERE " + filter.where())
            .paramSource(filter.params())
            .query(Long.class)
            .single();
    }

    private void writeTasks(AccountId account, long entryId, List<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return;
        }
        jdbc.sql(REPLACE_TASKS)
            .param("account", account.value())
            .param("entry", entryId)
            .param("tasks", tasks(taskIds))
            .update();
    }

    private static Long[] tasks(List<Long> taskIds) {
        return taskIds.toArray(Long[]::new);
    }

    private static MapSqlParameterSource params(EntryDraft d) {
        return new MapSqlParameterSource()
            .addValue("membership", d.membershipId)
            .addValue("contact", d.contactId)
            .addValue("project", d.projectId)
            .addValue("job", d.jobId)
            .addValue("description", d.description)
            .addValue("spentOn", d.spentOn)
            .addValue("duration", d.durationSeconds)
            .addValue("timerStartedAt", timestamp(d.timerStartedAt))
            .addValue("startedAt", timestamp(d.startedAt))
            .addValue("endedAt", timestamp(d.endedAt))
            .addValue("logged", d.logged)
            .addValue("loggedAt", timestamp(d.loggedAt))
            .addValue("billable", d.billable)
            .addValue("billingRate", d.billingRate)
            .addValue("costRate", d.costRate)
            .addValue("externalId", d.externalReference == null ? null : d.externalReference.id())
            .addValue("externalGroupId", d.externalReference == null ? null : d.externalReference.groupId())
            .addValue("externalAccountId", d.externalReference == null ? null : d.externalReference.accountId())
            .addValue("externalPermalink", d.externalReference == null ? null : d.externalReference.permalink())
            .addValue("externalService", d.externalReference == null ? null : d.externalReference.service())
            .addValue("externalServiceIconUrl",
                d.externalReference == null ? null : d.externalReference.serviceIconUrl());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static EntryInvoice invoice(ResultSet rs) throws SQLException {
        var id = rs.getObject("invoice_id", Long.class);
        return id == null ? null : new EntryInvoice(id, rs.getString("invoice_number"),
            rs.getBoolean("invoice_sent"), rs.getObject("invoice_issued_on", LocalDate.class),
            rs.getObject("invoice_due_on", LocalDate.class));
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        var taskIds = rs.getArray("task_ids");
        var externalId = rs.getString("external_id");
        return new Entry(
            rs.getLong("id"),
            new AccountId(rs.getLong("account_id")),
            rs.getLong("membership_id"),
            rs.getLong("user_id"),
            rs.getObject("contact_id", Long.class),
            rs.getObject("project_id", Long.class),
            rs.getObject("job_id", Long.class),
            taskIds == null ? null : List.of((Long[]) taskIds.getArray()),
            rs.getString("description"),
            rs.getObject("spent_on", LocalDate.class),
            rs.getLong("duration_s"),
            instant(rs, "timer_started_at"),
            instant(rs, "started_at"),
            instant(rs, "ended_at"),
            rs.getBoolean("logged"),
            instant(rs, "logged_at"),
            rs.getBoolean("billable"),
            rs.getBigDecimal("billing_rate"),
            rs.getBigDecimal("cost_rate"),
            invoice(rs),
            rs.getBoolean("closed"),
            rs.getString("locked_reason"),
            externalId == null ? null : new ExternalReference(externalId, rs.getString("external_group_id"),
                rs.getString("external_account_id"), rs.getString("external_permalink"),
                rs.getString("external_service"), rs.getString("external_service_icon_url")),
            ZoneId.of(rs.getString("time_zone")),
            Member.name(rs.getString("first_name"), rs.getString("last_name")),
            rs.getString("email"),
            instant(rs, "created_at"),
            instant(rs, "updated_at"));
    }
}
