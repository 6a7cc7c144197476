package io.timeledger.core.report;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.ReplicaReads;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entries behind a report, one by one, for exports of any size: they are read through a
 * cursor and handed on as they arrive, so memory holds a batch of them, never the list. The same
 * filters as the report and the same visibility: members list their own time without money; rates
 * and amounts for managers and administrators, costs for those who may see costs.
 */
@Service
public class EntryLines {

    /** Which of an export's money columns the caller sees. */
    public record Columns(boolean rates, boolean costs) {
        public static Columns of(Actor actor) {
            return new Columns(!actor.seesOnlyOwnTime(), actor.seesCosts());
        }
    }

    private final EntryLineRepository repository;
    private final Clock clock;

    EntryLines(EntryLineRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Hands each entry of {@code query}'s period and filters to {@code sink}, by day and then as
     * logged; rates and costs the caller may not see are null. Returns how many there were.
     */
    @Transactional(readOnly = true)
    @ReplicaReads
    public long each(Actor actor, ReportQuery query, Consumer<EntryLine> sink) {
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw new Invalid("to", "must not be before from");
        }
        if (actor.seesOnlyOwnTime()) {
            actor.requireOwnTime(query.memberships(), query.legacyUserIds(), "Members can report only on their own time");
            query = query.everyone(false).memberships(null).legacyUserIds(null);
        }
        return repository.each(actor.account(), actor.membershipId(), query, Columns.of(actor), clock.instant(), sink);
    }
}
