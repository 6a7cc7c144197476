package io.timeledger.core.time;

import io.timeledger.core.account.Actor;
import io.timeledger.core.account.Member;
import io.timeledger.core.account.People;
import io.timeledger.core.account.Role;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Forbidden;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.Locked;
import io.timeledger.core.common.NotFound;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logged time: search, log, change, delete, and redock (back into the dock). Members see and
 * change only their own entries; managers see everyone's; admins change everyone's.
 */
@Service
public class Entries {

    private final EntryRepository entries;
    private final DockRepository docks;
    private final Docks dock;
    private final Clockwork clockwork;
    private final WorkResolver works;
    private final RateResolver rates;
    private final People people;

    Entries(EntryRepository entries, DockRepository docks, Docks dock, Clockwork clockwork, WorkResolver works,
            RateResolver rates, People people) {
        this.entries = entries;
        this.docks = docks;
        this.dock = dock;
        this.clockwork = clockwork;
        this.works = works;
        this.rates = rates;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public List<Entry> search(Actor actor, EntryQuery query) {
        if (actor.role() == Role.MEMBER) {
            boolean others = query.memberships() != null
                    && query.memberships().stream().anyMatch(id -> id != actor.membershipId())
                || query.legacyUserIds() != null
                    && query.legacyUserIds().stream().anyMatch(id -> id != actor.userId());
            if (others) {
                throw new Forbidden("Members can see only their own entries");
            }
            query = new EntryQuery(false, null, null, query.contacts(), query.projects(), query.tasks(),
                query.from(), query.to(), query.since(), query.limit(), query.offset());
        }
        return entries.search(actor.account(), actor.membershipId(), query);
    }

    @Transactional(readOnly = true)
    public Entry get(Actor actor, long id) {
        var entry = entries.find(actor.account(), id, false).orElseThrow(() -> new NotFound("Entry", id));
        requireVisible(actor, entry);
        return entry;
    }

    /** Logs an entry on its date; without a date, starts it as a running timer in the dock. */
    @Transactional
    public Entry create(Actor actor, EntryChanges changes) {
        var owner = owner(actor, changes.membershipId());
        var problems = new Invalid.Collector();
        EntryRules.check(changes, problems);
        var work = works.resolve(actor.account(), changes, null, problems);
        problems.throwIfAny();

        var now = clockwork.now();
        var draft = EntryDraft.newFor(owner.id());
        draft.description = Objects.requireNonNullElse(changes.description().orElse(null), "");
        draft.durationSeconds = Objects.requireNonNullElse(changes.duration().orElse(null), 0L);
        draft.work(work, rates.resolve(owner, work));
        var date = changes.date().orElse(null);
        if (date != null) {
            draft.logged = true;
            draft.spentOn = date;
            draft.loggedAt = now;
            return find(actor, entries.insert(actor.account(), draft));
        }
        docks.lock(actor.account(), owner.id());
        clockwork.clearDock(actor.account(), owner, now);
        draft.start(now);
        long id = entries.insert(actor.account(), draft);
        docks.bump(actor.account(), owner.id(), null);
        return find(actor, id);
    }

    /** Changes an entry; an entry in the dock changes as the dock does (its version moves on). */
    @Transactional
    public Entry update(Actor actor, long id, EntryChanges changes) {
        var entry = lockForChange(actor, id);
        requireChangeable(actor, entry);
        if (!entry.logged()) {
            var logged = changes.date().orElse(null) != null ? Field.of(true) : Field.<Boolean>absent();
            var result = dock.change(actor, owner(actor, Field.of(entry.membershipId())),
                new DockChanges(changes, Field.absent(), logged, null, null, null), false);
            return find(actor, result.entry().id());
        }
        var owner = changes.membershipId().isGiven() ? owner(actor, changes.membershipId())
            : people.member(actor.account(), entry.membershipId());
        var problems = new Invalid.Collector();
        EntryRules.check(changes, problems);
        if (changes.date().isGiven() && changes.date().orElse(null) == null) {
            problems.add("date", "can't be blank for a logged entry");
        }
        var draft = EntryDraft.of(entry);
        boolean reprice = changes.changesWork() || owner.id() != entry.membershipId();
        Work work = reprice ? works.resolve(actor.account(), changes, entry, problems) : null;
        problems.throwIfAny();

        var now = clockwork.now();
        draft.membershipId = owner.id();
        if (work != null) {
            draft.work(work, rates.resolve(owner, work));
        }
        if (changes.description().isGiven()) {
            draft.description = Objects.requireNonNullElse(changes.description().orElse(null), "");
        }
        if (changes.duration().isGiven()) {
            draft.duration(changes.duration().orElse(null), now);
        }
        if (changes.date().isGiven()) {
            draft.spentOn = changes.date().orElse(null);
        }
        entries.update(actor.account(), id, draft, work != null);
        return find(actor, id);
    }

    @Transactional
    public void delete(Actor actor, long id) {
        var entry = lockForChange(actor, id);
        requireChangeable(actor, entry);
        if (!entry.logged()) {
            entries.delete(actor.account(), id);
            docks.bump(actor.account(), entry.membershipId(), null);
            return;
        }
        entries.delete(actor.account(), id);
    }

    /**
     * Moves one of the caller's logged entries back into their dock, its timer running. What the
     * dock held is logged first; if that was under a minute, its seconds join the redocked entry.
     */
    @Transactional
    public Entry redock(Actor actor, long id) {
        var found = entries.find(actor.account(), id, false).orElseThrow(() -> new NotFound("Entry", id));
        requireVisible(actor, found);
        if (found.membershipId() != actor.membershipId()) {
            throw new Forbidden("Only your own entries can go into your dock");
        }
        docks.lock(actor.account(), actor.membershipId());
        var entry = entries.find(actor.account(), id, true).orElseThrow(() -> new NotFound("Entry", id));
        if (!entry.logged()) {
            return entry;
        }
        requireUnlocked(entry);
        var owner = people.member(actor.account(), actor.membershipId());
        var now = clockwork.now();
        long carried = clockwork.clearDock(actor.account(), owner, now);
        var draft = EntryDraft.of(entry);
        draft.durationSeconds += carried;
        draft.dock(now);
        entries.update(actor.account(), id, draft, false);
        docks.bump(actor.account(), owner.id(), null);
        return find(actor, id);
    }

    /**
     * The entry, locked for a change. Every path that touches timers locks the person's dock row
     * before any entry row, so two requests never wait on each other's locks in opposite order.
     */
    private Entry lockForChange(Actor actor, long id) {
        var found = entries.find(actor.account(), id, false).orElseThrow(() -> new NotFound("Entry", id));
        if (!found.logged() || found.running()) {
            docks.lock(actor.account(), found.membershipId());
        }
        return entries.find(actor.account(), id, true).orElseThrow(() -> new NotFound("Entry", id));
    }

    private Entry find(Actor actor, long id) {
        return entries.find(actor.account(), id, false).orElseThrow(() -> new NotFound("Entry", id));
    }

    /** Whose entry it is: the caller, or (for an admin) the person named. */
    private Member owner(Actor actor, Field<Long> membershipId) {
        Long id = membershipId.orElse(null);
        if (id == null || id == actor.membershipId()) {
            return people.member(actor.account(), actor.membershipId());
        }
        if (actor.role() != Role.ADMIN) {
            throw new Forbidden("Only admins can track time for someone else");
        }
        return people.findMember(actor.account(), id)
            .orElseThrow(() -> new Invalid("user_account_id", "does not name a user in this account"));
    }

    private static void requireVisible(Actor actor, Entry entry) {
        if (actor.role() == Role.MEMBER && entry.membershipId() != actor.membershipId()) {
            throw new Forbidden("Members can see only their own entries");
        }
    }

    private static void requireChangeable(Actor actor, Entry entry) {
        if (actor.role() != Role.ADMIN && entry.membershipId() != actor.membershipId()) {
            throw new Forbidden("You can change only your own entries");
        }
        requireUnlocked(entry);
    }

    private static void requireUnlocked(Entry entry) {
        var lock = entry.lock();
        if (lock != null) {
            throw new Locked(lock);
        }
    }
}
