package io.timeledger.core.catalog;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's kinds of work. Names are unique per account, since #hashtags name tasks. */
@Service
public class Tasks {

    private static final Task BLANK = new Task(0, null, false, null, 0, null, null);

    private final TaskRepository repository;

    Tasks(TaskRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public List<Task> list(AccountId account) {
        return repository.list(account);
    }

    @Transactional(readOnly = true)
    public Task get(AccountId account, long id) {
        return repository.find(account, id, false).orElseThrow(() -> new NotFound("Task", id));
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
        actor.requireManager();
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
