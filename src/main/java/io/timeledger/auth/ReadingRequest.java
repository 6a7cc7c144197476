package io.timeledger.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A dialect route that changes nothing though its method is not GET (MinuteDock runs a report with
 * a POST) says so here, so that a token with only the {@code read} scope may call it.
 */
public interface ReadingRequest {

    boolean onlyReads(HttpServletRequest request);
}
