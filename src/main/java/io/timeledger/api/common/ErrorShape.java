package io.timeledger.api.common;

import jakarta.servlet.http.HttpServletRequest;

/** One dialect's error body. Each dialect provides one, chosen by the request's path. */
public interface ErrorShape {

    boolean serves(HttpServletRequest request);

    Object body(ApiError error);
}
