package io.timeledger.core.catalog;

import static io.timeledger.core.catalog.UnionColumns.and;
import static io.timeledger.core.catalog.UnionColumns.of;

import io.timeledger.core.catalog.WorkLookup.Found;
import io.timeledger.core.common.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link WorkLookup}'s one statement: a {@code UNION ALL} of the kinds an entry's work is made of. */
@Repository
class WorkLookupRepository {

    /** Every branch's columns, each mapper reading its own by name. */
    private static final UnionColumns UNION = new UnionColumns(
        "id", "bigint", "name", "text", "contact_id", "bigint", "address", "text", "short_code", "text",
        "active", "boolean", "pinned", "boolean", "budget_type", "text", "budget_frequency", "text",
        "budget_target", "numeric", "default_rate", "numeric", "billable", "boolean", "budget_progress", "numeric",
        "entries_count", "bigint", "project_id", "bigint", "subject_id", "bigint", "flag", "boolean",
        "hourly_rate", "numeric", "budget", "numeric", "created_at", "timestamptz", "updated_at", "timestamptz");

    private static final String LIVE_PROJECT = "account_id = :account AND id = :project AND deleted_at IS NULL";

    private static final String TASKS = UNION.branch("task", of("task", TaskRepository.NAMES),
        "FROM task WHERE account_id = :account AND id = ANY(:tasks)");

    private static final String PROJECT = UNION.branch("project",
        and(of("project", List.of("id", "contact_id")), of("project", DetailsColumns.NAMES)),
        "FROM project WHERE " + LIVE_PROJECT);

    private static final String CONTACT = UNION.branch("contact",
        and(of("contact", List.of("id", "address")), of("contact", DetailsColumns.NAMES)),
        "FROM contact WHERE account_id = :account AND deleted_at IS NULL"
            + " AND id = (SELECT contact_id FROM project WHERE " + LIVE_PROJECT + ")");

    private static final String TASK_ASSIGNMENTS = UNION.branch("TASK", AssignmentKind.TASK.expressions,
        "FROM task_assignment WHERE account_id = :account AND project_id = :project AND task_id = ANY(:tasks)");

    private static final String USER_ASSIGNMENT = UNION.branch("USER", AssignmentKind.USER.expressions,
        "FROM user_assignment WHERE account_id = :account AND project_id = :project"
            + " AND membership_id = :membership");

    private final JdbcClient jdbc;

    WorkLookupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Found read(AccountId account, Collection<Long> taskIds, Long projectId, long membershipId) {
        var branches = new ArrayList<String>();
        if (!taskIds.isEmpty()) {
            branches.add(TASKS);
        }
        if (projectId != null) {
            branches.add(PROJECT);
            branches.add(CONTACT);
            branches.add(USER_ASSIGNMENT);
            if (!taskIds.isEmpty()) {
                branches.add(TASK_ASSIGNMENTS);
            }
        }
        if (branches.isEmpty()) {
            return WorkLookup.NOTHING;
        }
        var rows = new Rows();
        jdbc.sql(String.join(" UNION ALL ", branches))
            .param("account", account.value())
            .param("tasks", taskIds.toArray(Long[]::new))
            .param("project", projectId)
            .param("membership", membershipId)
            .query((ResultSet rs) -> rows.add(rs));
        return rows.found();
    }

    /** The rows of one lookup as they arrive. */
    private static final class Rows {

        private final List<Task> tasks = new ArrayList<>();
        private Project project;
        private Contact contact;
        private final List<TaskAssignment> taskAssignments = new ArrayList<>();
        private UserAssignment userAssignment;

        void add(ResultSet rs) throws SQLException {
            switch (rs.getString("kind")) {
                case "task" -> tasks.add(TaskRepository.map(rs, 0));
                case "project" -> project = ProjectRepository.map(rs, 0);
                case "contact" -> contact = ContactRepository.map(rs, 0);
                case "TASK" -> taskAssignments.add(AssignmentRepository.map(rs, 0).asTask());
                case "USER" -> userAssignment = AssignmentRepository.map(rs, 0).asUser();
                default -> throw new IllegalStateException("a row of no kind: " + rs.getString("kind"));
            }
        }

        Found found() {
            if (project == null) {
                // a deleted project's assignments price nothing
                return new Found(List.copyOf(tasks), null, null, List.of(), null);
            }
            return new Found(List.copyOf(tasks), project, contact, List.copyOf(taskAssignments), userAssignment);
        }
    }
}
