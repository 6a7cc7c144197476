package io.timeledger.api.common;

import java.util.Map;

/** One dialect's error body. Each dialect provides one, chosen by the request's path. */
public interface ErrorShape {

    /** Whether requests for this path speak the dialect. */
    boolean serves(String path);

    Object body(ApiError error);

    /**
     * The dialect's names for the core's fields where they differ ({@code contact_id} → Harvest's
     * {@code client_id}): a violation is classified once in the core (decision 001) and named in
     * the words of the caller's request.
     */
    default Map<String, String> fieldNames() {
        return Map.of();
    }
}
