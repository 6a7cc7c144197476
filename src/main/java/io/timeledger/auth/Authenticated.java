package io.timeledger.auth;

import io.timeledger.core.account.Role;

/**
 * A credential found by its secret, together with the membership it would act through — read in
 * the same statement, so authenticating a request costs one round trip to the database.
 *
 * @param membershipId null when the user has no membership in the account looked for
 */
record Authenticated(Credential credential, Long membershipId, long accountId, Role role, boolean archived) {

    boolean hasMembership() {
        return membershipId != null;
    }
}
