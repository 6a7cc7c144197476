package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProjectRepository extends DetailsRepository<Project> {

    private static final String COLUMNS = "project.id, project.contact_id, " + DetailsColumns.select("project", "project_id");

    private static final String PLAIN_COLUMNS = "project.id, project.contact_id, " + DetailsColumns.plain("project");

    private final ApplicationEventPublisher events;

    ProjectRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        super(jdbc, "project", PLAIN_COLUMNS, ProjectRepository::map);
        this.events = events;
    }

    List<Project> list(AccountId account, BudgetPeriods periods, Long contactId, Boolean active) {
        var statement = jdbc.sql("""
                SELECT %s
                  FROM project
                 WHERE account_id = :account AND deleted_at IS NULL
                   AND (CAST(:contact AS bigint) IS NULL OR contact_id = :contact)
                   AND (CAST(:active AS boolean) IS NULL OR active = :active)
                 ORDER BY lower(name), id
                """.formatted(COLUMNS))
            .param("account", account.value())
            .param("contact", contactId)
            .param("active", active);
        return DetailsColumns.bind(statement, periods)
            .query(ProjectRepository::map)
            .list();
    }

    Optional<Project> find(AccountId account, BudgetPeriods periods, long id, boolean forUpdate) {
        var statement = jdbc.sql("""
                SELECT %s
                  FROM project
                 WHERE account_id = :account AND id = :id AND deleted_at IS NULL
                %s""".formatted(COLUMNS, forUpdate ? "FOR UPDATE" : ""))
            .param("account", account.value())
            .param("id", id);
        return DetailsColumns.bind(statement, periods)
            .query(ProjectRepository::map)
            .optional();
    }




    Project insert(AccountId account, BudgetPeriods periods, long contactId, Details details) {
        var statement = jdbc.sql("""
                INSERT INTO project (account_id, contact_id, %s)
                VALUES (:account, :contact, %s)
                RETURNING %s
                """.formatted(DetailsColumns.INSERT_COLUMNS, DetailsColumns.INSERT_VALUES, COLUMNS))
            .param("account", account.value())
            .param("contact", contactId);
        var written = DetailsColumns.bind(DetailsColumns.bind(statement, details), periods).query(ProjectRepository::map)
            .single();
        // the people who join every new project (Harvest's has_access_to_all_future_projects)
        jdbc.sql("""
                INSERT INTO user_assignment (account_id, project_id, membership_id)
                SELECT account_id, :project, id FROM membership
                 WHERE account_id = :account AND joins_new_projects AND NOT archived
                """)
            .param("account", account.value())
            .param("project", written.id())
            .update();
        events.publishEvent(new CatalogChanged(account));
        return written;
    }

    Project update(AccountId account, BudgetPeriods periods, long id, long contactId, Details details) {
        var statement = jdbc.sql("""
                UPDATE project SET contact_id = :contact, %s
                 WHERE account_id = :account AND id = :id AND deleted_at IS NULL
                RETURNING %s
                """.formatted(DetailsColumns.UPDATE_SET, COLUMNS))
            .param("account", account.value())
            .param("id", id)
            .param("contact", contactId);
        var written = DetailsColumns.bind(DetailsColumns.bind(statement, details), periods).query(ProjectRepository::map)
            .single();
        events.publishEvent(new CatalogChanged(account));
        return written;
    }

    boolean delete(AccountId account, long id) {
        boolean deleted = jdbc.sql("""
                UPDATE project SET deleted_at = now(), updated_at = now()
                 WHERE account_id = :account AND id = :id AND deleted_at IS NULL
                """)
            .param("account", account.value())
            .param("id", id)
            .update() == 1;
        events.publishEvent(new CatalogChanged(account));
        return deleted;
    }


    static Project map(ResultSet rs, int row) throws SQLException {
        return new Project(
            rs.getLong("id"),
            rs.getLong("contact_id"),
            DetailsColumns.map(rs),
            rs.getBigDecimal("budget_progress"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());
    }
}
