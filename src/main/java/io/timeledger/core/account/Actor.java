package io.timeledger.core.account;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Forbidden;

/** Who is acting, in which account, with which role: resolved once per request from the credential. */
public record Actor(AccountId account, long membershipId, long userId, Role role) {

    /** Admins and managers shape the catalog; members track time against it. */
    public void requireManager() {
        if (role == Role.MEMBER) {
            throw new Forbidden("Only admins and managers can do that");
        }
    }

    public void requireAdmin() {
        if (role != Role.ADMIN) {
            throw new Forbidden("Only admins can do that");
        }
    }
}
