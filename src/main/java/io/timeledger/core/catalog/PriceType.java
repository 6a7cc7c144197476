package io.timeledger.core.catalog;

/** How a job prices the time logged to it (Paydirt's price_type 0, 1, 2). */
public enum PriceType {
    /** Billed per hour at the job's price. */
    PER_HOUR,
    /** A fixed price: the time logged to it is not billable by default. */
    FIXED,
    /** Billed per hour at the rate of the person logging the time. */
    PER_USER;

    public int code() {
        return ordinal();
    }

    /** The price type with this code, or null. */
    public static PriceType of(int code) {
        return code >= 0 && code < values().length ? values()[code] : null;
    }
}
