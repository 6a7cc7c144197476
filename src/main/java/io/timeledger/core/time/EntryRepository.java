package io.timeledger.core.time;

import io.timeledger.core.account.Member;
import io.timeledger.core.account.Owners;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.DatabaseRefusals;
import io.timeledger.core.common.Locked;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EntryRepository {

    private static final String TASK_IDS =
        "ARRAY(SELECT et.task_id FROM entry_task et WHERE et.entry_id = e.id ORDER BY et.position)";

    private static final String SELECT = joined();

    /** Pages of entries: the entry's own columns only, its owner and invoice found after ({@link #completed}). */
    private static final String LISTED = listed(TASK_IDS);

    /**
     * For dialects that show no tasks: the per-entry lookup of tasks is ~40 % of a 100-entry page's
     * search in PostgreSQL, one index probe per entry.
     */
    private static final String LISTED_WITHOUT_TASKS = listed("CAST(NULL AS bigint[])");

    /**
     * Writes an entry and its tasks and returns the entry's own columns (its tasks from the parameter):
     * the caller knows its owner, and a new entry is on no invoice. Joining the owner back in took 14 %
     * off the statement's rate in PostgreSQL at 8 clients (pgbench; docs/performance.md, twelfth pass).
     */
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
        SELECT %s FROM inserted e""".formatted(insertTasks("inserted"), entryColumns("CAST(:tasks AS bigint[])"));

    private static final String UPDATE = """
        UPDATE entry AS e
           SET membership_id = :membership, contact_id = :contact, project_id = :project, job_id = :job,
               description = :description, spent_on = :spentOn, duration_s = :duration,
               timer_started_at = :timerStartedAt, started_at = :startedAt, ended_at = :endedAt,
               logged = :logged, logged_at = :loggedAt, billable = :billable, billing_rate = :billingRate,
               cost_rate = :costRate, external_id = :externalId, external_group_id = :externalGroupId,
               external_account_id = :externalAccountId, external_permalink = :externalPermalink,
               external_service = :externalService, external_service_icon_url = :externalServiceIconUrl,
               updated_at = now()
         WHERE e.account_id = :account AND e.id = :id
        RETURNING """ + " " + entryColumns(TASK_IDS);

    /** Writes the tasks of an existing entry, {@code :entry}. */
    private static final String REPLACE_TASKS =
        "WITH target AS (SELECT CAST(:account AS bigint) AS account_id, CAST(:entry AS bigint) AS id) "
            + insertTasks("target");

    /** An entry's own columns, as {@code e}, its task ids read by {@code taskIds}. */
    private static String entryColumns(String taskIds) {
        return """
            e.id, e.account_id, e.membership_id, e.contact_id, e.project_id, e.job_id, %s AS task_ids,
            e.description, e.spent_on, e.duration_s, e.timer_started_at, e.started_at, e.ended_at,
            e.logged, e.logged_at, e.billable, e.billing_rate, e.cost_rate, e.invoice_id, e.closed,
            e.locked_reason, e.external_id, e.external_group_id, e.external_account_id,
            e.external_permalink, e.external_service, e.external_service_icon_url, e.created_at, e.updated_at
            """.formatted(taskIds);
    }

    /** What an entry's owner and invoice add to its own columns, read through {@link #OWNER_AND_INVOICE_JOINS}. */
    private static final String OWNER_AND_INVOICE_COLUMNS = """
        m.user_id, u.time_zone, u.first_name, u.last_name, u.email, u.avatar_key,
        i.number AS invoice_number, i.status = 'sent' AS invoice_sent, i.issued_on AS invoice_issued_on,
        i.due_on AS invoice_due_on""";

    private static final String OWNER_AND_INVOICE_JOINS = """
        JOIN membership m ON m.id = e.membership_id
        JOIN app_user u ON u.id = m.user_id
        LEFT JOIN invoice i ON i.account_id = e.account_id AND i.id = e.invoice_id""";

    /**
     * An entry as {@link #find} and the dock's reads return it, with its owner and its invoice's number
     * and state, joined: for a single row a join costs less than a lookup after it.
     */
    private static String joined() {
        return "SELECT " + entryColumns(TASK_IDS) + ", " + OWNER_AND_INVOICE_COLUMNS + " FROM entry e "
            + OWNER_AND_INVOICE_JOINS + "\n";
    }

    /**
     * A docked entry's change and the dock's new version in one statement: the dock's bump runs as
     * a data-modifying {@code WITH}, its new version read back with the entry.
     */
    private static final String UPDATE_DOCKED = """
        WITH bumped AS (
            UPDATE dock SET version_number = version_number + 1, version_id = gen_random_uuid(),
                            version_client_id = :client, updated_at = now()
             WHERE account_id = :account AND membership_id = :dockOf
            RETURNING version_number, version_id, version_client_id)
        """ + UPDATE + """
        , (SELECT version_number FROM bumped) AS dock_version_number,
          (SELECT version_id FROM bumped) AS dock_version_id,
          (SELECT version_client_id FROM bumped) AS dock_version_client_id""";

    /** {@link #readDock}'s statement: the dock's version beside each of the person's docked and running entries. */
    private static final String READ_DOCK = """
        SELECT v.version_number AS dock_version_number, v.version_id AS dock_version_id,
               v.version_client_id AS dock_version_client_id, timers.*
          FROM (SELECT 1) AS one
          LEFT JOIN dock v ON v.account_id = :account AND v.membership_id = :membership
          LEFT JOIN LATERAL (
        """ + SELECT + """
             WHERE e.account_id = :account AND e.membership_id = :membership
               AND (NOT e.logged OR e.timer_started_at IS NOT NULL)) AS timers ON true""";

    /**
     * A page of entries without joins: for a hundred rows the three joins were more than half of
     * PostgreSQL's work (pgbench: 3,380-3,520 pages a second with them, 5,480-5,730 without;
     * docs/performance.md, eighth pass). Their owners come from {@link Owners} and their invoices
     * from {@link EntryInvoices}, which remember them.
     */
    private static String listed(String taskIds) {
        return "SELECT " + entryColumns(taskIds) + " FROM entry e";
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
    private final Owners owners;
    private final EntryInvoices invoices;

    EntryRepository(JdbcClient jdbc, Owners owners, EntryInvoices invoices) {
        this.jdbc = jdbc;
        this.owners = owners;
        this.invoices = invoices;
    }

    Optional<Entry> find(AccountId account, long id, boolean forUpdate) {
        return jdbc.sql(SELECT + " WHERE e.account_id = :account AND e.id = :id" + (forUpdate ? " FOR UPDATE OF e" : ""))
            .param("account", account.value())
            .param("id", id)
            .query(new Rows(true))
            .optional();
    }

    /** The person's dock entry (their one unlogged entry), locked; unlocked, {@link #readDock} reads it. */
    Optional<Entry> lockDocked(AccountId account, long membershipId) {
        return jdbc.sql(SELECT + " WHERE e.account_id = :account AND e.membership_id = :membership AND NOT e.logged"
                + " FOR UPDATE OF e")
            .param("account", account.value())
            .param("membership", membershipId)
            .query(new Rows(true))
            .optional();
    }

    /** A person's dock as {@link #readDock} finds it: its version, their docked and running entries. */
    record DockRead(DockRepository.Version version, List<Entry> entries) { }

    /**
     * The person's dock version with their docked entry and their running one, unlocked, in one
     * statement: at most two entries (one when the docked entry is the one running), each found by
     * its own unique index (V3); a row of nulls beside the version when there is neither.
     */
    DockRead readDock(AccountId account, long membershipId) {
        var rows = new Rows(true);
        var found = new ArrayList<Entry>();
        var version = new DockRepository.Version[] {DockRepository.Version.UNUSED};
        jdbc.sql(READ_DOCK)
            .param("account", account.value())
            .param("membership", membershipId)
            .query(rs -> {
                if (rs.getObject("dock_version_number") != null) {
                    version[0] = DockRepository.version(rs, "dock_");
                }
                if (rs.getObject(Column.ID.label) != null) {
                    found.add(rows.mapRow(rs, found.size()));
                }
            });
        return new DockRead(version[0], found);
    }

    /** The person's running entry, logged or not, locked. */
    Optional<Entry> findRunning(AccountId account, long membershipId) {
        return jdbc.sql(SELECT + """
                 WHERE e.account_id = :account AND e.membership_id = :membership AND e.timer_started_at IS NOT NULL
                 FOR UPDATE OF e""")
            .param("account", account.value())
            .param("membership", membershipId)
            .query(new Rows(true))
            .optional();
    }

    /** Inserts {@code owner}'s entry with its tasks and reads it back: one statement, one round trip. */
    Entry insert(Member owner, EntryDraft draft) {
        if (draft.membershipId != owner.id()) {
            throw new IllegalArgumentException("an entry of membership " + draft.membershipId + " given owner "
                + owner.id());
        }
        return refusedWhenLocked(() -> jdbc.sql(INSERT)
            .paramSource(params(draft).addValue("account", owner.account().value())
                .addValue("tasks", tasks(draft.taskIds)))
            .query(new Rows(false))
            .single())
            .withOwnerAndInvoice(new Owners.Owner(owner.userId(), owner.name(), owner.email(), owner.timeZone(),
                owner.avatarKey()), null);
    }

    /**
     * Writes the changes {@code draft} makes to {@code before} and returns the entry as it now is: one
     * statement, which reads the entry back; its owner as {@code before} knew them unless it changed
     * hands, its invoice as before (an update does not change it). When its tasks changed they are
     * written first, so that it comes back with them.
     */
    Entry update(Entry before, EntryDraft draft) {
        var account = before.account();
        if (tasksChanged(before, draft)) {
            replaceTasks(account, before.id(), draft.taskIds);
        }
        var row = refusedWhenLocked(() -> jdbc.sql(UPDATE)
            .paramSource(params(draft).addValue("account", account.value()).addValue("id", before.id()))
            .query(new Rows(false))
            .single());
        return row.membershipId() == before.membershipId()
            ? row.withOwnerAndInvoice(before.owner(), before.invoice())
            : completed(account, List.of(row)).get(0);
    }

    /** Whether the draft tags the entry with other tasks than it had: only then are they written again. */
    private static boolean tasksChanged(Entry before, EntryDraft draft) {
        return !Objects.equals(draft.taskIds, before.taskIds());
    }

    private void replaceTasks(AccountId account, long id, List<Long> taskIds) {
        jdbc.sql("DELETE FROM entry_task WHERE account_id = :account AND entry_id = :id")
            .param("account", account.value())
            .param("id", id)
            .update();
        writeTasks(account, id, taskIds);
    }

    /** A dock's version after a change, and the entry it held. */
    record DockedEntry(DockRepository.Version version, Entry entry) { }

    /**
     * Writes the docked entry's changes, as {@link #update} does, and moves its dock's version on, in
     * one statement (its tasks first, when they changed); the entry as it now is, and the new version.
     */
    /**
     * The write, or the lock the database refused it with (V21, V28: time in an approved week, say)
     * as the service's own {@link Locked}, its reason the trigger's.
     */
    private static <T> T refusedWhenLocked(Supplier<T> write) {
        try {
            return write.get();
        } catch (DataAccessException refused) {
            throw DatabaseRefusals.lockedTime(refused).map(RuntimeException.class::cast).orElse(refused);
        }
    }

    DockedEntry updateDocked(Entry before, EntryDraft draft, String clientId) {
        var account = before.account();
        if (tasksChanged(before, draft)) {
            replaceTasks(account, before.id(), draft.taskIds);
        }
        var rows = new Rows(false);
        return jdbc.sql(UPDATE_DOCKED)
            .paramSource(params(draft).addValue("account", account.value()).addValue("id", before.id())
                .addValue("dockOf", before.membershipId()).addValue("client", DockRepository.clientOf(clientId)))
            .query((rs, row) -> new DockedEntry(DockRepository.version(rs, "dock_"),
                rows.mapRow(rs, row).withOwnerAndInvoice(before.owner(), before.invoice())))
            .single();
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
        var rows = jdbc.sql((withTasks ? LISTED : LISTED_WITHOUT_TASKS) + " WHERE " + filter.where() + order + page)
            .paramSource(params)
            .query(new Rows(false))
            .list();
        return completed(account, rows);
    }

    /**
     * Entries read without their owners and invoices, given them: the owners as {@link Owners} knows
     * them, the invoices as {@link EntryInvoices} does. An entry whose owner is gone went with its
     * membership (a cascade) since it was read, and is left out.
     */
    private List<Entry> completed(AccountId account, List<Entry> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        var people = owners.of(account, rows.stream().map(Entry::membershipId).collect(Collectors.toSet()));
        var invoiceIds = rows.stream().map(Entry::invoiceId).filter(Objects::nonNull).collect(Collectors.toSet());
        var billedOn = invoices.of(account, invoiceIds);
        var completed = new ArrayList<Entry>(rows.size());
        for (var row : rows) {
            var owner = people.get(row.membershipId());
            if (owner != null) {
                completed.add(row.withOwnerAndInvoice(owner,
                    row.invoiceId() == null ? null : billedOn.get(row.invoiceId())));
            }
        }
        return completed;
    }

    /** Invoice {@code id} from the columns at the positions given: joined to an entry, or read after a page. */
    static EntryInvoice invoiceAt(ResultSet rs, long id, int number, int sent, int issuedOn, int dueOn)
            throws SQLException {
        return new EntryInvoice(id, rs.getString(number), rs.getBoolean(sent),
            rs.getObject(issuedOn, LocalDate.class), rs.getObject(dueOn, LocalDate.class));
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

    /** The columns {@link #select} returns, as the mapper reads them; {@link #listed} returns the entry's own. */
    private enum Column {
        ID, ACCOUNT_ID, MEMBERSHIP_ID, CONTACT_ID, PROJECT_ID, JOB_ID, TASK_IDS, DESCRIPTION, SPENT_ON,
        DURATION_S, TIMER_STARTED_AT, STARTED_AT, ENDED_AT, LOGGED, LOGGED_AT, BILLABLE, BILLING_RATE, COST_RATE,
        INVOICE_ID, CLOSED, LOCKED_REASON, EXTERNAL_ID, EXTERNAL_GROUP_ID, EXTERNAL_ACCOUNT_ID, EXTERNAL_PERMALINK,
        EXTERNAL_SERVICE, EXTERNAL_SERVICE_ICON_URL, CREATED_AT, UPDATED_AT,
        USER_ID(true), TIME_ZONE(true), FIRST_NAME(true), LAST_NAME(true), EMAIL(true), AVATAR_KEY(true),
        INVOICE_NUMBER(true), INVOICE_SENT(true), INVOICE_ISSUED_ON(true), INVOICE_DUE_ON(true);

        private static final Column[] ALL = values();
        private final String label = name().toLowerCase(Locale.ROOT);
        /** Read from the owner and the invoice, joined: only in {@link #select}'s rows. */
        private final boolean joined;

        Column() {
            this(false);
        }

        Column(boolean joined) {
            this.joined = joined;
        }
    }

    /**
     * Maps the rows of one result set, finding each column by name once, on its first row: pgjdbc's
     * {@code findColumn} per value was a sixth of a 100-entry page's CPU in the JVM (docs/performance.md,
     * seventh pass). One per query; not shared.
     */
    private static final class Rows implements RowMapper<Entry> {

        /** Whether the rows hold their owner and invoice ({@link #select}); else the entry's own columns only. */
        private final boolean joined;
        private ResultSet resolved;
        private final int[] at = new int[Column.ALL.length];

        Rows(boolean joined) {
            this.joined = joined;
        }

        @Override
        public Entry mapRow(ResultSet rs, int row) throws SQLException {
            if (rs != resolved) {
                for (var column : Column.ALL) {
                    if (joined || !column.joined) {
                        at[column.ordinal()] = rs.findColumn(column.label);
                    }
                }
                resolved = rs;
            }
            var taskIds = rs.getArray(at(Column.TASK_IDS));
            var externalId = rs.getString(at(Column.EXTERNAL_ID));
            return new Entry(
                rs.getLong(at(Column.ID)),
                new AccountId(rs.getLong(at(Column.ACCOUNT_ID))),
                rs.getLong(at(Column.MEMBERSHIP_ID)),
                joined ? rs.getLong(at(Column.USER_ID)) : 0,
                rs.getObject(at(Column.CONTACT_ID), Long.class),
                rs.getObject(at(Column.PROJECT_ID), Long.class),
                rs.getObject(at(Column.JOB_ID), Long.class),
                taskIds == null ? null : List.of((Long[]) taskIds.getArray()),
                rs.getString(at(Column.DESCRIPTION)),
                rs.getObject(at(Column.SPENT_ON), LocalDate.class),
                rs.getLong(at(Column.DURATION_S)),
                instant(rs, Column.TIMER_STARTED_AT),
                instant(rs, Column.STARTED_AT),
                instant(rs, Column.ENDED_AT),
                rs.getBoolean(at(Column.LOGGED)),
                instant(rs, Column.LOGGED_AT),
                rs.getBoolean(at(Column.BILLABLE)),
                rs.getBigDecimal(at(Column.BILLING_RATE)),
                rs.getBigDecimal(at(Column.COST_RATE)),
                invoice(rs),
                rs.getBoolean(at(Column.CLOSED)),
                rs.getString(at(Column.LOCKED_REASON)),
                externalId == null ? null : new ExternalReference(externalId,
                    rs.getString(at(Column.EXTERNAL_GROUP_ID)), rs.getString(at(Column.EXTERNAL_ACCOUNT_ID)),
                    rs.getString(at(Column.EXTERNAL_PERMALINK)), rs.getString(at(Column.EXTERNAL_SERVICE)),
                    rs.getString(at(Column.EXTERNAL_SERVICE_ICON_URL))),
                joined ? new Owners.Owner(rs.getLong(at(Column.USER_ID)),
                    Member.name(rs.getString(at(Column.FIRST_NAME)), rs.getString(at(Column.LAST_NAME))),
                    rs.getString(at(Column.EMAIL)), ZoneId.of(rs.getString(at(Column.TIME_ZONE))),
                    rs.getObject(at(Column.AVATAR_KEY), UUID.class)) : null,
                instant(rs, Column.CREATED_AT),
                instant(rs, Column.UPDATED_AT));
        }

        private int at(Column column) {
            return at[column.ordinal()];
        }

        private Instant instant(ResultSet rs, Column column) throws SQLException {
            var timestamp = rs.getTimestamp(at(column));
            return timestamp == null ? null : timestamp.toInstant();
        }

        /** The invoice, or (not joined) its id alone, for {@link #completed} to fill in. */
        private EntryInvoice invoice(ResultSet rs) throws SQLException {
            var id = rs.getObject(at(Column.INVOICE_ID), Long.class);
            if (id != null && !joined) {
                return new EntryInvoice(id, null, false, null, null);
            }
            return id == null ? null : invoiceAt(rs, id, at(Column.INVOICE_NUMBER), at(Column.INVOICE_SENT),
                at(Column.INVOICE_ISSUED_ON), at(Column.INVOICE_DUE_ON));
        }
    }
}
