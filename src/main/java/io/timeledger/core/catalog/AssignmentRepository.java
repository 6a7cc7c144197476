package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AssignmentRepository {

    private static final String TASK_COLUMNS =
        "id, project_id, task_id, billable, active, hourly_rate, budget, created_at, updated_at";
    private static final String USER_COLUMNS =
        "id, project_id, membership_id, project_manager, active, hourly_rate, budget, created_at, updated_at";

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TaskAssignment> taskAssignments(AccountId account, Long projectId, Boolean active) {
        return jdbc.sql("""
                SELECT %s FROM task_assignment
                 WHERE account_id = :account
                   AND (CAST(:project AS bigint) IS NULL OR project_id = :project)
                   AND (CAST(:active AS boolean) IS NULL OR active = :active)
                 ORDER BY id
                """.formatted(TASK_COLUMNS))
            .param("account", account.value())
            .param("project", projectId)
            .param("active", active)
            .query(AssignmentRepository::mapTask)
            .list();
    }

    List<TaskAssignment> taskAssignmentsOf(AccountId account, Collection<Long> projectIds) {
        return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM task_assignment"
                + " WHERE account_id = :account AND project_id = ANY(:projects)")
            .param("account", account.value())
            .param("projects", projectIds.toArray(Long[]::new))
            .query(AssignmentRepository::mapTask)
            .list();
    }

    Optional<TaskAssignment> taskAssignment(AccountId account, long id) {
        return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM task_assignment WHERE account_id = :account AND id = :id")
            .param("account", account.value())
            .param("id", id)
            .query(AssignmentRepository::mapTask)
            .optional();
    }

    Optional<TaskAssignment> taskAssignment(AccountId account, long projectId, long taskId) {
        return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM task_assignment"
                + " WHERE account_id = :account AND project_id = :project AND task_id = :task")
            .param("account", account.value())
            .param("project", projectId)
            .param("task", taskId)
            .query(AssignmentRepository::mapTask)
            .optional();
    }

    /** Empty when the task is already assigned to the project. */
    Optional<TaskAssignment> insertTask(AccountId account, long projectId, long taskId, TaskAssignment values) {
        return jdbc.sql("""
                INSERT INTO task_assignment (account_id, project_id, task_id, billable, active, hourly_rate, budget)
                VALUES (:account, :project, :task, :billable, :active, :rate, :budget)
                ON CONFLICT (account_id, project_id, task_id) DO NOTHING
                RETURNING %s
                """.formatted(TASK_COLUMNS))
            .param("account", account.value())
            .param("project", projectId)
            .param("task", taskId)
            .param("billable", values.billable())
            .param("active", values.active())
            .param("rate", values.hourlyRate())
            .param("budget", values.budget())
            .query(AssignmentRepository::mapTask)
            .optional();
    }

    TaskAssignment updateTask(AccountId account, TaskAssignment values) {
        return jdbc.sql("""
                UPDATE task_assignment
                   SET billable = :billable, active = :active, hourly_rate = :rate, budget = :budget, updated_at = now()
                 WHERE account_id = :account AND id = :id
                RETURNING %s
                """.formatted(TASK_COLUMNS))
            .param("account", account.value())
            .param("id", values.id())
            .param("billable", values.billable())
            .param("active", values.active())
            .param("rate", values.hourlyRate())
            .param("budget", values.budget())
            .query(AssignmentRepository::mapTask)
            .single();
    }

    boolean deleteTask(AccountId account, long id) {
        return jdbc.sql("DELETE FROM task_assignment WHERE account_id = :account AND id = :id")
            .param("account", account.value()).param("id", id).update() == 1;
    }

    List<UserAssignment> userAssignments(AccountId account, Long projectId, Long membershipId, Boolean active) {
        return jdbc.sql("""
                SELECT %s FROM user_assignment
                 WHERE account_id = :account
                   AND (CAST(:project AS bigint) IS NULL OR project_id = :project)
                   AND (CAST(:member AS bigint) IS NULL OR membership_id = :member)
                   AND (CAST(:active AS boolean) IS NULL OR active = :active)
                 ORDER BY id
                """.formatted(USER_COLUMNS))
            .param("account", account.value())
            .param("project", projectId)
            .param("member", membershipId)
            .param("active", active)
            .query(AssignmentRepository::mapUser)
            .list();
    }

    List<UserAssignment> userAssignmentsOf(AccountId account, Collection<Long> projectIds) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM user_assignment"
                + " WHERE account_id = :account AND project_id = ANY(:projects)")
            .param("account", account.value())
            .param("projects", projectIds.toArray(Long[]::new))
            .query(AssignmentRepository::mapUser)
            .list();
    }

    Optional<UserAssignment> userAssignment(AccountId account, long id) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM user_assignment WHERE account_id = :account AND id = :id")
            .param("account", account.value())
            .param("id", id)
            .query(AssignmentRepository::mapUser)
            .optional();
    }

    Optional<UserAssignment> userAssignment(AccountId account, long projectId, long membershipId) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM user_assignment"
                + " WHERE account_id = :account AND project_id = :project AND membership_id = :member")
            .param("account", account.value())
            .param("project", projectId)
            .param("member", membershipId)
            .query(AssignmentRepository::mapUser)
            .optional();
    }

    /** Empty when the person is already assigned to the project. */
    Optional<UserAssignment> insertUser(AccountId account, long projectId, long membershipId, UserAssignment values) {
        return jdbc.sql("""
                INSERT INTO user_assignment (account_id, project_id, membership_id, project_manager, active,
                                             hourly_rate, budget)
                VALUES (:account, :project, :member, :manager, :active, :rate, :budget)
                ON CONFLICT (account_id, project_id, membership_id) DO NOTHING
                RETURNING %s
                """.formatted(USER_COLUMNS))
            .param("account", account.value())
            .param("project", projectId)
            .param("member", membershipId)
            .param("manager", values.projectManager())
            .param("active", values.active())
            .param("rate", values.hourlyRate())
            .param("budget", values.budget())
            .query(AssignmentRepository::mapUser)
            .optional();
    }

    UserAssignment updateUser(AccountId account, UserAssignment values) {
        return jdbc.sql("""
                UPDATE user_assignment
                   SET project_manager = :manager, active = :active, hourly_rate = :rate, budget = :budget,
                       updated_at = now()
                 WHERE account_id = :account AND id = :id
                RETURNING %s
                """.formatted(USER_COLUMNS))
            .param("account", account.value())
            .param("id", values.id())
            .param("manager", values.projectManager())
            .param("active", values.active())
            .param("rate", values.hourlyRate())
            .param("budget", values.budget())
            .query(AssignmentRepository::mapUser)
            .single();
    }

    boolean deleteUser(AccountId account, long id) {
        return jdbc.sql("DELETE FROM user_assignment WHERE account_id = :account AND id = :id")
            .param("account", account.value()).param("id", id).update() == 1;
    }

    private static TaskAssignment mapTask(ResultSet rs, int row) throws SQLException {
        return new TaskAssignment(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("task_id"),
            rs.getBoolean("billable"), rs.getBoolean("active"), rs.getBigDecimal("hourly_rate"),
            rs.getBigDecimal("budget"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());
    }

    private static UserAssignment mapUser(ResultSet rs, int row) throws SQLException {
        return new UserAssignment(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("membership_id"),
            rs.getBoolean("project_manager"), rs.getBoolean("active"), rs.getBigDecimal("hourly_rate"),
            rs.getBigDecimal("budget"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());
    }
}
