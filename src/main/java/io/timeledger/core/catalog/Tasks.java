package io.timeledger.core.catalog;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's kinds of work. Names are unique per account, since #hashtags name tasks. */
@Service
public class Tasks {

    private static final Task BLANK = new Task(0, null, false, null, true, true, 0L, null, null);

    private final TaskRepository repository;
    private final CatalogNames names;
    private final CatalogCache cache;

    Tasks(TaskRepository repository, CatalogNames names, CatalogCache cache) {
        this.repository = repository;
        this.names = names;
        this.cache = cache;
    }

    /** Names by id, deleted records included: what existing time still points at. */
    public Map<Long, Named> names(AccountId account, Collection<Long> ids) {
        return names.of(account, List.of(), List.of(), ids).tasks();
    }

    @Reads
    public List<Task> list(AccountId account) {
        return repository.list(account);
    }

    /**
     * The active tasks by name, without their counts of entries (which read every entry of each): what
     * a picker lists, remembered until the catalog changes.
     */
    @Reads
    public List<Task> active(AccountId account) {
        return cache.active(cache.activeTasks, account, () -> repository.activePlain(account));
    }

    @Reads
    public Task get(AccountId account, long id) {
        return repository.find(account, id, false).orElseThrow(() -> new NotFound("Task", id));
    }

    /**
     * The tasks with these ids, in the order given, without their entries count; ids that name no
     * task of the account are left out.
     */
    @Reads
    public List<Task> withIds(AccountId account, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var found = repository.findAll(account, ids);
        var byId = new HashMap<Long, Task>();
        found.forEach(task -> byId.put(task.id(), task));
        return ids.stream().distinct().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * The tasks a {@code #hashtag} names: by name ignoring case, spaces left out
     * ({@code #graphicdesign} names "Graphic Design"); without their entries count.
     */
    @Reads
    public List<Task> tagged(AccountId account, Collection<String> tags) {
        if (tags.isEmpty()) {
            return List.of();
        }
        return repository.findByTags(account, tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
    }

    @Transactional
    public Task create(Actor actor, TaskChanges fields) {
        actor.requireManager();
        var task = fields.applyTo(BLANK);
        requireUniqueName(actor.account(), task);
        return repository.insert(actor.account(), task);
    }

    @Transactional
    public Task update(Actor actor, long id, TaskChanges changes) {
        actor.requireManager();
        var current = repository.find(actor.account(), id, true).orElseThrow(() -> new NotFound("Task", id));
        var task = changes.applyTo(current);
        requireUniqueName(actor.account(), task);
        return repository.update(actor.account(), task);
    }

    /** Deletes the task; entries tagged with it lose the tag and keep their time. */
    @Transactional
    public void delete(Actor actor, long id) {
        delete(actor, id, false);
    }

    /** Deletes the task; with {@code onlyUnused} (Harvest's rule) it is refused while entries use it. */
    @Transactional
    public void delete(Actor actor, long id, boolean onlyUnused) {
        actor.requireManager();
        if (onlyUnused && get(actor.account(), id).entriesCount() > 0) {
            throw new Invalid("base", "The task has time entries; archive it instead");
        }
        if (!repository.delete(actor.account(), id)) {
            throw new NotFound("Task", id);
        }
    }

    private void requireUniqueName(AccountId account, Task task) {
        if (repository.nameTaken(account, task.name(), task.id())) {
            throw new Invalid("name", "has already been taken");
        }
    }
}
