package io.timeledger.core.common;

/** The thing asked for does not exist in the caller's account (or exists only in another one). */
public final class NotFound extends RuntimeException {

    public NotFound(String resource, Object id) {
        super(resource + " " + id + " not found");
    }
}
