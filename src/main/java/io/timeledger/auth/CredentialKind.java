package io.timeledger.auth;

/** The kinds of secret that authenticate an API call. */
public enum CredentialKind {
    /** Account-scoped, {@code Authorization: Bearer}; {@code X-Account-ID} is ignored. */
    PERSONAL_ACCESS_TOKEN("personal_access_token", "tlp_"),
    /** User-scoped legacy key, {@code X-API-Key}; {@code X-Account-ID} picks the account. */
    API_KEY("api_key", "tlk_"),
    /** Account-scoped like a personal token, issued to an app by the OAuth authorization-code flow. */
    OAUTH_ACCESS_TOKEN("oauth_access_token", "tlo_");

    private final String column;
    private final String secretPrefix;

    CredentialKind(String column, String secretPrefix) {
        this.column = column;
        this.secretPrefix = secretPrefix;
    }

    String column() {
        return column;
    }

    String secretPrefix() {
        return secretPrefix;
    }

    static CredentialKind ofColumn(String value) {
        for (var kind : values()) {
            if (kind.column.equals(value)) {
                return kind;
            }
        }
        throw new IllegalStateException("unknown credential kind " + value);
    }
}
