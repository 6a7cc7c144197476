package io.timeledger.auth;

/** Why a request was refused before it reached a controller. */
public enum AuthProblem {
    MISSING_CREDENTIAL(401, "No credential: send Authorization: Bearer <token> or X-API-Key: <key>"),
    INVALID_CREDENTIAL(401, "The access token or API key is invalid or has been revoked"),
    UNKNOWN_ACCOUNT(404, "The account named by X-Account-ID does not exist or you do not belong to it"),
    OTHER_ACCOUNT(403, "This access token is for another account than the one the request names"),
    READ_ONLY_TOKEN(403, "This access token has only the read scope; authorize the app with the write scope to change data"),
    ARCHIVED_MEMBERSHIP(403, "Your membership of this account is archived"),
    NO_ACCOUNT(403, "You do not belong to any account"),
    RATE_LIMITED(429, "Too many requests; retry after the number of seconds in Retry-After"),
    UNAVAILABLE(503, "The service is briefly unavailable (its database cannot be reached); retry shortly");

    private final int status;
    private final String message;

    AuthProblem(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}
