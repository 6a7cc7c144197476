package io.timeledger.core.feed;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Gone;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.Reads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the change log (V25, decision 020): where an account's changes stand, what a reader missed
 * since the last change they saw, and which changes a reader may see — members their own time only,
 * administrators and managers everyone's, as the APIs decide ({@link Actor#seesOnlyOwnTime()}).
 */
@Service
public class ChangeFeed {

    /** The channel the database announces each committed change on (V25). */
    public static final String CHANNEL = "timeledger_changes";
    /** The most changes one catch-up sends; a reader further behind is told to read everything again. */
    static final int CATCH_UP_LIMIT = 1_000;
    /** The most changes one page of {@link #page} holds. */
    public static final int PAGE_LIMIT = 1_000;

    private final ChangeLogRepository log;
    private final Duration kept;

    ChangeFeed(ChangeLogRepository log, @Value("${timeledger.changes.keep:90d}") Duration kept) {
        this.log = log;
        this.kept = kept;
    }

    /** How long changes are kept for readers to catch up on ({@code timeledger.changes.keep}). */
    public Duration kept() {
        return kept;
    }

    /**
     * One page of the changes after {@code after}: {@code cursor} is where the next page starts —
     * the last change given, or when there were no more, the account's latest one (so a member who
     * sees only their own time does not read the others' again).
     */
    public record Page(List<Change> changes, long cursor, boolean more) { }

    /**
     * The changes {@code reader} may see after change number {@code after} (null: from the oldest
     * kept), at most {@code limit}, oldest first. An {@code after} older than what is kept is
     * {@link Gone}: the reader missed changes and must read the records again.
     */
    @Reads
    public Page page(Reader reader, Long after, int limit) {
        if (limit < 1 || limit > PAGE_LIMIT) {
            throw new Invalid("limit", "must be between 1 and " + PAGE_LIMIT);
        }
        long last = log.last(reader.account());
        var oldest = log.oldest(reader.account());
        long from;
        if (after == null) {
            from = oldest == null ? last : oldest - 1;
        } else if (after > last) {
            throw new Invalid("after", "is not a cursor of this account's changes");
        } else if (after < last && (oldest == null || oldest > after + 1)) {
            throw new Gone("The changes after this cursor are no longer kept (they are kept " + kept.toDays()
                + " days): read the records again, then follow the changes from a cursor without after");
        } else {
            from = after;
        }
        var changes = log.after(reader.account(), from, reader.person(), limit + 1).stream()
            .filter(change -> change.seq() <= last).toList();
        boolean more = changes.size() > limit;
        var given = more ? changes.subList(0, limit) : changes;
        return new Page(given, more ? given.get(given.size() - 1).seq() : last, more);
    }

    /**
     * What a reader follows: {@code actor}'s account, only {@code actor}'s own time when {@code own}
     * (or when their role shows them nothing else).
     */
    public record Reader(Actor actor, boolean own) {

        public AccountId account() {
            return actor.account();
        }

        /** Whose changes alone the reader sees; null: everyone's in the account. */
        Long person() {
            return own || actor.seesOnlyOwnTime() ? actor.membershipId() : null;
        }

        public boolean sees(Change change) {
            var person = person();
            return change.account().equals(account()) && (person == null || change.person() == person);
        }
    }

    /**
     * The changes after {@code seq} that {@code reader} missed, oldest first; {@code complete} is
     * false when they cannot all be given — some are no longer kept, or there are more than one
     * catch-up sends — and the reader must read everything again; {@code last}, the number of the
     * account's latest change as it was read.
     */
    public record Missed(List<Change> changes, boolean complete, long last) { }

    /**
     * Up to {@code limit} of the account's changes after number {@code seq}, everyone's, oldest
     * first: for the server's own readers (webhooks), which decide for themselves what to pass on.
     */
    @Reads
    public List<Change> after(AccountId account, long seq, int limit) {
        return log.after(account, seq, null, limit);
    }

    /** The number of the account's latest committed change; 0 before its first. */
    @Reads
    public long last(AccountId account) {
        return log.last(account);
    }

    @Reads
    public Missed missedBy(Reader reader, long seq) {
        long last = log.last(reader.account());
        if (seq == last) {
            return new Missed(List.of(), true, last);
        }
        var oldest = log.oldest(reader.account());
        if (seq > last || oldest == null || oldest > seq + 1) {
            // a change the log never had (another database's), or one it no longer keeps
            return new Missed(List.of(), false, last);
        }
        var changes = log.after(reader.account(), seq, reader.person(), CATCH_UP_LIMIT + 1);
        return changes.size() > CATCH_UP_LIMIT ? new Missed(List.of(), false, last) : new Missed(changes, true, last);
    }

    /** Forgets the changes older than {@link #kept()}; how many. */
    @Transactional
    public int prune(Instant now) {
        return log.prune(now.minus(kept));
    }
}
