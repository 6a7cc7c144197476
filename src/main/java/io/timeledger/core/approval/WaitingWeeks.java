package io.timeledger.core.approval;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Remembered;
import io.timeledger.core.common.RememberedPerAccount;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The weeks of each account that wait for a decision, kept as the catalog is (decision 012): a
 * Harvest time entry shows whether its week waits ({@code approval_status}), and reading that once
 * per request would add a statement to every create. Forgotten as this server's own change commits
 * ({@link ApprovalsChanged}) and when V28's trigger announces anyone else's.
 */
@Component
class WaitingWeeks extends RememberedPerAccount {

    record Key(long account) implements OfAccount { }

    private final Remembered<Key, Set<Approvals.Week>> weeks;

    WaitingWeeks(@Value("${timeledger.catalog.cache:5m}") Duration ttl) {
        super("timeledger_approvals", "the weeks waiting for approval");
        this.weeks = Remembered.forAtMost(ttl, 2_000);
    }

    Set<Approvals.Week> of(AccountId account, Supplier<Set<Approvals.Week>> read) {
        return Remembered.usableHere() ? weeks.get(new Key(account.value()), read, found -> true) : read.get();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forget(ApprovalsChanged change) {
        forget(change.account().value());
    }

    @Override
    protected List<Remembered<? extends OfAccount, ?>> kept() {
        return List.of(weeks);
    }
}
