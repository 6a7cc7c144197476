package io.timeledger.core.money;

import io.timeledger.core.account.Accounts;
import io.timeledger.core.account.Actor;
import io.timeledger.core.account.People;
import io.timeledger.core.account.Role;
import io.timeledger.core.catalog.Contacts;
import io.timeledger.core.catalog.Projects;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.CalendarDays;
import io.timeledger.core.common.FileTypes;
import io.timeledger.core.common.Forbidden;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.Locked;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expenses, when the account has them enabled. Everyone records their own; admins see and
 * change anyone's. An invoiced expense is locked.
 */
@Service
public class Expenses {

    private static final BigDecimal MAX_QUANTITY = new BigDecimal("99999999");

    /** The largest receipt kept: 5 MB, a phone's photo of a till slip or a PDF invoice. */
    public static final int MAX_RECEIPT_BYTES = 5 * 1024 * 1024;

    private final ExpenseRepository repository;
    private final ReceiptRepository receipts;
    private final Accounts accounts;
    private final People people;
    private final Items items;
    private final Contacts contacts;
    private final Projects projects;

    Expenses(ExpenseRepository repository, ReceiptRepository receipts, Accounts accounts, People people, Items items,
             Contacts contacts, Projects projects) {
        this.repository = repository;
        this.receipts = receipts;
        this.accounts = accounts;
        this.people = people;
        this.items = items;
        this.contacts = contacts;
        this.projects = projects;
    }

    @Reads
    public List<Expense> search(Actor actor, ExpenseQuery query) {
        requireEnabled(actor.account());
        if (actor.role() != Role.ADMIN) {
            if (query.membershipId() != null && query.membershipId() != actor.membershipId()) {
                throw new Forbidden("Only admins can see other people's expenses");
            }
            query = new ExpenseQuery(query.contactId(), query.projectId(), actor.membershipId(), query.from(),
                query.to(), query.since(), query.invoiced(), query.limit(), query.offset());
        }
        return repository.search(actor.account(), query);
    }

    @Reads
    public Expense get(Actor actor, long id) {
        requireEnabled(actor.account());
        var expense = repository.find(actor.account(), id, false).orElseThrow(() -> new NotFound("Expense", id));
        requireOwnOrAdmin(actor, expense);
        return expense;
    }

    @Transactional
    public Expense create(Actor actor, ExpenseChanges changes) {
        requireEnabled(actor.account());
        var problems = new Invalid.Collector();
        if (changes.description().orElse(null) == null) {
            problems.add("description", "can't be blank");
        }
        if (changes.date().orElse(null) == null) {
            problems.add("date", "can't be blank");
        }
        if (changes.itemId().orElse(null) == null && changes.rateCents().orElse(null) == null) {
            problems.add("rate_cents", "or item_id is needed to price the expense");
        }
        problems.throwIfAny();
        var blank = new Expense(0, actor.membershipId(), null, null, null, null, BigDecimal.ONE, BigDecimal.ZERO,
            BigDecimal.ZERO, null, null, false, false, null, null);
        var expense = apply(actor, blank, changes);
        return repository.find(actor.account(), repository.insert(actor.account(), expense), false).orElseThrow();
    }

    @Transactional
    public Expense update(Actor actor, long id, ExpenseChanges changes) {
        requireEnabled(actor.account());
        var current = repository.find(actor.account(), id, true).orElseThrow(() -> new NotFound("Expense", id));
        requireOwnOrAdmin(actor, current);
        if (current.invoiceId() != null) {
            throw new Locked("The expense has been invoiced");
        }
        repository.update(actor.account(), apply(actor, current, changes));
        return repository.find(actor.account(), id, false).orElseThrow();
    }

    @Transactional
    public void delete(Actor actor, long id) {
        requireEnabled(actor.account());
        var current = repository.find(actor.account(), id, true).orElseThrow(() -> new NotFound("Expense", id));
        requireOwnOrAdmin(actor, current);
        if (current.invoiced()) {
            throw new Locked("The expense has been invoiced");
        }
        repository.delete(actor.account(), id);
    }

    /**
     * Keeps {@code bytes} as the expense's receipt (replacing any), for its owner or an
     * administrator: a picture or a PDF — told by its bytes — of at most {@link #MAX_RECEIPT_BYTES}.
     */
    @Transactional
    public void attachReceipt(Actor actor, long id, String fileName, byte[] bytes) {
        get(actor, id);
        if (bytes == null || bytes.length == 0) {
            throw new Invalid("receipt", "can't be blank: choose a picture or a PDF");
        }
        if (bytes.length > MAX_RECEIPT_BYTES) {
            throw new Invalid("receipt", "is too large (at most " + MAX_RECEIPT_BYTES / (1024 * 1024) + " MB)");
        }
        var type = FileTypes.pictureOrPdf(bytes)
            .orElseThrow(() -> new Invalid("receipt", "must be a picture (PNG, JPEG, GIF, WebP) or a PDF"));
        var name = fileName == null || fileName.isBlank() ? "receipt" : fileName.strip();
        receipts.store(actor.account(), id, new Receipt(type, name.length() > 255 ? name.substring(0, 255) : name,
            bytes));
    }

    /** Records an expense with its receipt, both or neither: a receipt refused leaves no expense behind. */
    @Transactional
    public Expense create(Actor actor, ExpenseChanges changes, String receiptName, byte[] receipt) {
        var expense = create(actor, changes);
        if (receipt != null && receipt.length > 0) {
            attachReceipt(actor, expense.id(), receiptName, receipt);
        }
        return expense;
    }

    /** The expense's receipt, to those who may see the expense. */
    @Reads
    public Optional<Receipt> receipt(Actor actor, long id) {
        get(actor, id);
        return receipts.find(actor.account(), id);
    }

    @Transactional
    public void removeReceipt(Actor actor, long id) {
        get(actor, id);
        if (!receipts.remove(actor.account(), id)) {
            throw new NotFound("Receipt", id);
        }
    }

    /** Which of the expenses have a receipt. */
    @Reads
    public Set<Long> withReceipts(Actor actor, Collection<Long> ids) {
        return receipts.withReceipts(actor.account(), ids);
    }

    private Expense apply(Actor actor, Expense current, ExpenseChanges changes) {
        var problems = new Invalid.Collector();
        long member = current.membershipId();
        if (changes.membershipId().orElse(null) != null && changes.membershipId().orElse(null) != member) {
            if (actor.role() != Role.ADMIN) {
                throw new Forbidden("Only admins can record expenses for someone else");
            }
            member = changes.membershipId().orElse(null);
            if (people.findMember(actor.account(), member).isEmpty()) {
                problems.add("user_account_id", "does not name a user in this account");
            }
        }
        var description = changes.description().orElse(current.description());
        if (description == null || description.isBlank()) {
            problems.add("description", "can't be blank");
        } else if (description.length() > 2000) {
            problems.add("description", "is too long (maximum is 2000 characters)");
        }
        var item = current.item();
        var quantity = current.quantity();
        var unit = current.unitAmount();
        Long itemId = changes.itemId().orElse(null);
        if (itemId != null) {
            item = items.find(actor.account(), itemId).orElse(null);
            if (item == null) {
                problems.add("item_id", "does not name an item in this account");
            } else {
                unit = BigDecimal.valueOf(item.defaultRateCents(), 2);
            }
            quantity = changes.quantity().orElse(quantity);
        } else if (changes.rateCents().orElse(null) != null) {
            long cents = changes.rateCents().orElse(null);
            if (cents < 0 || cents > 99_999_999_999L) {
                problems.add("rate_cents", "must be a whole number of cents from 0 to 99999999999");
            }
            item = null;
            unit = BigDecimal.valueOf(cents, 2);
            quantity = BigDecimal.ONE;
        } else {
            quantity = changes.quantity().orElse(quantity);
        }
        if (quantity == null || quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) > 0
                || quantity.stripTrailingZeros().scale() > 4) {
            problems.add("quantity", "must be a number above 0 with at most 4 decimal places");
        }
        var date = changes.date().orElse(current.date());
        if (date == null) {
            problems.add("date", "can't be blank");
        }
        CalendarDays.check("date", date, problems);
        Long projectId = changes.projectId().orElse(current.projectId());
        Long contactId = changes.contactId().orElse(current.contactId());
        if (changes.projectId().isGiven() && projectId != null) {
            var project = projects.find(actor.account(), projectId);
            if (project.isEmpty()) {
                problems.add("project_id", "does not name a project in this account");
            } else {
                contactId = project.get().contactId();
            }
        }
        if (changes.contactId().isGiven() && contactId != null && !changes.projectId().isGiven()
                && contacts.find(actor.account(), contactId).isEmpty()) {
            problems.add("contact_id", "does not name a contact in this account");
        }
        var manual = changes.manuallyInvoiced().orElse(current.manuallyInvoiced());
        var writtenOff = changes.writtenOff().orElse(current.writtenOff());
        if (manual == null) {
            problems.add("manually_invoiced", "must be true or false");
        }
        if (writtenOff == null) {
            problems.add("written_off", "must be true or false");
        }
        problems.throwIfAny();
        return new Expense(current.id(), member, contactId, projectId, item, description.strip(), quantity, unit,
            ExpenseRepository.amount(quantity, unit), date, current.invoiceId(), manual, writtenOff,
            current.createdAt(), current.updatedAt());
    }

    private void requireEnabled(AccountId account) {
        if (!accounts.get(account).preferences().expensesEnabled()) {
            throw new Invalid("base", "The Expenses feature is not enabled for this account; an admin can turn it on");
        }
    }

    private static void requireOwnOrAdmin(Actor actor, Expense expense) {
        if (actor.role() != Role.ADMIN && !Objects.equals(expense.membershipId(), actor.membershipId())) {
            throw new Forbidden("You can see and change only your own expenses");
        }
    }
}
