package io.timeledger.core.common;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server keeps, in one or more {@link Remembered}, until a change is announced on its
 * channel (decisions 011 and 012): the one shape of every keeper. Nothing is kept while the
 * channel's listener is not connected; an announcement forgets everything unless the keeper says
 * more precisely what it names ({@link RememberedPerAccount}: an account). A keeper also forgets
 * when this server's own write commits, from its listener of that write's event.
 */
public abstract class RememberedUntilChanged implements ChangeChannel {

    private static final Logger log = LoggerFactory.getLogger(RememberedUntilChanged.class);

    private final String channel;
    /** What is kept, as the log names it ("the catalog"). */
    private final String what;

    protected RememberedUntilChanged(String channel, String what) {
        this.channel = channel;
        this.what = what;
    }

    /** Everything this keeper keeps: each forgetting reaches all of it. */
    protected abstract List<? extends Remembered<?, ?>> kept();

    @Override
    public final String channel() {
        return channel;
    }

    /** {@code payload} changed: everything kept is forgotten. */
    @Override
    public void heard(String payload) {
        forgetAll(payload);
    }

    @Override
    public final void listening(boolean listening) {
        kept().forEach(remembered -> remembered.listening(listening));
    }

    /** Forgets everything kept, because {@code changed} did. */
    protected final void forgetAll(String changed) {
        kept().forEach(Remembered::forgetAll);
        log.debug("Forgot all of {}: {} changed", what, changed);
    }

    protected final String what() {
        return what;
    }
}
