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
public abstract class RememberedPerAccount implements ChangeChannel {

    private static final Logger log = LoggerFactory.getLogger(RememberedPerAccount.class);

    /** What every key names: the account its value was read from, forgotten together. */
    public interface OfAccount {
        long account();
    }

    private final String channel;
    /** What is kept, as the log names it ("the catalog"). */
    private final String what;

    protected RememberedPerAccount(String channel, String what) {
        this.channel = channel;
        this.what = what;
    }

    /** Everything this keeper keeps: each forgetting reaches all of it. */
    protected abstract List<Remembered<? extends OfAccount, ?>> kept();

    @Override
    public final String channel() {
        return channel;
    }

    /** {@code payload}: the id of the account that changed. */
    @Override
    public final void heard(String payload) {
        long account;
        try {
            account = Long.parseLong(payload);
        } catch (NumberFormatException e) {
            log.warn("Forgetting all of {}: a change announced as '{}' names no account", what, payload);
            kept().forEach(Remembered::forgetAll);
            return;
        }
        forget(account);
    }

    @Override
    public final void listening(boolean listening) {
        kept().forEach(remembered -> remembered.listening(listening));
    }

    /** Forgets what is kept of {@code account}. */
    protected final void forget(long account) {
        Predicate<OfAccount> ofAccount = key -> key.account() == account;
        kept().forEach(remembered -> remembered.forget(ofAccount));
        log.debug("Forgot {} of account {}", what, account);
    }
}
