package io.timeledger.core.account;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Forbidden;
import java.util.Collection;

/**
 * Who is acting, in which account, with which role: resolved once per request from the credential,
 * in the same statement that finds it ({@link ActorRows}). The membership and the account are as
 * they were when the request began; a request that changes either uses what its change returned.
 *
 * @param member the acting person's membership in the account (their role, rates and time zone)
 * @param tenant the account acted in (its currency, time zone and preferences)
 */
public record Actor(Member member, Account tenant) {

    public Actor {
        if (!member.account().equals(tenant.id())) {
            throw new IllegalArgumentException("membership " + member.id() + " is not in account " + tenant.id());
        }
    }

    public AccountId account() {
        return member.account();
    }

    public long membershipId() {
        return member.id();
    }

    public long userId() {
        return member.userId();
    }

    public Role role() {
        return member.role();
    }

    /** Admins and managers shape the catalog; members track time against it. */
    public boolean managesCatalog() {
        return role() != Role.MEMBER;
    }

    /** Refuses a member what only admins and managers may do ({@link #managesCatalog}). */
    public void requireManager() {
        if (!managesCatalog()) {
            throw new Forbidden("Only admins and managers can do that");
        }
    }

    /** Members see and report only their own time; admins and managers everyone's. */
    public boolean seesOnlyOwnTime() {
        return role() == Role.MEMBER;
    }

    /**
     * Refuses, with {@code refusal}, a member's question that names anyone's time but their own, by
     * membership id or by legacy user id (either collection may be null: not asked).
     */
    public void requireOwnTime(Collection<Long> memberships, Collection<Long> legacyUserIds, String refusal) {
        if (!seesOnlyOwnTime()) {
            return;
        }
        boolean others = memberships != null && memberships.stream().anyMatch(id -> id != membershipId())
            || legacyUserIds != null && legacyUserIds.stream().anyMatch(id -> id != userId());
        if (others) {
            throw new Forbidden(refusal);
        }
    }

    /**
     * Whether this actor may read {@code person}'s billing rate: Harvest shows rates to
     * administrators and to those allowed to see them (managers, who set them on projects and tasks);
     * a member sees their own and no colleague's.
     */
    public boolean seesRatesOf(Member person) {
        return role() != Role.MEMBER || person.id() == membershipId();
    }

    /** Whether this actor may read what people cost (cost rates): administrators and managers, not members. */
    public boolean seesCosts() {
        return role() != Role.MEMBER;
    }

    public void requireAdmin() {
        if (role() != Role.ADMIN) {
            throw new Forbidden("Only admins can do that");
        }
    }
}
