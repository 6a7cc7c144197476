package io.timeledger.core.money;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's item catalog: everyone reads it, admins change it. */
@Service
public class Items {

    private static final String COLUMNS = "id, name, description, default_rate_cents";
    private static final long MAX_CENTS = 99_999_999_999L;

    private final JdbcClient jdbc;

    Items(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Reads
    public List<Item> list(AccountId account) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM item WHERE account_id = :account AND deleted_at IS NULL"
                + " ORDER BY lower(name), id")
            .param("account", account.value())
            .query(Items::map)
            .list();
    }

    @Reads
    public Optional<Item> find(AccountId account, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM item WHERE account_id = :account AND id = :id AND deleted_at IS NULL")
            .param("account", account.value())
            .param("id", id)
            .query(Items::map)
            .optional();
    }

    @Transactional
    public Item create(Actor actor, Field<String> name, Field<String> description, Field<Long> rateCents) {
        actor.requireAdmin();
        var item = apply(new Item(0, null, null, 0), name, description, rateCents);
        return jdbc.sql("""
                INSERT INTO item (account_id, name, description, default_rate_cents)
                VALUES (:account, :name, :description, :cents)
                RETURNING %s
                """.formatted(COLUMNS))
            .param("account", actor.account().value())
            .param("name", item.name())
            .param("description", item.description())
            .param("cents", item.defaultRateCents())
            .query(Items::map)
            .single();
    }

    @Transactional
    public Item update(Actor actor, long id, Field<String> name, Field<String> description, Field<Long> rateCents) {
        actor.requireAdmin();
        var current = find(actor.account(), id).orElseThrow(() -> new NotFound("Item", id));
        var item = apply(current, name, description, rateCents);
        return jdbc.sql("""
                UPDATE item SET name = :name, description = :description, default_rate_cents = :cents,
                                updated_at = now()
                 WHERE account_id = :account AND id = :id
                RETURNING %s
                """.formatted(COLUMNS))
            .param("account", actor.account().value())
            .param("id", id)
            .param("name", item.name())
            .param("description", item.description())
            .param("cents", item.defaultRateCents())
            .query(Items::map)
            .single();
    }

    /** Removes the item from the catalog; expenses that used it keep their amounts. */
    @Transactional
    public void delete(Actor actor, long id) {
        actor.requireAdmin();
        int deleted = jdbc.sql("UPDATE item SET deleted_at = now() WHERE account_id = :account AND id = :id"
                + " AND deleted_at IS NULL")
            .param("account", actor.account().value())
            .param("id", id)
            .update();
        if (deleted == 0) {
            throw new NotFound("Item", id);
        }
    }

    private static Item apply(Item current, Field<String> name, Field<String> description, Field<Long> rateCents) {
        var problems = new Invalid.Collector();
        var newName = name.orElse(current.name());
        if (newName == null || newName.isBlank()) {
            problems.add("name", "can't be blank");
        } else if (newName.length() > 255) {
            problems.add("name", "is too long (maximum is 255 characters)");
        }
        var newDescription = description.orElse(current.description());
        if (newDescription != null && newDescription.length() > 2000) {
            problems.add("description", "is too long (maximum is 2000 characters)");
        }
        Long cents = rateCents.orElse(current.defaultRateCents());
        if (cents == null || cents < 0 || cents > MAX_CENTS) {
            problems.add("default_rate_cents", "must be a whole number of cents from 0 to " + MAX_CENTS);
        }
        problems.throwIfAny();
        return new Item(current.id(), newName.strip(), newDescription, cents);
    }

    private static Item map(ResultSet rs, int row) throws SQLException {
        return new Item(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
            rs.getLong("default_rate_cents"));
    }
}
