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
import io.timeledger.core.common.Reads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Logged time: search, log, change, delete, and redock (back into the dock). Members see and
 * change only their own entries; managers see everyone's; admins change everyone's.
 */
@Service
public class Entries {

    /** How far ahead of this server's clock a client's "now" may run. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final EntryRepository entries;
    private final DockRepository docks;
    private final Docks dock;
    private final Clockwork clockwork;
    private final WorkResolver works;
    private final RateResolver rates;
    private final People people;
    private final TransactionOperations transactions;

    Entries(EntryRepository entries, DockRepository docks, Docks dock, Clockwork clockwork, WorkResolver works,
            RateResolver rates, People people, TransactionOperations transactions) {
        this.entries = entries;
        this.docks = docks;
        this.dock = dock;
        this.clockwork = clockwork;
        this.works = works;
        this.rates = rates;
        this.people = people;
        this.transactions = transactions;
    }

    @Reads
    public List<Entry> search(Actor actor, EntryQuery query) {
        return entries.search(actor.account(), actor.membershipId(), visible(actor, query), true);
    }

    /** As {@link #search}, for dialects that show no tasks: the entries' tasks are not read ({@code taskIds} null). */
    @Reads
    public List<Entry> searchWithoutTasks(Actor actor, EntryQuery query) {
        return entries.search(actor.account(), actor.membershipId(), visible(actor, query), false);
    }

    /** How many entries the query finds in all, its limit and offset aside. */
    @Reads
    public long count(Actor actor, EntryQuery query) {
        return entries.count(actor.account(), actor.membershipId(), visible(actor, query));
    }

    /** The query narrowed to what the actor may see: a member, only their own entries. */
    private static EntryQuery visible(Actor actor, EntryQuery query) {
        if (!actor.seesOnlyOwnTime()) {
            return query;
        }
        actor.requireOwnTime(query.memberships(), query.legacyUserIds(), "Members can see only their own entries");
        return query.onlyOwn();
    }

    @Reads
    public Entry get(Actor actor, long id) {
        var entry = entries.find(actor.account(), id, false).orElseThrow(() -> new NotFound("Entry", id));
        requireVisible(actor, entry);
        return entry;
    }

    /**
     * Logs an entry on its date; without a date, starts it as a running timer in the dock. A logged
     * entry is one statement (the entry with its tasks), so it opens no transaction of its own: the
     * lookups before it are reads, and a transaction would only add a COMMIT round trip. Starting a
     * timer changes the dock as well, in one transaction.
     */
    public Created create(Actor actor, EntryChanges changes) {
        var owner = owner(actor, changes.membershipId());
        var problems = new Invalid.Collector();
        EntryRules.check(changes, problems);
        var work = works.resolve(owner, changes, null, problems);
        problems.throwIfAny();

        var now = clockwork.now();
        var draft = EntryDraft.newFor(owner.id());
        draft.description = Objects.requireNonNullElse(changes.description().orElse(null), "");
        draft.durationSeconds = Objects.requireNonNullElse(changes.duration().orElse(null), 0L);
        draft.externalReference = changes.externalReference().orElse(null);
        applySpan(draft, changes, now);
        draft.work(work, rates.resolve(owner, work));
        overrideBillable(draft, changes);
        var date = changes.date().orElse(null);
        if (date != null) {
            draft.logged = true;
            draft.spentOn = date;
            draft.loggedAt = now;
            return new Created(entries.insert(owner, draft), work.names());
        }
        var entry = transactions.execute(status -> {
            docks.lock(actor.account(), owner.id());
            clockwork.clearDock(actor.account(), owner, now);
            draft.start(now);
            var started = entries.insert(owner, draft);
            docks.bump(actor.account(), owner.id(), null);
            return started;
        });
        return new Created(entry, work.names());
    }

    /**
     * Logs an entry on its date with its timer running (Harvest's and Expensicat's running entries):
     * the timer that ran before stops, and what the dock held is logged, as when any timer starts.
     */
    /**
     * A new entry as Harvest, Expensicat and Paydirt make one, in one rule for all three: given a
     * duration or an end it is logged; given neither, its timer runs ({@link #start}), counting from
     * its start when one is given. Its day is the date given, else the day its start falls on in
     * the owner's time zone, else the owner's today. A logged entry is one statement and opens no
     * transaction (decision 010); a timer changes the dock too, in one.
     */
    public Created record(Actor actor, EntryChanges changes) {
        var owner = owner(actor, changes.membershipId());
        var startedAt = changes.startedAt().orElse(null);
        var date = changes.date().orElse(null);
        if (date == null) {
            date = startedAt != null ? Clockwork.dayOf(owner, startedAt) : clockwork.today(owner);
        }
        var dated = changes.date(Field.of(date));
        boolean running = changes.duration().orElse(null) == null && changes.endedAt().orElse(null) == null;
        return running ? transactions.execute(status -> start(actor, dated)) : create(actor, dated);
    }

    /**
     * Starts a running timer on a day (not in the dock), stopping the person's other one. Given a
     * start, the timer counts from it: a start in the future, or more than a day ago, is refused
     * (no entry is longer than 24 hours; past work is logged with its end).
     */
    @Transactional
    public Created start(Actor actor, EntryChanges changes) {
        var owner = owner(actor, changes.membershipId());
        var problems = new Invalid.Collector();
        EntryRules.check(changes, problems);
        var date = changes.date().orElse(null);
        if (date == null) {
            problems.add("date", "can't be blank");
        }
        var startedAt = changes.startedAt().orElse(null);
        boolean fromStart = startedAt != null && changes.duration().orElse(null) == null;
        if (fromStart) {
            var checked = clockwork.now();
            if (startedAt.isAfter(checked.plus(CLOCK_SKEW))) {
                problems.add("started_time", "of a running timer must not be in the future");
            } else if (startedAt.isBefore(checked.minusSeconds(EntryRules.MAX_DURATION_SECONDS))) {
                problems.add("started_time", "of a running timer must be within the last 24 hours; "
                    + "log past work with its end");
            }
        }
        var work = works.resolve(owner, changes, null, problems);
        problems.throwIfAny();

        docks.lock(actor.account(), owner.id());
        var now = clockwork.now();
        clockwork.clearDock(actor.account(), owner, now);
        var draft = EntryDraft.newFor(owner.id());
        draft.description = Objects.requireNonNullElse(changes.description().orElse(null), "");
        draft.durationSeconds = fromStart ? Math.max(0, Duration.between(startedAt, now).getSeconds())
            : Objects.requireNonNullElse(changes.duration().orElse(null), 0L);
        draft.externalReference = changes.externalReference().orElse(null);
        draft.startedAt = changes.startedAt().orElse(null);
        draft.work(work, rates.resolve(owner, work));
        overrideBillable(draft, changes);
        draft.logged = true;
        draft.spentOn = date;
        draft.loggedAt = now;
        draft.start(now);
        return new Created(entries.insert(owner, draft), work.names());
    }

    /** Starts a stopped entry's timer again; the timer that ran before stops. */
    @Transactional
    public Entry restart(Actor actor, long id) {
        var entry = lockForChange(actor, id);
        requireChangeable(actor, entry, false);
        if (entry.running()) {
            throw new Invalid("base", "The time entry is already running");
        }
        var owner = ownerOf(actor, entry);
        docks.lock(actor.account(), owner.id());
        var now = clockwork.now();
        if (entry.logged()) {
            clockwork.clearDock(actor.account(), owner, now);
        } else {
            clockwork.stopRunning(actor.account(), owner, id, now);
        }
        var draft = EntryDraft.of(entry);
        draft.start(now);
        draft.endedAt = null;
        var restarted = entries.update(entry, draft);
        bumpIfDocked(actor, entry);
        return restarted;
    }

    /** Stops a running entry's timer, keeping its seconds (and, tracked by start and end, its end). */
    @Transactional
    public Entry stop(Actor actor, long id) {
        var entry = lockForChange(actor, id);
        requireChangeable(actor, entry, false);
        if (!entry.running()) {
            throw new Invalid("base", "The time entry is not running");
        }
        var now = clockwork.now();
        var draft = EntryDraft.of(entry);
        draft.pause(now);
        if (draft.startedAt != null) {
            draft.endedAt = now;
        }
        var stopped = entries.update(entry, draft);
        bumpIfDocked(actor, entry);
        return stopped;
    }

    /** Forgets the record in another service that the entry was tracked from. */
    @Transactional
    public Entry clearExternalReference(Actor actor, long id) {
        var entry = lockForChange(actor, id);
        requireChangeable(actor, entry, false);
        var draft = EntryDraft.of(entry);
        draft.externalReference = null;
        return entries.update(entry, draft);
    }

    /** Changes an entry; an entry in the dock changes as the dock does (its version moves on). */
    @Transactional
    public Entry update(Actor actor, long id, EntryChanges changes) {
        var entry = lockForChange(actor, id);
        requireChangeable(actor, entry, false);
        if (!entry.logged()) {
            var result = dock.change(actor, ownerOf(actor, entry), DockChanges.unversioned(changes, Field.absent()),
                false);
            return result.entry();
        }
        var owner = changes.membershipId().isGiven() ? owner(actor, changes.membershipId()) : ownerOf(actor, entry);
        var problems = new Invalid.Collector();
        EntryRules.check(changes, problems);
        if (changes.date().isGiven() && changes.date().orElse(null) == null) {
            problems.add("date", "can't be blank for a logged entry");
        }
        var draft = EntryDraft.of(entry);
        boolean reprice = changes.changesWork() || owner.id() != entry.membershipId();
        Work work = reprice ? works.resolve(owner, changes, entry, problems) : null;
        problems.throwIfAny();

        var now = clockwork.now();
        draft.membershipId = owner.id();
        if (work != null) {
            draft.work(work, rates.resolve(owner, work));
        }
        overrideBillable(draft, changes);
        if (changes.description().isGiven()) {
            draft.description = Objects.requireNonNullElse(changes.description().orElse(null), "");
        }
        if (changes.duration().isGiven()) {
            draft.duration(changes.duration().orElse(null), now);
        }
        if (changes.date().isGiven()) {
            draft.spentOn = changes.date().orElse(null);
        }
        if (changes.externalReference().isGiven()) {
            draft.externalReference = changes.externalReference().orElse(null);
        }
        var newStart = changes.startedAt().orElse(null);
        if (newStart != null && !changes.date().isGiven()) {
            // a new start moves the entry to the day it falls on, for the owner
            draft.spentOn = Clockwork.dayOf(owner, newStart);
        }
        if (draft.running() && changes.endedAt().orElse(null) != null) {
            // an end stops the timer, in this change's transaction: a refused change leaves it running
            draft.pause(now);
        }
        applySpan(draft, changes, now);
        return entries.update(entry, draft);
    }

    /** Deletes an entry. Approved (closed) entries only by an admin; invoiced or locked ones not at all. */
    @Transactional
    public Entry delete(Actor actor, long id) {
        var entry = lockForChange(actor, id);
        requireChangeable(actor, entry, true);
        if (!entry.logged()) {
            entries.delete(actor.account(), id);
            docks.bump(actor.account(), entry.membershipId(), null);
            return entry;
        }
        entries.delete(actor.account(), id);
        return entry;
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
        var owner = actor.member();
        var now = clockwork.now();
        long carried = clockwork.clearDock(actor.account(), owner, now);
        var draft = EntryDraft.of(entry);
        draft.durationSeconds += carried;
        draft.dock(now);
        var redocked = entries.update(entry, draft);
        docks.bump(actor.account(), owner.id(), null);
        return redocked;
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

    /** The person an existing entry belongs to; the actor's own membership came with the actor. */
    private Member ownerOf(Actor actor, Entry entry) {
        return entry.membershipId() == actor.membershipId() ? actor.member()
            : people.member(actor.account(), entry.membershipId());
    }

    /** Whose entry it is: the caller, or (for an admin) the person named. */
    private Member owner(Actor actor, Field<Long> membershipId) {
        Long id = membershipId.orElse(null);
        if (id == null || id == actor.membershipId()) {
            return actor.member();
        }
        if (actor.role() != Role.ADMIN) {
            throw new Forbidden("Only admins can track time for someone else");
        }
        return people.findMember(actor.account(), id)
            .orElseThrow(() -> new Invalid("user_account_id", "does not name a user in this account"));
    }

    private static void requireVisible(Actor actor, Entry entry) {
        if (actor.seesOnlyOwnTime() && entry.membershipId() != actor.membershipId()) {
            throw new Forbidden("Members can see only their own entries");
        }
    }

    private static void requireChangeable(Actor actor, Entry entry, boolean adminMayPassApproval) {
        if (actor.role() != Role.ADMIN && entry.membershipId() != actor.membershipId()) {
            throw new Forbidden("You can change only your own entries");
        }
        boolean onlyApproved = entry.closed() && entry.invoiceId() == null && entry.lockedReason() == null;
        if (!(adminMayPassApproval && onlyApproved && actor.role() == Role.ADMIN)) {
            requireUnlocked(entry);
        }
    }

    /**
     * Start and end instants, when given: both set the duration; an end alone on an entry that
     * has a start does too. The end may not come before the start.
     */
    private static void applySpan(EntryDraft draft, EntryChanges changes, Instant now) {
        if (changes.startedAt().isGiven()) {
            draft.startedAt = changes.startedAt().orElse(null);
        }
        if (changes.endedAt().isGiven()) {
            draft.endedAt = changes.endedAt().orElse(null);
        }
        if ((changes.startedAt().isGiven() || changes.endedAt().isGiven())
                && draft.startedAt != null && draft.endedAt != null) {
            var seconds = Duration.between(draft.startedAt, draft.endedAt).getSeconds();
            if (seconds < 0) {
                throw new Invalid("ended_time", "must not be before the start");
            }
            if (seconds > EntryRules.MAX_DURATION_SECONDS) {
                throw new Invalid("ended_time", "must be within 24 hours of the start");
            }
            draft.duration(seconds, now);
        }
    }

    private static void overrideBillable(EntryDraft draft, EntryChanges changes) {
        var billable = changes.billable().orElse(null);
        if (billable != null) {
            draft.billable = billable;
        }
    }

    private void bumpIfDocked(Actor actor, Entry entry) {
        if (!entry.logged()) {
            docks.bump(actor.account(), entry.membershipId(), null);
        }
    }

    private static void requireUnlocked(Entry entry) {
        var lock = entry.lock();
        if (lock != null) {
            throw new Locked(lock);
        }
    }
}
