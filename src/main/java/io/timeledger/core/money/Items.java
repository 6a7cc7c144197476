package io.timeledger.core.money;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's item catalog: everyone reads it, admins change it. */
@Service
public class Items {

    private static final long MAX_CENTS = 99_999_999_999L;

    private final ItemRepository repository;

    Items(ItemRepository repository) {
        this.repository = repository;
    }

    @Reads
    public List<Item> list(AccountId account) {
        return repository.list(account);
    }

    @Reads
    public Optional<Item> find(AccountId account, long id) {
        return repository.find(account, id);
    }

    @Transactional
    public Item create(Actor actor, Field<String> name, Field<String> description, Field<Long> rateCents) {
        actor.requireAdmin();
        return repository.insert(actor.account(), apply(new Item(0, null, null, 0), name, description, rateCents));
    }

    @Transactional
    public Item update(Actor actor, long id, Field<String> name, Field<String> description, Field<Long> rateCents) {
        actor.requireAdmin();
        var current = find(actor.account(), id).orElseThrow(() -> new NotFound("Item", id));
        return repository.update(actor.account(), id, apply(current, name, description, rateCents));
    }

    /** Removes the item from the catalog; expenses that used it keep their amounts. */
    @Transactional
    public void delete(Actor actor, long id) {
        actor.requireAdmin();
        if (!repository.delete(actor.account(), id)) {
            throw new NotFound("Item", id);
        }
    }

    private static Item apply(Item current, Field<String> name, Field<String> description, Field<Long> rateCents) {
        var problems = new Invalid.Collector();
        var newName = name.orElse(current.name());
        if (newName == null || newName.isBlank()) {
            problems.add("name", "can't be blank");
        } else if (newName.length() > 255) {
            problems.add("name", "is too long (maximum is 255 characters)");
        }
        var newDescription = description.orElse(current.description());
        if (newDescription != null && newDescription.length() > 2000) {
            problems.add("description", "is too long (maximum is 2000 characters)");
        }
        Long cents = rateCents.orElse(current.defaultRateCents());
        if (cents == null || cents < 0 || cents > MAX_CENTS) {
            problems.add("default_rate_cents", "must be a whole number of cents from 0 to " + MAX_CENTS);
        }
        problems.throwIfAny();
        return new Item(current.id(), newName.strip(), newDescription, cents);
    }
}
