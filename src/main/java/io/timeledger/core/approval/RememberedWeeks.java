package io.timeledger.core.approval;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Remembered;
import io.timeledger.core.common.RememberedPerAccount;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What this server knows of each account's weeks, kept as the catalog is (decision 012): the weeks
 * that wait for a decision — a Harvest time entry shows whether its week waits
 * ({@code approval_status}), and reading that once per request would add a statement to every
 * create — and each person's week as the timesheet shows it, with or without a record of its
 * approval (reading it was one of a timesheet page's statements). Forgotten as this server's own
 * change commits ({@link ApprovalsChanged}) and when V28's trigger announces anyone else's.
 */
@Component
class RememberedWeeks extends RememberedPerAccount {

    record Waiting(long account) implements OfAccount { }

    record PersonsWeek(long account, long membershipId, LocalDate start) implements OfAccount { }

    private final Remembered<Waiting, Set<Approvals.Week>> waiting;
    private final Remembered<PersonsWeek, Optional<Approval>> weeks;

    RememberedWeeks(@Value("${timeledger.catalog.cache:5m}") Duration ttl) {
        super("timeledger_approvals", "the accounts' weeks");
        this.waiting = Remembered.forAtMost(ttl, 2_000);
        this.weeks = Remembered.forAtMost(ttl, 20_000);
    }

    /** The account's weeks that wait for a decision. */
    Set<Approvals.Week> waiting(AccountId account, Supplier<Set<Approvals.Week>> read) {
        return Remembered.usableHere() ? waiting.get(new Waiting(account.value()), read, found -> true) : read.get();
    }

    /** The person's week from {@code start}: its approval's record, empty when it has none (an open week). */
    Optional<Approval> week(AccountId account, long membershipId, LocalDate start, Supplier<Optional<Approval>> read) {
        return Remembered.usableHere()
            ? weeks.get(new PersonsWeek(account.value(), membershipId, start), read, found -> true) : read.get();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forget(ApprovalsChanged change) {
        forget(change.account().value());
    }

    @Override
    protected List<Remembered<? extends OfAccount, ?>> kept() {
        return List.of(waiting, weeks);
    }
}
