package io.timeledger.core.money;

import io.timeledger.core.account.Actor;
import io.timeledger.core.account.Member;
import io.timeledger.core.account.People;
import io.timeledger.core.catalog.Contacts;
import io.timeledger.core.catalog.Named;
import io.timeledger.core.catalog.Projects;
import io.timeledger.core.catalog.Tasks;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.CalendarDays;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import io.timeledger.core.common.Worth;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Invoices: a draft bills a contact's uninvoiced work, which it locks; sending, archiving, and
 * deleting a draft (which releases its work). Only admins manage invoices.
 *
 * <p>Money is exact. A time line is hours (rounded to two places, as the client reads them)
 * times the rate; an expense line is its amount. Each line's tax is its subtotal times the tax
 * rate, rounded half up to the cent; the invoice's subtotal and tax are the sums of its lines',
 * and its total their sum, so every figure on the invoice adds up.
 */
@Service
public class Invoices {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final InvoiceRepository repository;
    private final InvoiceSenderRepository senders;
    private final People people;
    private final Contacts contacts;
    private final Projects projects;
    private final Tasks tasks;
    private final TransactionOperations transactions;
    private final Clock clock;

    Invoices(InvoiceRepository repository, InvoiceSenderRepository senders, People people, Contacts contacts,
             Projects projects, Tasks tasks, TransactionOperations transactions, Clock clock) {
        this.repository = repository;
        this.senders = senders;
        this.people = people;
        this.contacts = contacts;
        this.projects = projects;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Reads
    public List<Invoice> search(Actor actor, InvoiceQuery query) {
        actor.requireAdmin();
        return repository.search(actor.account(), query);
    }

    /** What of a client's time and expenses no invoice has billed yet: how many, from which day to which. */
    public record Unbilled(long entries, long expenses, LocalDate first, LocalDate last) {

        public long items() {
            return entries + expenses;
        }
    }

    /**
     * What a draft for {@code contactId} over {@code from}–{@code to} would bill (either end null:
     * open): to say, where a period has nothing, which days do.
     */
    @Reads
    public Unbilled unbilled(Actor actor, long contactId, LocalDate from, LocalDate to) {
        actor.requireAdmin();
        return repository.unbilled(actor.account(), contactId, from, to);
    }

    @Reads
    public Invoice get(Actor actor, long id) {
        actor.requireAdmin();
        return repository.find(actor.account(), id, false).orElseThrow(() -> new NotFound("Invoice", id));
    }

    @Transactional
    public Invoice draft(Actor actor, InvoiceDraft draft) {
        actor.requireAdmin();
        var problems = new Invalid.Collector();
        if (draft.contactId() == null) {
            problems.add("contact_id", "can't be blank");
        } else if (contacts.find(actor.account(), draft.contactId()).isEmpty()) {
            problems.add("contact_id", "does not name a contact in this account");
        }
        CalendarDays.check("from", draft.from(), problems);
        CalendarDays.check("to", draft.to(), problems);
        CalendarDays.check("date", draft.issuedOn(), problems);
        CalendarDays.check("due_date", draft.dueOn(), problems);
        if (draft.from() != null && draft.to() != null && draft.to().isBefore(draft.from())) {
            problems.add("to", "must not be before from");
        }
        var taxRate = draft.taxRate() == null ? BigDecimal.ZERO : draft.taxRate();
        if (taxRate.signum() < 0 || taxRate.compareTo(HUNDRED) > 0 || taxRate.stripTrailingZeros().scale() > 3) {
            problems.add("tax_rate", "must be a percentage from 0 to 100 with at most 3 decimal places");
        }
        if (draft.reference() != null && draft.reference().length() > 255) {
            problems.add("reference", "is too long (maximum is 255 characters)");
        }
        var account = actor.tenant();
        var issued = draft.issuedOn() != null ? draft.issuedOn() : LocalDate.now(clock.withZone(account.timeZone()));
        var due = draft.dueOn() != null ? draft.dueOn()
            : issued.plusDays(senders.find(actor.account()).paymentTermsDays());
        if (due.isBefore(issued)) {
            problems.add("due_date", "must not be before the invoice date");
        }
        problems.throwIfAny();

        var number = Long.toString(repository.nextNumber(actor.account()));
        var shell = new Invoice(0, draft.contactId(), number, blankToNull(draft.reference()), false, null, false,
            issued, due, account.currency(), taxRate, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, draft.from(),
            draft.to(), null, null, List.of(), BigDecimal.ZERO, null);
        long id = repository.insert(actor.account(), shell);
        var time = repository.claimEntries(actor.account(), id, draft.contactId(), draft.from(), draft.to());
        var spent = repository.claimExpenses(actor.account(), id, draft.contactId(), draft.from(), draft.to());
        if (time.isEmpty() && spent.isEmpty()) {
            throw new Invalid("base", "Nothing to invoice: the contact has no uninvoiced billable time or expenses"
                + " in that period");
        }
        var lines = new ArrayList<InvoiceLine>();
        timeLines(actor.account(), time, draft.grouping() == null ? LineGrouping.PROJECT : draft.grouping(), taxRate,
            lines);
        spent.stream().sorted(Comparator.comparing(InvoiceRepository.ClaimedExpense::day))
            .forEach(expense -> lines.add(line(lines.size() + 1, expense.description(), expense.quantity(),
                expense.unitAmount(), taxRate)));
        repository.insertLines(actor.account(), id, lines);
        repository.setTotals(actor.account(), id,
            lines.stream().map(InvoiceLine::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add),
            lines.stream().map(InvoiceLine::tax).reduce(BigDecimal.ZERO, BigDecimal::add));
        return repository.find(actor.account(), id, false).orElseThrow();
    }

    @Transactional
    public Invoice markSent(Actor actor, long id) {
        actor.requireAdmin();
        repository.find(actor.account(), id, true).orElseThrow(() -> new NotFound("Invoice", id));
        repository.markSent(actor.account(), id);
        return repository.find(actor.account(), id, false).orElseThrow();
    }

    @Transactional
    public Invoice archive(Actor actor, long id, boolean archived) {
        actor.requireAdmin();
        repository.find(actor.account(), id, true).orElseThrow(() -> new NotFound("Invoice", id));
        repository.archive(actor.account(), id, archived);
        return repository.find(actor.account(), id, false).orElseThrow();
    }

    /**
     * The invoice {@link #draft} would make, lines and totals, without making it: drafted in a
     * transaction that is then rolled back, so the preview is the draft by the same rules, and
     * nothing is claimed, numbered or stored.
     */
    public Invoice preview(Actor actor, InvoiceDraft draft) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return draft(actor, draft);
        });
    }

    /** The invoice as a PDF a client would accept: sender and client, lines, totals, payments, how to pay. */
    @Reads
    public byte[] document(Actor actor, long id) {
        var invoice = get(actor, id);
        var contact = contacts.names(actor.account(), List.of(invoice.contactId())).get(invoice.contactId());
        var address = contacts.find(actor.account(), invoice.contactId()).map(c -> c.address()).orElse(null);
        return InvoiceDocument.render(actor.tenant(), senders.find(actor.account()),
            contact == null ? "" : contact.name(), address, invoice, repository.payments(actor.account(), id),
            LocalDate.now(clock.withZone(actor.tenant().timeZone())));
    }

    /** What the account prints on its invoices. */
    @Reads
    public InvoiceSender sender(Actor actor) {
        return senders.find(actor.account());
    }

    @Transactional
    public InvoiceSender changeSender(Actor actor, InvoiceSender sender) {
        actor.requireAdmin();
        var problems = new Invalid.Collector();
        if (sender.address() != null && sender.address().length() > 1000) {
            problems.add("invoice_address", "is too long (maximum is 1000 characters)");
        }
        if (sender.taxId() != null && sender.taxId().length() > 100) {
            problems.add("invoice_tax_id", "is too long (maximum is 100 characters)");
        }
        if (sender.bankDetails() != null && sender.bankDetails().length() > 1000) {
            problems.add("invoice_bank_details", "is too long (maximum is 1000 characters)");
        }
        if (sender.paymentTermsDays() < 0 || sender.paymentTermsDays() > 365) {
            problems.add("invoice_payment_terms", "must be from 0 to 365 days");
        }
        // numbers are never reused: the sequence only moves on (a deleted draft's number stays taken too)
        long next = senders.find(actor.account()).nextNumber();
        if (sender.nextNumber() < next) {
            problems.add("invoice_next_number", "must be at least " + next + ": invoice numbers are never reused");
        }
        problems.throwIfAny();
        var kept = new InvoiceSender(blankToNull(sender.address()), blankToNull(sender.taxId()),
            sender.paymentTermsDays(), blankToNull(sender.bankDetails()), sender.nextNumber());
        senders.save(actor.account(), kept);
        return kept;
    }

    /** Records money received against a sent invoice: more than nothing, no more than is outstanding. */
    @Transactional
    public Invoice recordPayment(Actor actor, long id, BigDecimal amount, LocalDate paidOn, String note) {
        actor.requireAdmin();
        var invoice = repository.find(actor.account(), id, true).orElseThrow(() -> new NotFound("Invoice", id));
        if (!invoice.sent() || invoice.voidedAt() != null) {
            throw new Invalid("base", invoice.voidedAt() != null ? "A void invoice takes no payments"
                : "Only a sent invoice takes payments; mark it sent first");
        }
        var problems = new Invalid.Collector();
        if (amount == null) {
            problems.add("amount", "can't be blank");
        } else if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            problems.add("amount", "must be more than 0, to the cent");
        } else if (amount.compareTo(invoice.outstanding()) > 0) {
            problems.add("amount", "must not be more than the " + invoice.outstanding().toPlainString() + " "
                + invoice.currency() + " outstanding");
        }
        CalendarDays.check("paid_on", paidOn, problems);
        if (note != null && note.length() > 1000) {
            problems.add("note", "is too long (maximum is 1000 characters)");
        }
        problems.throwIfAny();
        var day = paidOn != null ? paidOn : LocalDate.now(clock.withZone(actor.tenant().timeZone()));
        repository.insertPayment(actor.account(), id, new Payment(0, amount.setScale(2), day, blankToNull(note)));
        return repository.find(actor.account(), id, false).orElseThrow();
    }

    @Reads
    public List<Payment> payments(Actor actor, long id) {
        get(actor, id);
        return repository.payments(actor.account(), id);
    }

    /**
     * Voids a sent invoice that has no payments: it stays, with its number (numbers are never
     * reused), and bills nothing; its time and expenses may be invoiced again.
     */
    @Transactional
    public Invoice voidInvoice(Actor actor, long id) {
        actor.requireAdmin();
        var invoice = repository.find(actor.account(), id, true).orElseThrow(() -> new NotFound("Invoice", id));
        if (!invoice.voidable()) {
            throw new Invalid("base", !invoice.sent() ? "A draft is deleted, not voided"
                : invoice.voidedAt() != null ? "The invoice is void already"
                : "An invoice with payments cannot be voided");
        }
        repository.voidSent(actor.account(), id);
        return repository.find(actor.account(), id, false).orElseThrow();
    }

    /**
     * Changes a draft's line — or adds one when {@code lineId} is null — by its description,
     * quantity and unit amount; its subtotal, tax and the invoice's totals follow (each line's tax
     * rounded half up to the cent, as a draft's are).
     */
    @Transactional
    public Invoice changeLine(Actor actor, long id, Long lineId, String description, BigDecimal quantity,
                              BigDecimal unitAmount) {
        var invoice = draftToChange(actor, id);
        var problems = new Invalid.Collector();
        if (description == null || description.isBlank()) {
            problems.add("description", "can't be blank");
        } else if (description.length() > 2000) {
            problems.add("description", "is too long (maximum is 2000 characters)");
        }
        if (quantity == null) {
            problems.add("quantity", "can't be blank");
        } else if (quantity.signum() < 0 || quantity.stripTrailingZeros().scale() > 4
                || quantity.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            problems.add("quantity", "must be from 0 to 999999.9999");
        }
        if (unitAmount == null) {
            problems.add("unit_amount", "can't be blank");
        } else if (unitAmount.signum() < 0 || unitAmount.stripTrailingZeros().scale() > 2
                || unitAmount.compareTo(BigDecimal.valueOf(10_000_000_000L)) >= 0) {
            problems.add("unit_amount", "must be an amount from 0, to the cent");
        }
        if (lineId != null && invoice.lines().stream().noneMatch(l -> l.id() == lineId)) {
            throw new NotFound("Invoice line", lineId);
        }
        problems.throwIfAny();
        int position = lineId == null ? invoice.lines().size() + 1
            : invoice.lines().stream().filter(l -> l.id() == lineId).findFirst().orElseThrow().position();
        var line = line(position, description.strip(), quantity, unitAmount.setScale(2), invoice.taxRate());
        if (lineId == null) {
            repository.insertLines(actor.account(), id, List.of(line));
        } else {
            repository.updateLine(actor.account(), id, new InvoiceLine(lineId, position, line.description(),
                line.quantity(), line.unitAmount(), line.subtotal(), line.tax(), line.total()));
        }
        return retotal(actor, id);
    }

    /** Removes a line from a draft; its totals follow. */
    @Transactional
    public Invoice removeLine(Actor actor, long id, long lineId) {
        var invoice = draftToChange(actor, id);
        if (invoice.lines().stream().noneMatch(l -> l.id() == lineId)) {
            throw new NotFound("Invoice line", lineId);
        }
        repository.deleteLine(actor.account(), id, lineId);
        return retotal(actor, id);
    }

    private Invoice draftToChange(Actor actor, long id) {
        actor.requireAdmin();
        var invoice = repository.find(actor.account(), id, true).orElseThrow(() -> new NotFound("Invoice", id));
        if (invoice.sent()) {
            throw new Invalid("base", "A sent invoice's lines cannot change");
        }
        return invoice;
    }

    private Invoice retotal(Actor actor, long id) {
        var lines = repository.find(actor.account(), id, false).orElseThrow().lines();
        repository.setTotals(actor.account(), id,
            lines.stream().map(InvoiceLine::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add),
            lines.stream().map(InvoiceLine::tax).reduce(BigDecimal.ZERO, BigDecimal::add));
        return repository.find(actor.account(), id, false).orElseThrow();
    }

    /** Deletes a draft; its time and expenses are free to be invoiced again. Sent invoices stay. */
    @Transactional
    public void deleteDraft(Actor actor, long id) {
        actor.requireAdmin();
        var invoice = repository.find(actor.account(), id, true).orElseThrow(() -> new NotFound("Invoice", id));
        if (invoice.sent()) {
            throw new Invalid("base", "A sent invoice cannot be deleted; archive it instead");
        }
        repository.deleteDraft(actor.account(), id);
    }

    /** Groups time by the chosen dimension and, within it, by rate: one line each. */
    private void timeLines(AccountId account, List<InvoiceRepository.Claimed> time, LineGrouping grouping,
                           BigDecimal taxRate, List<InvoiceLine> lines) {
        var labels = labels(account, time, grouping);
        var groups = new LinkedHashMap<List<Object>, List<InvoiceRepository.Claimed>>();
        time.stream()
            .sorted(Comparator.comparing(InvoiceRepository.Claimed::day).thenComparing(InvoiceRepository.Claimed::id))
            .forEach(entry -> groups.computeIfAbsent(
                List.of(grouping == LineGrouping.ENTRY ? entry.id() : labels.apply(entry), entry.rate()),
                key -> new ArrayList<>()).add(entry));
        for (var group : groups.entrySet()) {
            var first = group.getValue().get(0);
            // each entry's hours and amount as Worth rounds them, so the line bills what a report shows
            var hours = BigDecimal.ZERO.setScale(2);
            var amount = BigDecimal.ZERO.setScale(2);
            for (var entry : group.getValue()) {
                hours = hours.add(Worth.hours(entry.seconds()));
                amount = amount.add(Worth.amount(entry.seconds(), entry.rate()));
            }
            var description = grouping == LineGrouping.ENTRY
                ? first.day() + (first.description().isBlank() ? "" : " " + first.description())
                : labels.apply(first);
            lines.add(line(lines.size() + 1, description, hours, first.rate(), amount, taxRate));
        }
    }

    private Function<InvoiceRepository.Claimed, String> labels(AccountId account, List<InvoiceRepository.Claimed> time,
                                                               LineGrouping grouping) {
        return switch (grouping) {
            case PROJECT -> {
                var names = projects.names(account, ids(time, InvoiceRepository.Claimed::projectId));
                yield entry -> name(names, entry.projectId(), "Time without a project");
            }
            case TASK -> {
                var names = tasks.names(account, ids(time, InvoiceRepository.Claimed::taskId));
                yield entry -> name(names, entry.taskId(), "Time without a task");
            }
            case PERSON -> {
                var members = people.members(account, null).stream()
                    .collect(Collectors.toMap(Member::id, Member::name));
                yield entry -> members.getOrDefault(entry.membershipId(), "Someone");
            }
            case ENTRY -> entry -> entry.description();
        };
    }

    private static InvoiceLine line(int position, String description, BigDecimal quantity, BigDecimal unit,
                                    BigDecimal taxRate) {
        return line(position, description, quantity, unit, quantity.multiply(unit).setScale(2, RoundingMode.HALF_UP),
            taxRate);
    }

    private static InvoiceLine line(int position, String description, BigDecimal quantity, BigDecimal unit,
                                    BigDecimal subtotal, BigDecimal taxRate) {
        var tax = subtotal.multiply(taxRate).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        return new InvoiceLine(0, position, description, quantity, unit, subtotal, tax, subtotal.add(tax));
    }

    private static List<Long> ids(List<InvoiceRepository.Claimed> time,
                                  Function<InvoiceRepository.Claimed, Long> id) {
        return time.stream().map(id).filter(Objects::nonNull).distinct().toList();
    }

    private static String name(Map<Long, Named> names, Long id, String none) {
        var named = id == null ? null : names.get(id);
        return named == null ? none : named.name();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
