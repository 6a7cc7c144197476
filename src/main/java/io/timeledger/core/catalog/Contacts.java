package io.timeledger.core.catalog;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's clients. Everyone in the account reads them; admins and managers change them. */
@Service
public class Contacts {

    private final ContactRepository repository;
    private final BudgetClock budgets;
    private final CatalogNames names;

    Contacts(ContactRepository repository, BudgetClock budgets, CatalogNames names) {
        this.repository = repository;
        this.budgets = budgets;
        this.names = names;
    }

    /** Names by id, deleted records included: what existing time still points at. */
    public Map<Long, Named> names(AccountId account, Collection<Long> ids) {
        return names.of(account, ids, List.of(), List.of()).contacts();
    }

    /** Filters are null when not applied. */
    @Reads
    public List<Contact> list(AccountId account, Boolean active, Boolean pinned) {
        return repository.list(account, budgets.periods(account), active, pinned);
    }

    @Reads
    public Contact get(AccountId account, long id) {
        return repository.find(account, budgets.periods(account), id, false)
            .orElseThrow(() -> new NotFound("Contact", id));
    }

    /** The live contact, if there is one with this id, without its budget progress (null). */
    @Reads
    public Optional<Contact> find(AccountId account, long id) {
        return repository.findPlain(account, id);
    }

    /** The live contact whose short code is {@code code}, ignoring case: what an {@code @code} names; without its budget progress. */
    @Reads
    public Optional<Contact> byShortCode(AccountId account, String code) {
        return repository.findByShortCode(account, code);
    }

    @Transactional
    public Contact create(Actor actor, DetailChanges fields) {
        return create(actor, fields, Field.absent());
    }

    @Transactional
    public Contact create(Actor actor, DetailChanges fields, Field<String> address) {
        actor.requireManager();
        var details = fields.applyTo(Details.DEFAULTS);
        requireUniqueShortCode(actor.account(), details, 0);
        return repository.insert(actor.account(), budgets.periods(actor.account()), details,
            address(address.orElse(null)));
    }

    @Transactional
    public Contact update(Actor actor, long id, DetailChanges changes) {
        return update(actor, id, changes, Field.absent());
    }

    @Transactional
    public Contact update(Actor actor, long id, DetailChanges changes, Field<String> address) {
        actor.requireManager();
        var periods = budgets.periods(actor.account());
        var current = repository.find(actor.account(), periods, id, true)
            .orElseThrow(() -> new NotFound("Contact", id));
        var details = changes.applyTo(current.details());
        requireUniqueShortCode(actor.account(), details, id);
        return repository.update(actor.account(), periods, id, details, address(address.orElse(current.address())));
    }

    /** Removes the contact and its projects from the catalog; time tracked against them is kept. */
    @Transactional
    public void delete(Actor actor, long id) {
        delete(actor, id, false);
    }

    /**
     * Removes the contact; with {@code onlyWithoutProjects} (Harvest's rule) it is refused while
     * live projects belong to it, else its projects go with it. Time tracked against them is kept.
     */
    @Transactional
    public void delete(Actor actor, long id, boolean onlyWithoutProjects) {
        actor.requireManager();
        if (onlyWithoutProjects && repository.hasLiveProjects(actor.account(), id)) {
            throw new Invalid("base", "The client has projects; delete or move them first");
        }
        if (!repository.delete(actor.account(), id)) {
            throw new NotFound("Contact", id);
        }
    }

    private static String address(String value) {
        if (value != null && value.length() > 2000) {
            throw new Invalid("address", "is too long (maximum is 2000 characters)");
        }
        return value == null || value.isBlank() ? null : value;
    }

    private void requireUniqueShortCode(AccountId account, Details details, long exceptId) {
        if (details.shortCode() != null && repository.shortCodeTaken(account, details.shortCode(), exceptId)) {
            throw new Invalid("short_code", "has already been taken");
        }
    }
}
