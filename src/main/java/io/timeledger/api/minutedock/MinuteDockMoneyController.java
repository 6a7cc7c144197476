package io.timeledger.api.minutedock;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.timeledger.api.common.Accepts;
import io.timeledger.api.common.Instants;
import io.timeledger.api.common.JsonFields;
import io.timeledger.api.common.Params;
import io.timeledger.core.account.Actor;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.money.Expense;
import io.timeledger.core.money.ExpenseChanges;
import io.timeledger.core.money.ExpenseQuery;
import io.timeledger.core.money.Expenses;
import io.timeledger.core.money.Invoice;
import io.timeledger.core.money.InvoiceDraft;
import io.timeledger.core.money.InvoiceLine;
import io.timeledger.core.money.InvoiceQuery;
import io.timeledger.core.money.Invoices;
import io.timeledger.core.money.Item;
import io.timeledger.core.money.Items;
import io.timeledger.core.money.LineGrouping;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Items, expenses and invoices (with their PDF). Creating items, expenses and invoices goes beyond the seed. */
@RestController
@RequestMapping("/api/v1")
class MinuteDockMoneyController {

    private final Items items;
    private final Expenses expenses;
    private final Invoices invoices;

    MinuteDockMoneyController(Items items, Expenses expenses, Invoices invoices) {
        this.items = items;
        this.expenses = expenses;
        this.invoices = invoices;
    }

    // --- items

    @GetMapping("/items")
    List<MdItem> items(Actor actor) {
        return items.list(actor.account()).stream().map(MdItem::from).toList();
    }

    @PostMapping("/items")
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(MdItemRequest.class)
    MdItem createItem(Actor actor, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "item");
        var name = fields.string("name");
        var description = fields.string("description");
        var cents = fields.integer("default_rate_cents");
        fields.validate();
        return MdItem.from(items.create(actor, name, description, cents));
    }

    @RequestMapping(path = "/items/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Accepts(MdItemRequest.class)
    MdItem updateItem(Actor actor, @PathVariable long id, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "item");
        var name = fields.string("name");
        var description = fields.string("description");
        var cents = fields.integer("default_rate_cents");
        fields.validate();
        return MdItem.from(items.update(actor, id, name, description, cents));
    }

    @DeleteMapping("/items/{id}")
    MinuteDockCatalogController.Deleted deleteItem(Actor actor, @PathVariable long id) {
        items.delete(actor, id);
        return MinuteDockCatalogController.Deleted.of(id);
    }

    // --- expenses

    @GetMapping("/expenses")
    List<MdExpense> expenses(Actor actor, HttpServletRequest request) {
        var invoicedOnly = Boolean.TRUE.equals(Params.bool("invoiced_only", request.getParameter("invoiced_only")));
        var uninvoicedOnly = Boolean.TRUE.equals(Params.bool("uninvoiced_only",
            request.getParameter("uninvoiced_only")));
        if (invoicedOnly && uninvoicedOnly) {
            throw new Invalid("invoiced_only", "and uninvoiced_only cannot both be true");
        }
        var query = new ExpenseQuery(Params.id("contact_id", request.getParameter("contact_id")),
            Params.id("project_id", request.getParameter("project_id")),
            Params.id("user_account_id", request.getParameter("user_account_id")),
            Params.date("from", request.getParameter("from")), Params.date("to", request.getParameter("to")),
            Params.instant("since", request.getParameter("since")),
            invoicedOnly ? Boolean.TRUE : uninvoicedOnly ? Boolean.FALSE : null,
            Params.integer("limit", request.getParameter("limit"), 1, 1000, 500),
            Params.integer("offset", request.getParameter("offset"), 0, Integer.MAX_VALUE, 0));
        var currency = currency(actor);
        return expenses.search(actor, query).stream().map(e -> MdExpense.from(e, currency)).toList();
    }

    @GetMapping("/expenses/{id}")
    MdExpense expense(Actor actor, @PathVariable long id) {
        return MdExpense.from(expenses.get(actor, id), currency(actor));
    }

    @PostMapping("/expenses")
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(MdExpenseRequest.class)
    MdExpense createExpense(Actor actor, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "expense");
        var changes = expenseChanges(fields);
        fields.validate();
        return MdExpense.from(expenses.create(actor, changes), currency(actor));
    }

    @RequestMapping(path = "/expenses/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Accepts(MdExpenseRequest.class)
    MdExpense updateExpense(Actor actor, @PathVariable long id, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "expense");
        var changes = expenseChanges(fields);
        fields.validate();
        return MdExpense.from(expenses.update(actor, id, changes), currency(actor));
    }

    @DeleteMapping("/expenses/{id}")
    MinuteDockCatalogController.Deleted deleteExpense(Actor actor, @PathVariable long id) {
        expenses.delete(actor, id);
        return MinuteDockCatalogController.Deleted.of(id);
    }

    // --- invoices

    @GetMapping("/invoices")
    List<MdInvoice> invoices(Actor actor, HttpServletRequest request) {
        var query = new InvoiceQuery(Params.id("contact_id", request.getParameter("contact_id")),
            Params.date("from", request.getParameter("from")), Params.date("to", request.getParameter("to")),
            Params.instant("since", request.getParameter("since")),
            Boolean.TRUE.equals(Params.bool("sent_only", request.getParameter("sent_only"))),
            Boolean.TRUE.equals(Params.bool("draft_only", request.getParameter("draft_only"))),
            Boolean.TRUE.equals(Params.bool("archived", request.getParameter("archived"))),
            Params.integer("limit", request.getParameter("limit"), 1, 1000, 500),
            Params.integer("offset", request.getParameter("offset"), 0, Integer.MAX_VALUE, 0));
        return invoices.search(actor, query).stream().map(i -> MdInvoice.from(i)).toList();
    }

    @GetMapping("/invoices/{id}")
    MdInvoiceDetail invoice(Actor actor, @PathVariable long id) {
        return MdInvoiceDetail.from(invoices.get(actor, id));
    }

    /** A printable invoice. */
    @GetMapping("/invoices/{id}.pdf")
    ResponseEntity<byte[]> invoicePdf(Actor actor, @PathVariable long id) {
        var invoice = invoices.get(actor, id);
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"invoice-" + invoice.number() + ".pdf\"")
            .body(invoices.document(actor, id));
    }

    /** Drafts an invoice of a contact's uninvoiced billable time and expenses in a period. */
    @PostMapping("/invoices")
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(MdInvoiceRequest.class)
    MdInvoiceDetail createInvoice(Actor actor, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "invoice");
        var contactId = fields.id("contact_id");
        var from = fields.date("from");
        var to = fields.date("to");
        var grouping = fields.oneOf("group_by", LineGrouping.class, LineGrouping::wire);
        var taxRate = fields.number("tax_rate");
        var date = fields.date("date");
        var due = fields.date("due_date");
        var reference = fields.string("reference");
        fields.validate();
        return MdInvoiceDetail.from(invoices.draft(actor, new InvoiceDraft(contactId.orElse(null), from.orElse(null),
            to.orElse(null), grouping.orElse(null), taxRate.orElse(null), date.orElse(null), due.orElse(null),
            reference.orElse(null))));
    }

    /** {@code status: "sent"} marks a draft sent; {@code archived} archives or restores. */
    @RequestMapping(path = "/invoices/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Accepts(MdInvoiceChangeRequest.class)
    MdInvoiceDetail updateInvoice(Actor actor, @PathVariable long id, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "invoice");
        var status = fields.string("status");
        var archived = fields.bool("archived");
        if (status.orElse(null) != null && !Objects.equals(status.orElse(null), "sent")
                && !Objects.equals(status.orElse(null), "draft")) {
            fields.reject("status", "must be draft or sent");
        }
        fields.validate();
        if ("draft".equals(status.orElse(null)) && invoices.get(actor, id).sent()) {
            throw new Invalid("status", "a sent invoice cannot go back to draft");
        }
        if ("sent".equals(status.orElse(null))) {
            invoices.markSent(actor, id);
        }
        if (archived.orElse(null) != null) {
            invoices.archive(actor, id, archived.orElse(null));
        }
        return MdInvoiceDetail.from(invoices.get(actor, id));
    }

    @DeleteMapping("/invoices/{id}")
    MinuteDockCatalogController.Deleted deleteInvoice(Actor actor, @PathVariable long id) {
        invoices.deleteDraft(actor, id);
        return MinuteDockCatalogController.Deleted.of(id);
    }

    // --- shapes

    private String currency(Actor actor) {
        return actor.tenant().currency();
    }

    private static ExpenseChanges expenseChanges(JsonFields fields) {
        return ExpenseChanges.NONE.membershipId(fields.id("user_account_id")).description(fields.string("description"))
            .quantity(fields.number("quantity")).itemId(fields.id("item_id")).rateCents(fields.integer("rate_cents"))
            .date(fields.date("date")).contactId(fields.id("contact_id")).projectId(fields.id("project_id"))
            .manuallyInvoiced(fields.bool("manually_invoiced")).writtenOff(fields.bool("written_off"));
    }

    /** An item's fields, under {@code item}. */
    record MdItemRequest(MdItemFields item) { }

    record MdItemFields(String name, String description, Long defaultRateCents) { }

    /** An expense's fields, under {@code expense}: a quantity of an item, or a rate in cents. */
    record MdExpenseRequest(MdExpenseFields expense) { }

    record MdExpenseFields(String userAccountId, String description, BigDecimal quantity, String itemId,
                           Long rateCents, String date, String contactId, String projectId, Boolean manuallyInvoiced,
                           Boolean writtenOff) { }

    /** A draft invoice of a contact's unbilled time and expenses, under {@code invoice}. */
    record MdInvoiceRequest(MdInvoiceFields invoice) { }

    record MdInvoiceFields(String contactId, String from, String to, String groupBy, BigDecimal taxRate, String date,
                           String dueDate, String reference) { }

    /** Sending a draft ({@code "status": "sent"}), or archiving an invoice; under {@code invoice}. */
    record MdInvoiceChangeRequest(MdInvoiceChangeFields invoice) { }

    record MdInvoiceChangeFields(String status, Boolean archived) { }

    record MdItem(String id, String name, String description, long defaultRateCents) {
        static MdItem from(Item item) {
            return new MdItem(Wire.id(item.id()), item.name(), item.description(), item.defaultRateCents());
        }
    }

    record MdExpense(String id, String description, BigDecimal quantity, String unitAmount, String amount,
                     String currency, String date, String contactId, String projectId, String userAccountId,
                     String invoiceId, boolean manuallyInvoiced, boolean writtenOff, MdItem item, String createdAt,
                     String updatedAt) {
        static MdExpense from(Expense e, String currency) {
            return new MdExpense(Wire.id(e.id()), e.description(), e.quantity(), Wire.dollars(e.unitAmount()),
                Wire.dollars(e.amount()), currency, e.date().toString(), Wire.id(e.contactId()),
                Wire.id(e.projectId()), Wire.id(e.membershipId()), Wire.id(e.invoiceId()), e.manuallyInvoiced(),
                e.writtenOff(), e.item() == null ? null : MdItem.from(e.item()), Instants.iso(e.createdAt()),
                Instants.iso(e.updatedAt()));
        }
    }

    record MdLineItem(String id, String description, String quantity, String unitAmount, String subtotal, String tax,
                      String total, int position) {
        static MdLineItem from(InvoiceLine line) {
            var quantity = line.quantity().scale() < 0 ? line.quantity().setScale(0) : line.quantity();
            return new MdLineItem(Wire.id(line.id()), line.description(), quantity.toPlainString(),
                Wire.dollars(line.unitAmount()), Wire.dollars(line.subtotal()), Wire.dollars(line.tax()),
                Wire.dollars(line.total()), line.position());
        }
    }

    /** MinuteDock's InvoiceSummary. */
    record MdInvoice(String id, long contactId, String number, String reference, String status, String sentAt,
                     boolean archived, String date, String dueDate, String currency, String subtotal, String tax,
                     String total, Object delivery, String createdAt, String updatedAt) {
        static MdInvoice from(Invoice i) {
            return new MdInvoice(Wire.id(i.id()), i.contactId(), i.number(), i.reference(),
                i.sent() ? "sent" : "draft", Instants.iso(i.sentAt()), i.archived(), i.issuedOn().toString(),
                i.dueOn().toString(), i.currency(), Wire.dollars(i.subtotal()), Wire.dollars(i.tax()),
                Wire.dollars(i.total()), null, Instants.iso(i.createdAt()), Instants.iso(i.updatedAt()));
        }
    }

    /** An invoice fetched on its own: the summary and its line items. */
    record MdInvoiceDetail(@JsonUnwrapped MdInvoice invoice, List<MdLineItem> lineItems) {
        static MdInvoiceDetail from(Invoice i) {
            return new MdInvoiceDetail(MdInvoice.from(i), i.lines().stream().map(MdLineItem::from).toList());
        }
    }
}
