package io.timeledger.core.common;

/** The request was made against a state that has since changed; {@code current} is the state now. */
public final class Conflict extends RuntimeException {

    private final transient Object current;

    public Conflict(String message, Object current) {
        super(message);
        this.current = current;
    }

    public Object current() {
        return current;
    }
}
