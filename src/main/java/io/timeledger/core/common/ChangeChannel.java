package io.timeledger.core.common;

import java.util.function.LongConsumer;
import org.slf4j.LoggerFactory;

/**
 * Something that keeps what the database answered and must hear when another process changes it:
 * the database announces those changes on {@link #channel()} (a PostgreSQL {@code NOTIFY} sent by
 * triggers), and the server's one listening connection passes them on here.
 */
public interface ChangeChannel {

    /** The channel the database's triggers notify. */
    String channel();

    /** A change committed; {@code payload} is what the trigger said of it. */
    void heard(String payload);

    /** Whether changes now reach this server; while they do not, nothing may be kept. */
    void listening(boolean listening);

    /**
     * For a channel whose triggers announce the id of the account that changed (V14, V18): passes
     * that account to {@code forget}, or, when {@code payload} names none — no trigger of ours sends
     * such a thing — logs it and runs {@code forgetAll}.
     */
    static void perAccount(String payload, LongConsumer forget, Runnable forgetAll) {
        long account;
        try {
            account = Long.parseLong(payload);
        } catch (NumberFormatException e) {
            LoggerFactory.getLogger(ChangeChannel.class)
                .warn("Forgetting all that is kept: a change announced as '{}' names no account", payload);
            forgetAll.run();
            return;
        }
        forget.accept(account);
    }
}
