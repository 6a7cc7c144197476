package io.timeledger.core.common;

/** The record may not be changed any more (approved, invoiced, locked); the message says why. */
public final class Locked extends RuntimeException {

    public Locked(String reason) {
        super(reason);
    }
}
