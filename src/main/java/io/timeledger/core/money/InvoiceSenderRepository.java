package io.timeledger.core.money;

import io.timeledger.core.common.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account's invoice columns (V29). */
@Repository
class InvoiceSenderRepository {

    private final JdbcClient jdbc;

    InvoiceSenderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    InvoiceSender find(AccountId account) {
        return jdbc.sql("SELECT invoice_address, invoice_tax_id, invoice_payment_terms, invoice_bank_details,"
                + " next_invoice_number FROM account WHERE id = :account")
            .param("account", account.value())
            .query((rs, row) -> new InvoiceSender(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getLong(5)))
            .single();
    }

    /** Saves the details; the number sequence only moves forward, even past a draft made meanwhile. */
    void save(AccountId account, InvoiceSender sender) {
        jdbc.sql("UPDATE account SET invoice_address = :address, invoice_tax_id = :taxId,"
                + " invoice_payment_terms = :terms, invoice_bank_details = :bank, next_invoice_number = greatest(next_invoice_number, :next),"
                + " updated_at = now() WHERE id = :account")
            .param("address", sender.address()).param("taxId", sender.taxId()).param("terms", sender.paymentTermsDays())
            .param("bank", sender.bankDetails()).param("next", sender.nextNumber()).param("account", account.value())
            .update();
    }
}
