package io.timeledger.auth;

import io.timeledger.core.account.Actor;
import java.time.Instant;

/**
 * A credential found by its secret, together with the actor it would run as (its membership in the
 * account looked for, and that account) — read in the same statement, so authenticating a request
 * costs one round trip to the database.
 *
 * @param actor     null when the user has no membership in the account looked for
 * @param expiresAt when the secret stops working by itself (an OAuth access token); null: when revoked
 */
record Authenticated(Credential credential, Actor actor, Instant expiresAt) {

    boolean hasMembership() {
        return actor != null;
    }
}
