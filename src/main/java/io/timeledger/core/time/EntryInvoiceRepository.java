package io.timeledger.core.time;

import io.timeledger.core.common.AccountId;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What entries show of the invoices they are billed on, read for {@link EntryInvoices}. */
@Repository
class EntryInvoiceRepository {

    private final JdbcClient jdbc;

    EntryInvoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The invoices among {@code ids} that {@code account} has, by id. */
    Map<Long, EntryInvoice> find(AccountId account, Set<Long> ids) {
        return jdbc.sql("""
                SELECT id, number, status = 'sent' AS sent, issued_on, due_on
                  FROM invoice WHERE account_id = :account AND id = ANY(:ids)
                """)
            .param("account", account.value())
            .param("ids", ids.toArray(Long[]::new))
            .query((rs, row) -> EntryRepository.invoiceAt(rs, rs.getLong(1), 2, 3, 4, 5))
            .list().stream()
            .collect(Collectors.toMap(EntryInvoice::id, Function.identity()));
    }
}
