package io.timeledger.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A dialect that also takes its credential as a request parameter (Harvest's {@code access_token},
 * Paydirt's {@code api_key}) says so here, for the requests it serves; the header always wins.
 */
public interface SecretParameter {

    /** The parameter's name when {@code request} is this dialect's, else null. */
    String nameFor(HttpServletRequest request);
}
