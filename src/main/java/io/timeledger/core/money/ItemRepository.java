package io.timeledger.core.money;

import io.timeledger.core.common.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ItemRepository {

    private static final String COLUMNS = "id, name, description, default_rate_cents";

    private final JdbcClient jdbc;

    ItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Item> list(AccountId account) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM item WHERE account_id = :account AND deleted_at IS NULL"
                + " ORDER BY lower(name), id")
            .param("account", account.value())
            .query(ItemRepository::map)
            .list();
    }

    Optional<Item> find(AccountId account, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM item WHERE account_id = :account AND id = :id AND deleted_at IS NULL")
            .param("account", account.value())
            .param("id", id)
            .query(ItemRepository::map)
            .optional();
    }

    Item insert(AccountId account, Item item) {
        return jdbc.sql("""
                INSERT INTO item (account_id, name, description, default_rate_cents)
                VALUES (:account, :name, :description, :cents)
                RETURNING %s
                """.formatted(COLUMNS))
            .param("account", account.value())
            .param("name", item.name())
            .param("description", item.description())
            .param("cents", item.defaultRateCents())
            .query(ItemRepository::map)
            .single();
    }

    Item update(AccountId account, long id, Item item) {
        return jdbc.sql("""
                UPDATE item SET name = :name, description = :description, default_rate_cents = :cents,
                                updated_at = now()
                 WHERE account_id = :account AND id = :id
                RETURNING %s
                """.formatted(COLUMNS))
            .param("account", account.value())
            .param("id", id)
            .param("name", item.name())
            .param("description", item.description())
            .param("cents", item.defaultRateCents())
            .query(ItemRepository::map)
            .single();
    }

    /** Whether a live item was removed. */
    boolean delete(AccountId account, long id) {
        return jdbc.sql("UPDATE item SET deleted_at = now() WHERE account_id = :account AND id = :id"
                + " AND deleted_at IS NULL")
            .param("account", account.value())
            .param("id", id)
            .update() > 0;
    }

    private static Item map(ResultSet rs, int row) throws SQLException {
        return new Item(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
            rs.getLong("default_rate_cents"));
    }
}
