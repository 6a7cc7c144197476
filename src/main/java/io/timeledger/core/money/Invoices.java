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
    private final People people;
    private final Contacts contacts;
    private final Projects projects;
    private final Tasks tasks;
    private final Clock clock;

    Invoices(InvoiceRepository repository, People people, Contacts contacts, Projects projects,
             Tasks tasks, Clock clock) {
        this.repository = repository;
        this.people = people;
        this.contacts = contacts;
        this.projects = projects;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Reads
    public List<Invoice> search(Actor actor, InvoiceQuery query) {
        actor.requireAdmin();
        return repository.search(actor.account(), query);
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
        var due = draft.dueOn() != null ? draft.dueOn() : issued.plusDays(30);
        if (due.isBefore(issued)) {
            problems.add("due_date", "must not be before the invoice date");
        }
        problems.throwIfAny();

        var number = Long.toString(repository.nextNumber(actor.account()));
        var shell = new Invoice(0, draft.contactId(), number, blankToNull(draft.reference()), false, null, false,
            issued, due, account.currency(), taxRate, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, draft.from(),
            draft.to(), null, null, List.of());
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
