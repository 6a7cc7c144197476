package io.timeledger.core.account;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.NotFound;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening and finding accounts. */
@Service
public class Accounts {

    private final AccountRepository repository;

    Accounts(AccountRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public Account open(NewAccount account) {
        return repository.insert(account);
    }

    @Transactional(readOnly = true)
    public Account get(AccountId id) {
        return repository.find(id).orElseThrow(() -> new NotFound("Account", id));
    }

    /** Every account the user belongs to, archived memberships included. */
    @Transactional(readOnly = true)
    public List<Account> ofUser(long userId) {
        return repository.forUser(userId);
    }

    @Transactional(readOnly = true)
    public List<Account> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return repository.any();
    }
}
