package io.timeledger.core.feed;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Reads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the change log (V25, decision 020): where an account's changes stand, what a reader missed
 * since the last change they saw, and which changes a reader may see — members their own time only,
 * administrators and managers everyone's, as the APIs decide ({@link Actor#seesOnlyOwnTime()}).
 */
@Service
public class ChangeFeed {

    /** How long changes are kept for readers to catch up on. */
    public static final Duration KEPT = Duration.ofDays(7);
    /** The most changes one catch-up sends; a reader further behind is told to read everything again. */
    static final int CATCH_UP_LIMIT = 1_000;

    private final ChangeLogRepository log;

    ChangeFeed(ChangeLogRepository log) {
        this.log = log;
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

    /** Forgets the changes older than {@link #KEPT}; how many. */
    @Transactional
    public int prune(Instant now) {
        return log.prune(now.minus(KEPT));
    }
}
