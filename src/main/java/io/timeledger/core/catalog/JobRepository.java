package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JobRepository {

    // Nothing is invoiced yet (invoices come with their own issue): a fixed price is wholly unbilled.
    private static final String COLUMNS = """
            id, contact_id, project_id, name, price, price_type, estimate_s, completed,
            CASE WHEN price_type = 1 THEN price ELSE 0 END AS unbilled_fixed_value, created_at, updated_at""";

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Job> list(AccountId account, Long projectId) {
        return jdbc.sql("""
                SELECT %s FROM job
                 WHERE account_id = :account AND deleted_at IS NULL
                   AND (CAST(:project AS bigint) IS NULL OR project_id = :project)
                 ORDER BY id
                """.formatted(COLUMNS))
            .param("account", account.value())
            .param("project", projectId)
            .query(JobRepository::map)
            .list();
    }

    Optional<Job> find(AccountId account, long id, boolean forUpdate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM job WHERE account_id = :account AND id = :id AND deleted_at IS NULL"
                + (forUpdate ? " FOR UPDATE" : ""))
            .param("account", account.value())
            .param("id", id)
            .query(JobRepository::map)
            .optional();
    }

    Job insert(AccountId account, Job job) {
        return jdbc.sql("""
                INSERT INTO job (account_id, contact_id, project_id, name, price, price_type, estimate_s, completed)
                VALUES (:account, :contact, :project, :name, :price, :priceType, :estimate, :completed)
                RETURNING %s
                """.formatted(COLUMNS))
            .paramSource(columns(account, job))
            .query(JobRepository::map)
            .single();
    }

    Job update(AccountId account, Job job) {
        return jdbc.sql("""
                UPDATE job SET contact_id = :contact, project_id = :project, name = :name, price = :price,
                               price_type = :priceType, estimate_s = :estimate, completed = :completed,
                               updated_at = now()
                 WHERE account_id = :account AND id = :id AND deleted_at IS NULL
                RETURNING %s
                """.formatted(COLUMNS))
            .paramSource(columns(account, job).addValue("id", job.id()))
            .query(JobRepository::map)
            .single();
    }

    /** The job's columns as statement parameters, for insert and update alike. */
    private static MapSqlParameterSource columns(AccountId account, Job job) {
        return new MapSqlParameterSource()
            .addValue("account", account.value())
            .addValue("contact", job.contactId())
            .addValue("project", job.projectId())
            .addValue("name", job.name())
            .addValue("price", job.price())
            .addValue("priceType", job.priceType().code())
            .addValue("estimate", job.estimateSeconds())
            .addValue("completed", job.completed());
    }

    boolean delete(AccountId account, long id) {
        return jdbc.sql("""
                UPDATE job SET deleted_at = now(), updated_at = now()
                 WHERE account_id = :account AND id = :id AND deleted_at IS NULL
                """)
            .param("account", account.value())
            .param("id", id)
            .update() == 1;
    }

    private static Job map(ResultSet rs, int row) throws SQLException {
        return new Job(rs.getLong("id"), rs.getLong("contact_id"), rs.getObject("project_id", Long.class),
            rs.getString("name"), rs.getBigDecimal("price"), PriceType.of(rs.getInt("price_type")),
            rs.getObject("estimate_s") instanceof Number estimate ? estimate.longValue() : null,
            rs.getBoolean("completed"),
            rs.getBigDecimal("unbilled_fixed_value"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());
    }
}
