package io.timeledger.core.catalog;

import io.timeledger.core.account.Accounts;
import io.timeledger.core.common.AccountId;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Today's budget periods for an account, in its time zone and with its week start. */
@Component
class BudgetClock {

    private final Accounts accounts;
    private final Clock clock;

    BudgetClock(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    BudgetPeriods periods(AccountId id) {
        var account = accounts.get(id);
        return BudgetPeriods.containing(LocalDate.now(clock.withZone(account.timeZone())), account.weekStart());
    }
}
