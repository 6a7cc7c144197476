package io.timeledger.auth;

import java.time.Instant;

/**
 * A stored credential, never its secret.
 *
 * @param accountId the account a personal access token is bound to; null for an API key
 */
public record Credential(long id, CredentialKind kind, long userId, Long accountId, String name, String prefix,
                         Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
