package io.timeledger.core.money;

import io.timeledger.core.common.AccountId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ExpenseRepository {

    private static final String SELECT = """
            SELECT x.id, x.membership_id, x.contact_id, x.project_id, x.item_id, i.name AS item_name,
                   i.description AS item_description, i.default_rate_cents, x.description, x.quantity, x.unit_amount,
                   x.spent_on, x.invoice_id, x.manually_invoiced, x.written_off, x.created_at, x.updated_at
              FROM expense x
              LEFT JOIN item i ON i.account_id = x.account_id AND i.id = x.item_id
            """;

    private final JdbcClient jdbc;

    ExpenseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Expense> search(AccountId account, ExpenseQuery query) {
        var where = new ArrayList<String>(List.of("x.account_id = :account"));
        var params = new MapSqlParameterSource("account", account.value());
        if (query.contactId() != null) {
            where.add("x.contact_id = :contact");
            params.addValue("contact", query.contactId());
        }
        if (query.projectId() != null) {
            where.add("x.project_id = :project");
            params.addValue("project", query.projectId());
        }
        if (query.membershipId() != null) {
            where.add("x.membership_id = :member");
            params.addValue("member", query.membershipId());
        }
        if (query.from() != null) {
            where.add("x.spent_on >= :from");
            params.addValue("from", query.from());
        }
        if (query.to() != null) {
            where.add("x.spent_on <= :to");
            params.addValue("to", query.to());
        }
        if (query.since() != null) {
            where.add("x.updated_at > :since");
            params.addValue("since", Timestamp.from(query.since()));
        }
        if (query.invoiced() != null) {
            where.add(query.invoiced() ? "(x.invoice_id IS NOT NULL OR x.manually_invoiced)"
                : "(x.invoice_id IS NULL AND NOT x.manually_invoiced)");
        }
        params.addValue("limit", query.limit()).addValue("offset", query.offset());
        return jdbc.sql(SELECT + " WHERE " + String.join(" AND ", where)
                + " ORDER BY x.spent_on DESC, x.id DESC LIMIT :limit OFFSET :offset")
            .paramSource(params)
            .query(ExpenseRepository::map)
            .list();
    }

    Optional<Expense> find(AccountId account, long id, boolean forUpdate) {
        return jdbc.sql(SELECT + " WHERE x.account_id = :account AND x.id = :id" + (forUpdate ? " FOR UPDATE OF x" : ""))
            .param("account", account.value())
            .param("id", id)
            .query(ExpenseRepository::map)
            .optional();
    }

    long insert(AccountId account, Expense e) {
        return jdbc.sql("""
                INSERT INTO expense (account_id, membership_id, contact_id, project_id, item_id, description, quantity,
                                     unit_amount, spent_on, manually_invoiced, written_off)
                VALUES (:account, :member, :contact, :project, :item, :description, :quantity, :unit, :date,
                        :manual, :writtenOff)
                RETURNING id
                """)
            .paramSource(params(account, e))
            .query(Long.class)
            .single();
    }

    void update(AccountId account, Expense e) {
        jdbc.sql("""
                UPDATE expense SET membership_id = :member, contact_id = :contact, project_id = :project,
                                   item_id = :item, description = :description, quantity = :quantity,
                                   unit_amount = :unit, spent_on = :date, manually_invoiced = :manual,
                                   written_off = :writtenOff, updated_at = now()
                 WHERE account_id = :account AND id = :id
                """)
            .paramSource(params(account, e).addValue("id", e.id()))
            .update();
    }

    boolean delete(AccountId account, long id) {
        return jdbc.sql("DELETE FROM expense WHERE account_id = :account AND id = :id")
            .param("account", account.value())
            .param("id", id)
            .update() == 1;
    }

    private static MapSqlParameterSource params(AccountId account, Expense e) {
        return new MapSqlParameterSource()
            .addValue("account", account.value())
            .addValue("member", e.membershipId())
            .addValue("contact", e.contactId())
            .addValue("project", e.projectId())
            .addValue("item", e.item() == null ? null : e.item().id())
            .addValue("description", e.description())
            .addValue("quantity", e.quantity())
            .addValue("unit", e.unitAmount())
            .addValue("date", e.date())
            .addValue("manual", e.manuallyInvoiced())
            .addValue("writtenOff", e.writtenOff());
    }

    static BigDecimal amount(BigDecimal quantity, BigDecimal unit) {
        return quantity.multiply(unit).setScale(2, RoundingMode.HALF_UP);
    }

    private static Expense map(ResultSet rs, int row) throws SQLException {
        var itemId = rs.getObject("item_id", Long.class);
        var item = itemId == null ? null : new Item(itemId, rs.getString("item_name"),
            rs.getString("item_description"), rs.getLong("default_rate_cents"));
        var quantity = rs.getBigDecimal("quantity").stripTrailingZeros();
        var unit = rs.getBigDecimal("unit_amount");
        return new Expense(rs.getLong("id"), rs.getLong("membership_id"), rs.getObject("contact_id", Long.class),
            rs.getObject("project_id", Long.class), item, rs.getString("description"),
            quantity.scale() < 0 ? quantity.setScale(0) : quantity, unit, amount(quantity, unit),
            rs.getObject("spent_on", LocalDate.class), rs.getObject("invoice_id", Long.class),
            rs.getBoolean("manually_invoiced"), rs.getBoolean("written_off"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
