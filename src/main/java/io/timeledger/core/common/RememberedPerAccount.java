package io.timeledger.core.common;

import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server keeps of each account, in one or more {@link Remembered} keyed by the account it
 * was read from, heard of on a channel whose triggers announce the id of the account that changed
 * (V14's catalog, V18's invoices). An announcement forgets what is kept of that account; one that
 * names no account — no trigger of ours sends such a thing — forgets everything. A keeper also
 * forgets an account when this server's own write to it commits, by calling {@link #forget} from
 * its listener of that write's event.
 */
public abstract class RememberedPerAccount extends RememberedUntilChanged {

    private static final Logger log = LoggerFactory.getLogger(RememberedPerAccount.class);

    /** What every key names: the account its value was read from, forgotten together. */
    public interface OfAccount {
        long account();
    }

    protected RememberedPerAccount(String channel, String what) {
        super(channel, what);
    }

    /** Everything this keeper keeps, each keyed by account: each forgetting reaches all of it. */
    @Override
    protected abstract List<Remembered<? extends OfAccount, ?>> kept();

    /** {@code payload}: the id of the account that changed. */
    @Override
    public final void heard(String payload) {
        long account;
        try {
            account = Long.parseLong(payload);
        } catch (NumberFormatException e) {
            log.warn("Forgetting all of {}: a change announced as '{}' names no account", what(), payload);
            forgetAll(payload);
            return;
        }
        forget(account);
    }

    /** Forgets what is kept of {@code account}. */
    protected final void forget(long account) {
        Predicate<OfAccount> ofAccount = key -> key.account() == account;
        kept().forEach(remembered -> remembered.forget(ofAccount));
        log.debug("Forgot {} of account {}", what(), account);
    }
}
