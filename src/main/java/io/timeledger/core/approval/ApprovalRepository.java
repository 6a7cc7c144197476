package io.timeledger.core.approval;

import io.timeledger.core.common.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApprovalRepository {

    private static final String COLUMNS =
        "id, membership_id, period_start, period_end, status, note, submitted_at, decided_at, decided_by";

    private final JdbcClient jdbc;

    ApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Approval> find(AccountId account, long membershipId, LocalDate start) {
        return week(account, membershipId, start, "").optional();
    }

    Optional<Approval> find(AccountId account, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM timesheet_approval WHERE account_id = :account AND id = :id")
            .param("account", account.value())
            .param("id", id)
            .query(ApprovalRepository::map)
            .optional();
    }

    private JdbcClient.MappedQuerySpec<Approval> week(AccountId account, long membershipId, LocalDate start,
                                                      String lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM timesheet_approval WHERE account_id = :account"
                + " AND membership_id = :member AND period_start = :start" + lock)
            .param("account", account.value())
            .param("member", membershipId)
            .param("start", start)
            .query(ApprovalRepository::map);
    }

    /** The person's week, made (open) if nobody acted on it yet, and locked until the transaction ends. */
    Approval lock(AccountId account, long membershipId, LocalDate start) {
        jdbc.sql("""
                INSERT INTO timesheet_approval (account_id, membership_id, period_start, period_end)
                VALUES (:account, :member, :start, :end)
                ON CONFLICT (account_id, membership_id, period_start) DO NOTHING""")
            .param("account", account.value())
            .param("member", membershipId)
            .param("start", start)
            .param("end", start.plusDays(6))
            .update();
        return week(account, membershipId, start, " FOR UPDATE").single();
    }

    Approval save(AccountId account, Approval approval, Instant now) {
        return jdbc.sql("UPDATE timesheet_approval SET status = :status, note = :note, submitted_at = :submitted,"
                + " decided_at = :decided, decided_by = :decidedBy, updated_at = :now"
                + " WHERE account_id = :account AND id = :id RETURNING " + COLUMNS)
            .param("status", approval.status().wire())
            .param("note", approval.note())
            .param("submitted", timestamp(approval.submittedAt()))
            .param("decided", timestamp(approval.decidedAt()))
            .param("decidedBy", approval.decidedBy())
            .param("now", Timestamp.from(now))
            .param("account", account.value())
            .param("id", approval.id())
            .query(ApprovalRepository::map)
            .single();
    }

    /** Closes (approved) or opens the person's logged entries of the week; how many changed. */
    int close(AccountId account, long membershipId, LocalDate start, boolean closed, Instant now) {
        return jdbc.sql("UPDATE entry SET closed = :closed, updated_at = :now WHERE account_id = :account"
                + " AND membership_id = :member AND logged AND spent_on BETWEEN :start AND :end"
                + " AND closed <> :closed")
            .param("closed", closed)
            .param("now", Timestamp.from(now))
            .param("account", account.value())
            .param("member", membershipId)
            .param("start", start)
            .param("end", start.plusDays(6))
            .update();
    }

    /** Whether a timer of the person runs on an entry of the week. */
    boolean timerRunsIn(AccountId account, long membershipId, LocalDate start) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM entry WHERE account_id = :account AND membership_id = :member"
                + " AND timer_started_at IS NOT NULL AND logged AND spent_on BETWEEN :start AND :end)")
            .param("account", account.value())
            .param("member", membershipId)
            .param("start", start)
            .param("end", start.plusDays(6))
            .query(Boolean.class)
            .single();
    }

    /** The week's approvals of everyone who has one, by membership. */
    Map<Long, Approval> ofWeek(AccountId account, LocalDate start) {
        var found = new HashMap<Long, Approval>();
        jdbc.sql("SELECT " + COLUMNS + " FROM timesheet_approval WHERE account_id = :account AND period_start = :start")
            .param("account", account.value())
            .param("start", start)
            .query(ApprovalRepository::map)
            .list()
            .forEach(approval -> found.put(approval.membershipId(), approval));
        return found;
    }

    /** Logged seconds per person and day of the week (a running timer's as logged so far). */
    Map<Long, long[]> seconds(AccountId account, LocalDate start) {
        var seconds = new HashMap<Long, long[]>();
        jdbc.sql("SELECT membership_id, spent_on, sum(duration_s) FROM entry WHERE account_id = :account AND logged"
                + " AND spent_on BETWEEN :start AND :end GROUP BY 1, 2")
            .param("account", account.value())
            .param("start", start)
            .param("end", start.plusDays(6))
            .query(rs -> {
                var days = seconds.computeIfAbsent(rs.getLong(1), m -> new long[7]);
                days[(int) (rs.getObject(2, LocalDate.class).toEpochDay() - start.toEpochDay())] = rs.getLong(3);
            });
        return seconds;
    }

    /** The weeks still waiting for a decision, oldest first. */
    List<Approval> submitted(AccountId account) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM timesheet_approval WHERE account_id = :account"
                + " AND status = 'submitted' ORDER BY period_start, membership_id")
            .param("account", account.value())
            .query(ApprovalRepository::map)
            .list();
    }

    Set<Approvals.Week> submittedWeeks(AccountId account) {
        return Set.copyOf(jdbc.sql("SELECT membership_id, period_start FROM timesheet_approval"
                + " WHERE account_id = :account AND status = 'submitted'")
            .param("account", account.value())
            .query((rs, row) -> new Approvals.Week(rs.getLong(1), rs.getObject(2, LocalDate.class)))
            .list());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Approval map(ResultSet rs, int row) throws SQLException {
        var submitted = rs.getTimestamp("submitted_at");
        var decided = rs.getTimestamp("decided_at");
        return new Approval(rs.getLong("id"), rs.getLong("membership_id"),
            rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
            Approval.Status.of(rs.getString("status")), rs.getString("note"),
            submitted == null ? null : submitted.toInstant(), decided == null ? null : decided.toInstant(),
            rs.getObject("decided_by", Long.class));
    }
}
