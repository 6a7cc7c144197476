package io.timeledger.core.common;

/** The caller is known but their role does not allow the action. */
public final class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
