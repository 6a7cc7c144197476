package io.timeledger.core.money;

import io.timeledger.core.common.AccountId;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReceiptRepository {

    private final JdbcClient jdbc;

    ReceiptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void store(AccountId account, long expenseId, Receipt receipt) {
        jdbc.sql("""
                INSERT INTO expense_receipt (account_id, expense_id, content_type, file_name, bytes)
                VALUES (:account, :expense, :type, :name, :bytes)
                ON CONFLICT (account_id, expense_id) DO UPDATE
                   SET content_type = EXCLUDED.content_type, file_name = EXCLUDED.file_name, bytes = EXCLUDED.bytes,
                       uploaded_at = now()""")
            .param("account", account.value()).param("expense", expenseId).param("type", receipt.contentType())
            .param("name", receipt.fileName()).param("bytes", receipt.bytes())
            .update();
    }

    Optional<Receipt> find(AccountId account, long expenseId) {
        return jdbc.sql("SELECT content_type, file_name, bytes FROM expense_receipt"
                + " WHERE account_id = :account AND expense_id = :expense")
            .param("account", account.value()).param("expense", expenseId)
            .query((rs, row) -> new Receipt(rs.getString(1), rs.getString(2), rs.getBytes(3)))
            .optional();
    }

    boolean remove(AccountId account, long expenseId) {
        return jdbc.sql("DELETE FROM expense_receipt WHERE account_id = :account AND expense_id = :expense")
            .param("account", account.value()).param("expense", expenseId).update() == 1;
    }

    /** Which of {@code expenseIds} have a receipt (without reading the receipts). */
    Set<Long> withReceipts(AccountId account, Collection<Long> expenseIds) {
        if (expenseIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT expense_id FROM expense_receipt WHERE account_id = :account"
                + " AND expense_id = ANY(:ids)")
            .param("account", account.value()).param("ids", expenseIds.toArray(Long[]::new))
            .query(Long.class)
            .list());
    }
}
