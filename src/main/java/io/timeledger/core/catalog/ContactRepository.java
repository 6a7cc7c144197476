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
class ContactRepository extends DetailsRepository<Contact> {

    private static final String COLUMNS = "contact.id, contact.address, " + DetailsColumns.select("contact", "contact_id");

    private static final String PLAIN_COLUMNS = "contact.id, contact.address, " + DetailsColumns.plain("contact");

    private final ApplicationEventPublisher events;

    ContactRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        super(jdbc, "contact", PLAIN_COLUMNS, ContactRepository::map);
        this.events = events;
    }

    List<Contact> list(AccountId account, BudgetPeriods periods, Boolean active, Boolean pinned) {
        var statement = jdbc.sql("""
                SELECT %s
                  FROM contact
                 WHERE account_id = :account AND deleted_at IS NULL
                   AND (CAST(:active AS boolean) IS NULL OR active = :active)
                   AND (CAST(:pinned AS boolean) IS NULL OR pinned = :pinned)
                 ORDER BY lower(name), id
                """.formatted(COLUMNS))
            .param("account", account.value())
            .param("active", active)
            .param("pinned", pinned);
        return DetailsColumns.bind(statement, periods)
            .query(ContactRepository::map)
            .list();
    }

    Optional<Contact> find(AccountId account, BudgetPeriods periods, long id, boolean forUpdate) {
        var statement = jdbc.sql("""
                SELECT %s
                  FROM contact
                 WHERE account_id = :account AND id = :id AND deleted_at IS NULL
                %s""".formatted(COLUMNS, forUpdate ? "FOR UPDATE" : ""))
            .param("account", account.value())
            .param("id", id);
        return DetailsColumns.bind(statement, periods)
            .query(ContactRepository::map)
            .optional();
    }



    boolean hasLiveProjects(AccountId account, long id) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM project
                                WHERE account_id = :account AND contact_id = :id AND deleted_at IS NULL)
                """)
            .param("account", account.value())
            .param("id", id)
            .query(Boolean.class)
            .single();
    }

    /** Whether the live contact exists, locking it (FOR SHARE) so it cannot be deleted meanwhile. */
    boolean lockLive(AccountId account, long id) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM contact
                                WHERE account_id = :account AND id = :id AND deleted_at IS NULL FOR SHARE)
                """)
            .param("account", account.value())
            .param("id", id)
            .query(Boolean.class)
            .single();
    }


    Contact insert(AccountId account, BudgetPeriods periods, Details details, String address) {
        var statement = jdbc.sql("""
                INSERT INTO contact (account_id, address, %s)
                VALUES (:account, :address, %s)
                RETURNING %s
                """.formatted(DetailsColumns.INSERT_COLUMNS, DetailsColumns.INSERT_VALUES, COLUMNS))
            .param("account", account.value())
            .param("address", address);
        var written = DetailsColumns.bind(DetailsColumns.bind(statement, details), periods).query(ContactRepository::map)
            .single();
        events.publishEvent(new CatalogChanged(account));
        return written;
    }

    Contact update(AccountId account, BudgetPeriods periods, long id, Details details, String address) {
        var statement = jdbc.sql("""
                UPDATE contact SET address = :address, %s
                 WHERE account_id = :account AND id = :id AND deleted_at IS NULL
                RETURNING %s
                """.formatted(DetailsColumns.UPDATE_SET, COLUMNS))
            .param("account", account.value())
            .param("id", id)
            .param("address", address);
        var written = DetailsColumns.bind(DetailsColumns.bind(statement, details), periods).query(ContactRepository::map)
            .single();
        events.publishEvent(new CatalogChanged(account));
        return written;
    }

    /** Soft-deletes the contact and its projects; false when there was no such live contact. */
    boolean delete(AccountId account, long id) {
        int deleted = jdbc.sql("""
                UPDATE contact SET deleted_at = now(), updated_at = now()
                 WHERE account_id = :account AND id = :id AND deleted_at IS NULL
                """)
            .param("account", account.value())
            .param("id", id)
            .update();
        if (deleted == 0) {
            return false;
        }
        jdbc.sql("""
                UPDATE project SET deleted_at = now(), updated_at = now()
                 WHERE account_id = :account AND contact_id = :id AND deleted_at IS NULL
                """)
            .param("account", account.value())
            .param("id", id)
            .update();
        events.publishEvent(new CatalogChanged(account));
        return true;
    }


    static Contact map(ResultSet rs, int row) throws SQLException {
        return new Contact(
            rs.getLong("id"),
            DetailsColumns.map(rs),
            rs.getString("address"),
            rs.getBigDecimal("budget_progress"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());
    }
}
