package io.timeledger.core.time;

import io.timeledger.core.account.Actor;
import io.timeledger.core.account.Member;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Conflict;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's dock: the entry they are working on, its timer started and paused from any
 * device. Every change bumps the dock's version; a change that names an older version than the
 * current one is refused with the current dock, so two devices never overwrite each other.
 */
@Service
public class Docks {

    private final DockRepository docks;
    private final EntryRepository entries;
    private final Clockwork clockwork;
    private final WorkResolver works;
    private final RateResolver rates;

    Docks(DockRepository docks, EntryRepository entries, Clockwork clockwork, WorkResolver works, RateResolver rates) {
        this.docks = docks;
        this.entries = entries;
        this.clockwork = clockwork;
        this.works = works;
        this.rates = rates;
    }

    /** The person's dock, read in one statement ({@link #timers}). */
    @Reads
    public Dock get(Actor actor) {
        return timers(actor).dock();
    }

    /**
     * The person's timers as a page shows them: the dock, and the logged entry whose timer runs (a
     * timer another app started on a day; null when none does).
     */
    public record Timers(Dock dock, Entry runningLogged) { }

    /** The dock and the person's running logged entry, read in one statement (the dock's version beside both entries). */
    @Reads
    public Timers timers(Actor actor) {
        var read = entries.readDock(actor.account(), actor.membershipId());
        Entry docked = null;
        Entry runningLogged = null;
        for (var entry : read.entries()) {
            if (entry.logged()) {
                runningLogged = entry;
            } else {
                docked = entry;
            }
        }
        var version = read.version();
        return new Timers(new Dock(actor.membershipId(), docked, version.number(), version.id(), version.clientId()),
            runningLogged);
    }

    /**
     * Changes the caller's dock. The version the client last saw must be named once the dock
     * holds an entry; an empty dock may be filled without one.
     *
     * @return the dock after the change; when it logged the entry, that entry (now logged) with the new version
     */
    @Transactional
    public Dock update(Actor actor, DockChanges changes) {
        return change(actor, actor.member(), changes, true);
    }

    /**
     * Changes the caller's docked entry through the dock when {@code entryId} is the one docked, so
     * that {@code timer_active} pauses or resumes it (MinuteDock's entry update, which names no dock
     * version). Empty when that entry is not in the caller's dock.
     */
    @Transactional
    public Optional<Dock> updateIfDocked(Actor actor, long entryId, DockChanges changes) {
        var owner = actor.member();
        var locked = lock(actor.account(), owner.id());
        var docked = locked.entry();
        if (docked.isEmpty() || docked.get().id() != entryId) {
            return Optional.empty();
        }
        return Optional.of(change(actor, owner, changes, false, locked.version(), docked));
    }

    /**
     * Changes the entry in the caller's dock without naming a version (MinuteDock's update of the
     * entry {@code current}): a date logs it, {@code timerActive} pauses or resumes it. The dock is
     * locked and read once, with no read before it.
     *
     * @throws NotFound when the dock is empty
     */
    @Transactional
    public Entry changeDocked(Actor actor, EntryChanges changes, Field<Boolean> timerActive) {
        var owner = actor.member();
        var locked = lock(actor.account(), owner.id());
        if (locked.entry().isEmpty()) {
            throw new NotFound("Entry", "current");
        }
        return change(actor, owner, DockChanges.unversioned(changes, timerActive), false, locked.version(),
            locked.entry()).entry();
    }

    Dock change(Actor actor, Member owner, DockChanges changes, boolean versionRequired) {
        var locked = lock(actor.account(), owner.id());
        return change(actor, owner, changes, versionRequired, locked.version(), locked.entry());
    }

    /**
     * The person's dock, locked, and then its entry, read after the lock: a read in the same
     * statement as the lock would see the entry as it was before the lock was waited for.
     */
    private Locked lock(AccountId account, long membershipId) {
        var version = docks.lock(account, membershipId);
        return new Locked(version, entries.lockDocked(account, membershipId));
    }

    private record Locked(DockRepository.Version version, Optional<Entry> entry) { }

    /** The change, with the dock already locked at {@code version} and its entry read. */
    private Dock change(Actor actor, Member owner, DockChanges changes, boolean versionRequired,
                        DockRepository.Version version, Optional<Entry> docked) {
        var account = actor.account();
        if (changes.namesVersion()) {
            boolean stale = changes.baseVersionNumber() != null && changes.baseVersionNumber() != version.number()
                || changes.baseVersionId() != null && !changes.baseVersionId().equals(version.id());
            if (stale) {
                throw new Conflict("The dock has changed since version " + Objects.requireNonNullElse(
                    changes.baseVersionNumber(), changes.baseVersionId()) + "; this is the current one",
                    new Dock(owner.id(), docked.orElse(null), version.number(), version.id(), version.clientId()));
            }
        } else if (versionRequired && docked.isPresent()) {
            throw new Invalid("version_number", "is required: name the version of the dock you last saw");
        }
        boolean logging = Boolean.TRUE.equals(changes.logged().orElse(null));
        if (docked.isEmpty() && logging && !changes.entry().changesWork() && !changes.entry().duration().isGiven()) {
            throw new Invalid("logged", "the dock is empty: there is nothing to log");
        }

        var problems = new Invalid.Collector();
        EntryRules.check(changes.entry(), problems);
        if (changes.clientId() != null && changes.clientId().length() > 255) {
            problems.add("version_client_id", "is too long (maximum is 255 characters)");
        }
        if (changes.timerActive().isGiven() && changes.timerActive().orElse(null) == null) {
            problems.add("timer_active", "must be true or false");
        }
        var current = docked.orElse(null);
        var work = current == null || changes.entry().changesWork()
            ? works.resolve(owner, changes.entry(), current, problems) : null;
        problems.throwIfAny();

        var now = clockwork.now();
        var draft = current == null ? EntryDraft.newFor(owner.id()) : EntryDraft.of(current);
        if (work != null) {
            draft.work(work, rates.resolve(owner, work));
        }
        if (changes.entry().description().isGiven()) {
            draft.description = Objects.requireNonNullElse(changes.entry().description().orElse(null), "");
        }
        if (changes.entry().duration().isGiven()) {
            draft.duration(changes.entry().duration().orElse(null), now);
        }
        if (changes.timerActive().isGiven()) {
            if (changes.timerActive().orElse(false)) {
                clockwork.stopRunning(account, owner, current == null ? null : current.id(), now);
                draft.start(now);
            } else {
                draft.pause(now);
            }
        }
        if (logging) {
            if (work == null) {
                // the rate is fixed when the entry is logged, from its work as it stands then
                clockwork.reprice(account, owner, current, draft);
            }
            var day = changes.entry().date().orElse(null);
            draft.log(day == null ? clockwork.today(owner) : day, now);
        }
        if (current == null) {
            var entry = entries.insert(owner, draft);
            var next = docks.bump(account, owner.id(), changes.clientId());
            return new Dock(owner.id(), entry, next.number(), next.id(), next.clientId());
        }
        var written = entries.updateDocked(current, draft, changes.clientId());
        var next = written.version();
        return new Dock(owner.id(), written.entry(), next.number(), next.id(), next.clientId());
    }
}
