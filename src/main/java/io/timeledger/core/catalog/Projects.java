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

/** Projects, each belonging to one contact of the same account. */
@Service
public class Projects {

    private final ProjectRepository repository;
    private final ContactRepository contacts;
    private final BudgetClock budgets;
    private final CatalogNames names;
    private final CatalogCache cache;

    Projects(ProjectRepository repository, ContactRepository contacts, BudgetClock budgets, CatalogNames names,
             CatalogCache cache) {
        this.repository = repository;
        this.contacts = contacts;
        this.budgets = budgets;
        this.names = names;
        this.cache = cache;
    }

    /** Names by id, deleted records included: what existing time still points at. */
    public Map<Long, Named> names(AccountId account, Collection<Long> ids) {
        return names.of(account, List.of(), ids, List.of()).projects();
    }

    /** Filters are null when not applied. */
    @Reads
    public List<Project> list(AccountId account, Long contactId, Boolean active) {
        return repository.list(account, budgets.periods(account), contactId, active);
    }

    /**
     * The live, active projects by name, without their budgets' progress (null): what a picker
     * lists, remembered until the catalog changes. The progress sums each budgeted project's time; ask
     * {@link #get} for the few that need it.
     */
    @Reads
    public List<Project> active(AccountId account) {
        return cache.active(cache.activeProjects, account, () -> repository.activePlain(account));
    }

    @Reads
    public Project get(AccountId account, long id) {
        return repository.find(account, budgets.periods(account), id, false)
            .orElseThrow(() -> new NotFound("Project", id));
    }

    /** The live project, if there is one with this id, without its budget progress (null). */
    @Reads
    public Optional<Project> find(AccountId account, long id) {
        return repository.findPlain(account, id);
    }

    /** The live project whose short code is {@code code}, ignoring case: what a {@code #code} names; without its budget progress. */
    @Reads
    public Optional<Project> byShortCode(AccountId account, String code) {
        return repository.findByShortCode(account, code);
    }

    @Transactional
    public Project create(Actor actor, Field<Long> contactId, DetailChanges fields) {
        actor.requireManager();
        var problems = new Invalid.Collector();
        Long contact = contactId.orElse(null);
        if (contact == null) {
            problems.add("contact_id", "can't be blank");
        }
        var details = applyCollecting(problems, fields, Details.DEFAULTS);
        problems.throwIfAny();
        requireLiveContact(actor.account(), contact);
        requireUniqueShortCode(actor.account(), details, 0);
        return repository.insert(actor.account(), budgets.periods(actor.account()), contact, details);
    }

    @Transactional
    public Project update(Actor actor, long id, Field<Long> contactId, DetailChanges changes) {
        actor.requireManager();
        var periods = budgets.periods(actor.account());
        var current = repository.find(actor.account(), periods, id, true)
            .orElseThrow(() -> new NotFound("Project", id));
        var problems = new Invalid.Collector();
        Long contact = contactId.orElse(current.contactId());
        if (contact == null) {
            problems.add("contact_id", "can't be blank");
        }
        var details = applyCollecting(problems, changes, current.details());
        problems.throwIfAny();
        if (contact != current.contactId()) {
            requireLiveContact(actor.account(), contact);
        }
        requireUniqueShortCode(actor.account(), details, id);
        return repository.update(actor.account(), periods, id, contact, details);
    }

    /** Removes the project from the catalog; time tracked against it is kept. */
    @Transactional
    public void delete(Actor actor, long id) {
        actor.requireManager();
        if (!repository.delete(actor.account(), id)) {
            throw new NotFound("Project", id);
        }
    }

    private static Details applyCollecting(Invalid.Collector problems, DetailChanges changes, Details current) {
        try {
            return changes.applyTo(current);
        } catch (Invalid invalid) {
            problems.addAll(invalid);
            return current;
        }
    }

    private void requireLiveContact(AccountId account, long contactId) {
        if (!contacts.lockLive(account, contactId)) {
            throw new Invalid("contact_id", "does not name a contact in this account");
        }
    }

    private void requireUniqueShortCode(AccountId account, Details details, long exceptId) {
        if (details.shortCode() != null && repository.shortCodeTaken(account, details.shortCode(), exceptId)) {
            throw new Invalid("short_code", "has already been taken");
        }
    }
}
