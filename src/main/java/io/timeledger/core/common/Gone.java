package io.timeledger.core.common;

/** What was asked for existed once and is kept no longer (a change-feed cursor older than its retention). */
public final class Gone extends RuntimeException {

    public Gone(String message) {
        super(message);
    }
}
