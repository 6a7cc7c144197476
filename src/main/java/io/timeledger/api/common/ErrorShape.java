package io.timeledger.api.common;

/** One dialect's error body. Each dialect provides one, chosen by the request's path. */
public interface ErrorShape {

    /** Whether requests for this path speak the dialect. */
    boolean serves(String path);

    Object body(ApiError error);
}
