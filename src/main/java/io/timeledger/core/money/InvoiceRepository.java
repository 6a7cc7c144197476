package io.timeledger.core.money;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.time.InvoicesChanged;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InvoiceRepository {

    private static final String COLUMNS = """
            id, contact_id, number, reference, status, sent_at, archived, issued_on, due_on, currency, tax_rate,
            subtotal, tax, total, period_from, period_to, created_at, updated_at, paid, voided_at""";

    /** Billable time waiting to be invoiced, claimed for an invoice in one statement. */
    record Claimed(long id, long membershipId, Long projectId, Long taskId, LocalDate day, String description,
                   long seconds, BigDecimal rate) { }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    InvoiceRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Takes the next number of the account's sequence; the row lock keeps two drafts from sharing one. */
    long nextNumber(AccountId account) {
        return jdbc.sql("""
                UPDATE account SET next_invoice_number = next_invoice_number + 1
                 WHERE id = :account
                RETURNING next_invoice_number - 1
                """)
            .param("account", account.value())
            .query(Long.class)
            .single();
    }

    long insert(AccountId account, Invoice invoice) {
        return jdbc.sql("""
                INSERT INTO invoice (account_id, contact_id, number, reference, issued_on, due_on, currency, tax_rate,
                                     period_from, period_to)
                VALUES (:account, :contact, :number, :reference, :issued, :due, :currency, :taxRate, :from, :to)
                RETURNING id
                """)
            .param("account", account.value())
            .param("contact", invoice.contactId())
            .param("number", invoice.number())
            .param("reference", invoice.reference())
            .param("issued", invoice.issuedOn())
            .param("due", invoice.dueOn())
            .param("currency", invoice.currency())
            .param("taxRate", invoice.taxRate())
            .param("from", invoice.periodFrom())
            .param("to", invoice.periodTo())
            .query(Long.class)
            .single();
    }

    /** The contact's entries a draft of the period bills: uninvoiced, billable, stopped, logged, unlocked. */
    private static final String UNBILLED_ENTRY = """
        e.account_id = :account AND e.contact_id = :contact AND e.logged AND e.billable
        AND e.invoice_id IS NULL AND e.timer_started_at IS NULL AND e.duration_s > 0 AND e.locked_reason IS NULL
        AND (CAST(:from AS date) IS NULL OR e.spent_on >= :from) AND (CAST(:to AS date) IS NULL OR e.spent_on <= :to)
        """;
    /** The contact's expenses a draft of the period bills: uninvoiced, neither billed by hand nor written off. */
    private static final String UNBILLED_EXPENSE = """
        x.account_id = :account AND x.contact_id = :contact AND x.invoice_id IS NULL
        AND NOT x.manually_invoiced AND NOT x.written_off
        AND (CAST(:from AS date) IS NULL OR x.spent_on >= :from) AND (CAST(:to AS date) IS NULL OR x.spent_on <= :to)
        """;

    /** How many entries and expenses a draft of the period would bill, and their first and last days. */
    Invoices.Unbilled unbilled(AccountId account, long contactId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT count(*) FILTER (WHERE entry), count(*) FILTER (WHERE NOT entry), min(day), max(day)"
                + " FROM (SELECT true AS entry, e.spent_on AS day FROM entry e WHERE " + UNBILLED_ENTRY
                + " UNION ALL SELECT false, x.spent_on FROM expense x WHERE " + UNBILLED_EXPENSE + ") AS u")
            .param("account", account.value())
            .param("contact", contactId)
            .param("from", from)
            .param("to", to)
            .query((rs, row) -> new Invoices.Unbilled(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class)))
            .single();
    }

    /**
     * Marks the contact's uninvoiced, billable, stopped, logged entries in the period as this
     * invoice's and returns them: a concurrent draft cannot claim them twice.
     */
    List<Claimed> claimEntries(AccountId account, long invoiceId, long contactId, LocalDate from, LocalDate to) {
        return jdbc.sql("UPDATE entry e SET invoice_id = :invoice, updated_at = now() WHERE " + UNBILLED_ENTRY + """
                RETURNING e.id, e.membership_id, e.project_id,
                          (SELECT et.task_id FROM entry_task et WHERE et.entry_id = e.id ORDER BY et.position LIMIT 1)
                              AS task_id,
                          e.spent_on, e.description, e.duration_s, coalesce(e.billing_rate, 0) AS rate
                """)
            .param("invoice", invoiceId)
            .param("account", account.value())
            .param("contact", contactId)
            .param("from", from)
            .param("to", to)
            .query((rs, row) -> new Claimed(rs.getLong("id"), rs.getLong("membership_id"),
                rs.getObject("project_id", Long.class), rs.getObject("task_id", Long.class),
                rs.getObject("spent_on", LocalDate.class), rs.getString("description"), rs.getLong("duration_s"),
                rs.getBigDecimal("rate")))
            .list();
    }

    record ClaimedExpense(long id, LocalDate day, String description, BigDecimal quantity, BigDecimal unitAmount) { }

    /** Marks the contact's uninvoiced expenses in the period as this invoice's and returns them. */
    List<ClaimedExpense> claimExpenses(AccountId account, long invoiceId, long contactId, LocalDate from, LocalDate to) {
        return jdbc.sql("UPDATE expense x SET invoice_id = :invoice, updated_at = now() WHERE " + UNBILLED_EXPENSE + """
                RETURNING x.id, x.spent_on, x.description, x.quantity, x.unit_amount
                """)
            .param("invoice", invoiceId)
            .param("account", account.value())
            .param("contact", contactId)
            .param("from", from)
            .param("to", to)
            .query((rs, row) -> new ClaimedExpense(rs.getLong("id"), rs.getObject("spent_on", LocalDate.class),
                rs.getString("description"), rs.getBigDecimal("quantity").stripTrailingZeros(),
                rs.getBigDecimal("unit_amount")))
            .list();
    }

    void insertLines(AccountId account, long invoiceId, List<InvoiceLine> lines) {
        for (var line : lines) {
            jdbc.sql("""
                    INSERT INTO invoice_line (account_id, invoice_id, position, description, quantity, unit_amount,
                                              subtotal, tax, total)
                    VALUES (:account, :invoice, :position, :description, :quantity, :unit, :subtotal, :tax, :total)
                    """)
                .param("account", account.value())
                .param("invoice", invoiceId)
                .param("position", line.position())
                .param("description", line.description())
                .param("quantity", line.quantity())
                .param("unit", line.unitAmount())
                .param("subtotal", line.subtotal())
                .param("tax", line.tax())
                .param("total", line.total())
                .update();
        }
    }

    void setTotals(AccountId account, long invoiceId, BigDecimal subtotal, BigDecimal tax) {
        jdbc.sql("""
                UPDATE invoice SET subtotal = :subtotal, tax = :tax, total = :subtotal + :tax, updated_at = now()
                 WHERE account_id = :account AND id = :id
                """)
            .param("account", account.value())
            .param("id", invoiceId)
            .param("subtotal", subtotal)
            .param("tax", tax)
            .update();
    }

    Optional<Invoice> find(AccountId account, long id, boolean forUpdate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invoice WHERE account_id = :account AND id = :id"
                + (forUpdate ? " FOR UPDATE" : ""))
            .param("account", account.value())
            .param("id", id)
            .query((rs, row) -> map(rs, List.of()))
            .optional()
            .map(invoice -> withLines(account, invoice));
    }

    List<Invoice> search(AccountId account, InvoiceQuery query) {
        var where = new ArrayList<String>(List.of("account_id = :account", "archived = :archived"));
        var params = new MapSqlParameterSource("account", account.value()).addValue("archived", query.archived());
        if (query.contactId() != null) {
            where.add("contact_id = :contact");
            params.addValue("contact", query.contactId());
        }
        if (query.from() != null) {
            where.add("issued_on >= :from");
            params.addValue("from", query.from());
        }
        if (query.to() != null) {
            where.add("issued_on <= :to");
            params.addValue("to", query.to());
        }
        if (query.since() != null) {
            where.add("updated_at > :since");
            params.addValue("since", Timestamp.from(query.since()));
        }
        if (query.sentOnly()) {
            where.add("status = 'sent'");
        }
        if (query.draftOnly()) {
            where.add("status = 'draft'");
        }
        params.addValue("limit", query.limit()).addValue("offset", query.offset());
        return jdbc.sql("SELECT " + COLUMNS + " FROM invoice WHERE " + String.join(" AND ", where)
                + " ORDER BY issued_on DESC, id DESC LIMIT :limit OFFSET :offset")
            .paramSource(params)
            .query((rs, row) -> map(rs, List.of()))
            .list();
    }

    void markSent(AccountId account, long id) {
        jdbc.sql("UPDATE invoice SET status = 'sent', sent_at = now(), updated_at = now()"
                + " WHERE account_id = :account AND id = :id AND status = 'draft'")
            .param("account", account.value()).param("id", id).update();
        events.publishEvent(new InvoicesChanged(account));
    }

    void archive(AccountId account, long id, boolean archived) {
        jdbc.sql("UPDATE invoice SET archived = :archived, updated_at = now() WHERE account_id = :account AND id = :id")
            .param("account", account.value()).param("id", id).param("archived", archived).update();
    }

    /** Releases the draft's time and expenses, then deletes it with its lines. */
    void deleteDraft(AccountId account, long id) {
        release(account, id);
        jdbc.sql("DELETE FROM invoice WHERE account_id = :account AND id = :id AND status = 'draft'")
            .param("account", account.value()).param("id", id).update();
        events.publishEvent(new InvoicesChanged(account));
    }

    /** Records a payment and adds it to the invoice's paid sum. */
    void insertPayment(AccountId account, long invoiceId, Payment payment) {
        jdbc.sql("INSERT INTO invoice_payment (account_id, invoice_id, amount, paid_on, note)"
                + " VALUES (:account, :invoice, :amount, :paidOn, :note)")
            .param("account", account.value()).param("invoice", invoiceId).param("amount", payment.amount())
            .param("paidOn", payment.paidOn()).param("note", payment.note())
            .update();
        jdbc.sql("UPDATE invoice SET paid = paid + :amount, updated_at = now() WHERE account_id = :account AND id = :id")
            .param("amount", payment.amount()).param("account", account.value()).param("id", invoiceId).update();
    }

    List<Payment> payments(AccountId account, long invoiceId) {
        return jdbc.sql("SELECT id, amount, paid_on, note FROM invoice_payment WHERE account_id = :account"
                + " AND invoice_id = :invoice ORDER BY paid_on, id")
            .param("account", account.value()).param("invoice", invoiceId)
            .query((rs, row) -> new Payment(rs.getLong("id"), rs.getBigDecimal("amount"),
                rs.getObject("paid_on", LocalDate.class), rs.getString("note")))
            .list();
    }

    /** Voids a sent invoice: its time and expenses are released, its number and lines kept. */
    void voidSent(AccountId account, long id) {
        release(account, id);
        jdbc.sql("UPDATE invoice SET voided_at = now(), updated_at = now() WHERE account_id = :account AND id = :id")
            .param("account", account.value()).param("id", id).update();
        events.publishEvent(new InvoicesChanged(account));
    }

    private void release(AccountId account, long id) {
        jdbc.sql("UPDATE entry SET invoice_id = NULL, updated_at = now() WHERE account_id = :account AND invoice_id = :id")
            .param("account", account.value()).param("id", id).update();
        jdbc.sql("UPDATE expense SET invoice_id = NULL, updated_at = now() WHERE account_id = :account AND invoice_id = :id")
            .param("account", account.value()).param("id", id).update();
    }

    /** Replaces a draft's line with {@code line}'s description, amounts and tax. */
    void updateLine(AccountId account, long invoiceId, InvoiceLine line) {
        jdbc.sql("UPDATE invoice_line SET description = :description, quantity = :quantity, unit_amount = :unit,"
                + " subtotal = :subtotal, tax = :tax, total = :total"
                + " WHERE account_id = :account AND invoice_id = :invoice AND id = :id")
            .param("description", line.description()).param("quantity", line.quantity())
            .param("unit", line.unitAmount()).param("subtotal", line.subtotal()).param("tax", line.tax())
            .param("total", line.total()).param("account", account.value()).param("invoice", invoiceId)
            .param("id", line.id())
            .update();
    }

    void deleteLine(AccountId account, long invoiceId, long lineId) {
        jdbc.sql("DELETE FROM invoice_line WHERE account_id = :account AND invoice_id = :invoice AND id = :id")
            .param("account", account.value()).param("invoice", invoiceId).param("id", lineId).update();
    }

    private Invoice withLines(AccountId account, Invoice invoice) {
        var lines = jdbc.sql("""
                SELECT id, position, description, quantity, unit_amount, subtotal, tax, total
                  FROM invoice_line WHERE account_id = :account AND invoice_id = :invoice ORDER BY position
                """)
            .param("account", account.value())
            .param("invoice", invoice.id())
            .query((rs, row) -> new InvoiceLine(rs.getLong("id"), rs.getInt("position"), rs.getString("description"),
                rs.getBigDecimal("quantity").stripTrailingZeros(), rs.getBigDecimal("unit_amount"),
                rs.getBigDecimal("subtotal"), rs.getBigDecimal("tax"), rs.getBigDecimal("total")))
            .list();
        return new Invoice(invoice.id(), invoice.contactId(), invoice.number(), invoice.reference(), invoice.sent(),
            invoice.sentAt(), invoice.archived(), invoice.issuedOn(), invoice.dueOn(), invoice.currency(),
            invoice.taxRate(), invoice.subtotal(), invoice.tax(), invoice.total(), invoice.periodFrom(),
            invoice.periodTo(), invoice.createdAt(), invoice.updatedAt(), lines, invoice.paid(), invoice.voidedAt());
    }

    private static Invoice map(ResultSet rs, List<InvoiceLine> lines) throws SQLException {
        var sentAt = rs.getTimestamp("sent_at");
        return new Invoice(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("number"),
            rs.getString("reference"), "sent".equals(rs.getString("status")),
            sentAt == null ? null : sentAt.toInstant(), rs.getBoolean("archived"),
            rs.getObject("issued_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
            rs.getString("currency"), rs.getBigDecimal("tax_rate"), rs.getBigDecimal("subtotal"),
            rs.getBigDecimal("tax"), rs.getBigDecimal("total"), rs.getObject("period_from", LocalDate.class),
            rs.getObject("period_to", LocalDate.class), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(), lines, rs.getBigDecimal("paid"),
            rs.getTimestamp("voided_at") == null ? null : rs.getTimestamp("voided_at").toInstant());
    }
}
