package io.timeledger.core.catalog;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Jobs: priced pieces of a project, whose price type decides how time logged to them is billed. */
@Service
public class Jobs {

    private static final Job BLANK = new Job(0, 0, null, null, null, null, null, false, null, null, null);
    private static final long MAX_ESTIMATE_SECONDS = 10L * 365 * 24 * 3600;

    private final JobRepository repository;
    private final Projects projects;

    Jobs(JobRepository repository, Projects projects) {
        this.repository = repository;
        this.projects = projects;
    }

    /** {@code projectId} null for every job of the account. */
    @Reads
    public List<Job> list(AccountId account, Long projectId) {
        return repository.list(account, projectId);
    }

    @Reads
    public Job get(AccountId account, long id) {
        return repository.find(account, id, false).orElseThrow(() -> new NotFound("Job", id));
    }

    @Reads
    public Optional<Job> find(AccountId account, long id) {
        return repository.find(account, id, false);
    }

    @Transactional
    public Job create(Actor actor, JobChanges fields) {
        actor.requireManager();
        var problems = new Invalid.Collector();
        if (fields.projectId().orElse(null) == null) {
            problems.add("project_id", "can't be blank");
        }
        Job job = null;
        try {
            job = applyTo(actor.account(), BLANK, fields);
        } catch (Invalid invalid) {
            problems.addAll(invalid);
        }
        problems.throwIfAny();
        return repository.insert(actor.account(), job);
    }

    @Transactional
    public Job update(Actor actor, long id, JobChanges changes) {
        actor.requireManager();
        var current = repository.find(actor.account(), id, true).orElseThrow(() -> new NotFound("Job", id));
        return repository.update(actor.account(), applyTo(actor.account(), current, changes));
    }

    /** Removes the job; time logged to it keeps pointing at it. */
    @Transactional
    public Job delete(Actor actor, long id) {
        actor.requireManager();
        var job = get(actor.account(), id);
        repository.delete(actor.account(), id);
        return job;
    }

    private Job applyTo(AccountId account, Job current, JobChanges changes) {
        var problems = new Invalid.Collector();
        var name = Names.required(problems, "name", changes.name().orElse(current.name()), DetailChanges.NAME_MAX);
        var priceType = changes.priceType().orElse(current.priceType());
        if (priceType == null) {
            problems.add("price_type", "can't be blank");
        }
        BigDecimal price = changes.price().orElse(current.price());
        if (price == null) {
            problems.add("price", "can't be blank");
        } else {
            price = Money.amount(problems, "price", price, DetailChanges.RATE_MAX);
        }
        Long estimate = changes.estimateSeconds().orElse(current.estimateSeconds());
        if (estimate != null && (estimate < 0 || estimate > MAX_ESTIMATE_SECONDS)) {
            problems.add("estimate", "must be a number of seconds from 0 to " + MAX_ESTIMATE_SECONDS);
        }
        boolean completed = Flags.required(problems, "completed", changes.completed().orElse(current.completed()));
        Long projectId = changes.projectId().orElse(current.projectId());
        long contactId = current.contactId();
        if (changes.projectId().isGiven()) {
            if (projectId == null) {
                problems.add("project_id", "can't be blank");
            } else {
                var project = projects.find(account, projectId);
                if (project.isEmpty()) {
                    problems.add("project_id", "does not name a project in this account");
                } else {
                    contactId = project.get().contactId();
                }
            }
        }
        problems.throwIfAny();
        return new Job(current.id(), contactId, projectId, name, price, priceType, estimate, completed,
            current.unbilledFixedValue(), current.createdAt(), current.updatedAt());
    }
}
