package io.timeledger.core.time;

import io.timeledger.core.account.Member;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Invalid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The timer rules every path shares, run inside a transaction that holds the person's dock lock:
 * one running timer per person, and what becomes of the dock's entry when another takes its place.
 */
@Component
class Clockwork {

    /** Below this, a dock entry being replaced is not worth logging (MinuteDock's "insignificant time"). */
    static final long INSIGNIFICANT_SECONDS = 60;

    private final EntryRepository entries;
    private final WorkResolver works;
    private final RateResolver rates;
    private final Clock clock;

    Clockwork(EntryRepository entries, WorkResolver works, RateResolver rates, Clock clock) {
        this.entries = entries;
        this.works = works;
        this.rates = rates;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today(Member member) {
        return LocalDate.now(clock.withZone(member.timeZone()));
    }

    /** The day {@code instant} falls on for {@code member}, in their time zone. */
    static LocalDate dayOf(Member member, Instant instant) {
        return instant.atZone(member.timeZone()).toLocalDate();
    }

    /**
     * Empties the dock for a new timer: its entry is logged for today when it holds a minute or
     * more or was logged before (a redocked entry is never lost, however short), else discarded and
     * its seconds returned (a redock adds them to the entry it docks). Any other running timer of
     * the person is stopped.
     */
    long clearDock(AccountId account, Member owner, Instant now) {
        long carried = 0;
        var docked = entries.lockDocked(account, owner.id());
        if (docked.isPresent()) {
            var entry = docked.get();
            var draft = EntryDraft.of(entry);
            if (draft.seconds(now) >= INSIGNIFICANT_SECONDS || draft.onceLogged()) {
                reprice(account, owner, entry, draft);
                draft.log(today(owner), now);
                entries.update(entry, draft);
            } else {
                carried = draft.seconds(now);
                entries.delete(account, entry.id());
            }
        }
        stopRunning(account, owner, null, now);
        return carried;
    }

    /** Stops the person's running timer, unless it runs on {@code except}. */
    void stopRunning(AccountId account, Member owner, Long except, Instant now) {
        entries.findRunning(account, owner.id()).ifPresent(running -> {
            if (except == null || running.id() != except) {
                var draft = EntryDraft.of(running);
                draft.pause(now);
                entries.update(running, draft);
            }
        });
    }

    /** Fixes the rate an entry is logged at, from its work as it stands. */
    void reprice(AccountId account, Member owner, Entry entry, EntryDraft draft) {
        var work = works.resolve(owner, EntryChanges.NONE, entry, new Invalid.Collector());
        draft.work(work, rates.resolve(owner, work));
    }
}
