package io.timeledger.core.common;

/** The tenant key: every query on a tenant table filters by it. */
public record AccountId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
