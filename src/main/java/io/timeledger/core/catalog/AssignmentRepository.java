package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Task and user assignments: one table each, the same statements for both ({@link AssignmentKind}). */
@Repository
class AssignmentRepository {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AssignmentRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Filters are null when not applied. */
    List<AssignmentRow> list(AssignmentKind kind, AccountId account, Long projectId, Long subjectId, Boolean active) {
        return jdbc.sql("""
                SELECT %s FROM %s
                 WHERE account_id = :account
                   AND (CAST(:project AS bigint) IS NULL OR project_id = :project)
                   AND (CAST(:subject AS bigint) IS NULL OR %s = :subject)
                   AND (CAST(:active AS boolean) IS NULL OR active = :active)
                 ORDER BY id
                """.formatted(kind.columns, kind.table, kind.subjectColumn))
            .param("account", account.value())
            .param("project", projectId)
            .param("subject", subjectId)
            .param("active", active)
            .query(AssignmentRepository::map)
            .list();
    }

    Optional<AssignmentRow> find(AssignmentKind kind, AccountId account, long id) {
        return jdbc.sql("SELECT " + kind.columns + " FROM " + kind.table + " WHERE account_id = :account AND id = :id")
            .param("account", account.value())
            .param("id", id)
            .query(AssignmentRepository::map)
            .optional();
    }

    /** The project's assignments of any of these tasks or people. */
    List<AssignmentRow> find(AssignmentKind kind, AccountId account, long projectId, Collection<Long> subjectIds) {
        return jdbc.sql("SELECT " + kind.columns + " FROM " + kind.table
                + " WHERE account_id = :account AND project_id = :project AND " + kind.subjectColumn + " = ANY(:subjects)")
            .param("account", account.value())
            .param("project", projectId)
            .param("subjects", subjectIds.toArray(Long[]::new))
            .query(AssignmentRepository::map)
            .list();
    }

    /** Empty when the subject is already assigned to the project. */
    Optional<AssignmentRow> insert(AssignmentKind kind, AccountId account, AssignmentRow values) {
        var written = jdbc.sql("""
                INSERT INTO %1$s (account_id, project_id, %2$s, %3$s, active, hourly_rate, budget)
                VALUES (:account, :project, :subject, :flag, :active, :rate, :budget)
                ON CONFLICT (account_id, project_id, %2$s) DO NOTHING
                RETURNING %4$s
                """.formatted(kind.table, kind.subjectColumn, kind.flagColumn, kind.columns))
            .param("account", account.value())
            .param("project", values.projectId())
            .param("subject", values.subjectId())
            .param("flag", values.flag())
            .param("active", values.active())
            .param("rate", values.hourlyRate())
            .param("budget", values.budget())
            .query(AssignmentRepository::map)
            .optional();
        events.publishEvent(new CatalogChanged(account));
        return written;
    }

    AssignmentRow update(AssignmentKind kind, AccountId account, AssignmentRow values) {
        var written = jdbc.sql("""
                UPDATE %s
                   SET %s = :flag, active = :active, hourly_rate = :rate, budget = :budget, updated_at = now()
                 WHERE account_id = :account AND id = :id
                RETURNING %s
                """.formatted(kind.table, kind.flagColumn, kind.columns))
            .param("account", account.value())
            .param("id", values.id())
            .param("flag", values.flag())
            .param("active", values.active())
            .param("rate", values.hourlyRate())
            .param("budget", values.budget())
            .query(AssignmentRepository::map)
            .single();
        events.publishEvent(new CatalogChanged(account));
        return written;
    }

    boolean delete(AssignmentKind kind, AccountId account, long id) {
        boolean deleted = jdbc.sql("DELETE FROM " + kind.table + " WHERE account_id = :account AND id = :id")
            .param("account", account.value()).param("id", id).update() == 1;
        events.publishEvent(new CatalogChanged(account));
        return deleted;
    }

    static AssignmentRow map(ResultSet rs, int row) throws SQLException {
        return new AssignmentRow(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("subject_id"),
            rs.getBoolean("flag"), rs.getBoolean("active"), rs.getBigDecimal("hourly_rate"),
            rs.getBigDecimal("budget"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());
    }
}
