package io.timeledger.auth;

import java.time.Instant;
import java.util.Set;

/**
 * A stored credential, never its secret.
 *
 * @param accountId the account a personal or OAuth access token is bound to; null for an API key
 * @param scopes    {@code read}, and {@code write} unless the credential may only read
 */
public record Credential(long id, CredentialKind kind, long userId, Long accountId, String name, String prefix,
                         Instant createdAt, Instant lastUsedAt, Instant revokedAt, Set<String> scopes) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** A credential without the write scope answers 403 to anything but a read. */
    public boolean readOnly() {
        return !scopes.contains(OAuthAuthorizations.WRITE_SCOPE);
    }

    /** Bound to one account: no header can move it to another. */
    public boolean accountBound() {
        return accountId != null;
    }
}
