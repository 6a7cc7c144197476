package io.timeledger.core.account;

import io.timeledger.core.audit.AuditKind;
import io.timeledger.core.audit.AuditTrail;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and their memberships in accounts. */
@Service
public class People {

    private final PeopleRepository repository;
    private final AuditTrail audit;

    People(PeopleRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Transactional
    public User createUser(NewUser user) {
        return repository.insertUser(user)
            .orElseThrow(() -> new Invalid("email", "has already been taken"));
    }

    @Reads
    public User user(long id) {
        return repository.findUser(id).orElseThrow(() -> new NotFound("User", id));
    }

    @Reads
    public Optional<User> userByEmail(String email) {
        return repository.findUserByEmail(email);
    }

    /** The stored password hash; empty when the user has no password yet. */
    @Reads
    public Optional<String> passwordHash(long userId) {
        return repository.passwordHash(userId);
    }

    /** Stores an already-encoded password (hashing is the auth layer's job). */
    @Transactional
    public void changePasswordHash(long userId, String encodedPassword) {
        repository.updatePasswordHash(userId, encodedPassword);
        audit.record(AuditKind.PASSWORD_CHANGED, userId, null, "");
    }

    /**
     * Adds the user to the account. The first account a user joins becomes their active one,
     * which is where a legacy API key acts when no {@code X-Account-ID} is sent.
     */
    @Transactional
    public Member join(AccountId account, long userId, Role role, BigDecimal billingRate) {
        if (billingRate != null && billingRate.signum() < 0) {
            throw new Invalid("billing_rate", "must be greater than or equal to 0");
        }
        var user = user(userId);
        long membership = repository.insertMembership(account, userId, role, billingRate)
            .orElseThrow(() -> new Invalid("email", user.email() + " already belongs to this account"));
        if (user.activeAccountId() == null) {
            repository.updateActiveAccount(userId, account);
        }
        audit.record(AuditKind.ROLE_GRANTED, userId, account.value(), "as " + role.wire());
        return member(account, membership);
    }

    /**
     * Gives the user another role in the account. An account keeps at least one active
     * administrator: demoting the last is refused (its administrators are locked while deciding, so
     * two demotions at once cannot both pass).
     */
    @Transactional
    public Member changeRole(AccountId account, long userId, Role role) {
        var member = membershipOf(userId, account).orElseThrow(() -> new NotFound("User", userId));
        if (member.role() == role) {
            return member;
        }
        if (member.role() == Role.ADMIN && repository.lockActiveAdmins(account).size() <= 1) {
            throw new Invalid("role", "cannot be changed: " + member.email()
                + " is the account's only administrator");
        }
        repository.updateRole(account, member.id(), role);
        audit.record(AuditKind.ROLE_CHANGED, userId, account.value(), member.role().wire() + " → " + role.wire());
        return member(account, member.id());
    }

    @Reads
    public Member member(AccountId account, long membershipId) {
        return repository.findMember(account, membershipId).orElseThrow(() -> new NotFound("User", membershipId));
    }

    /** The membership, if the account has one with this id. */
    @Reads
    public Optional<Member> findMember(AccountId account, long membershipId) {
        return repository.findMember(account, membershipId);
    }

    @Reads
    public Optional<Member> membershipOf(long userId, AccountId account) {
        return repository.findMemberByUser(account, userId);
    }

    /** The account's people; {@code active} true for the unarchived, false for the archived, null for all. */
    @Reads
    public List<Member> members(AccountId account, Boolean active) {
        return repository.listMembers(account, active);
    }
}
