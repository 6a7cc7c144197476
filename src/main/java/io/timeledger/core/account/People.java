package io.timeledger.core.account;

import io.timeledger.core.audit.AuditKind;
import io.timeledger.core.audit.AuditTrail;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Forbidden;
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

    /** numeric(12,2) holds less than this. */
    private static final BigDecimal MAX_RATE = new BigDecimal("9999999999.99");

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
        return join(account, userId, role, billingRate, "");
    }

    private Member join(AccountId account, long userId, Role role, BigDecimal billingRate, String by) {
        if (billingRate != null && billingRate.signum() < 0) {
            throw new Invalid("billing_rate", "must be greater than or equal to 0");
        }
        var user = user(userId);
        long membership = repository.insertMembership(account, userId, role, billingRate)
            .orElseThrow(() -> new Invalid("email", user.email() + " already belongs to this account"));
        if (user.activeAccountId() == null) {
            repository.updateActiveAccount(userId, account);
        }
        audit.record(AuditKind.ROLE_GRANTED, userId, account.value(), "as " + role.wire() + by);
        return member(account, membership);
    }

    /**
     * Brings a person into the actor's account (administrators only): the user with this email,
     * or a new one without a password (they cannot sign in until one is set). A person who has a
     * user already keeps their own name and time zone; {@code changes} set the rest.
     */
    @Transactional
    public Member add(Actor actor, NewUser profile, PersonChanges changes) {
        actor.requireAdmin();
        var role = changes.role().orElse(Role.MEMBER);
        if (role == null) {
            throw new Invalid("role", "can't be blank");
        }
        var user = repository.findUserByEmail(profile.email()).orElseGet(() -> createUser(profile));
        var joined = join(actor.account(), user.id(), role, changes.billingRate().orElse(null), by(actor));
        return change(actor.account(), joined.id(), changes.role(Field.absent()).billingRate(Field.absent()),
            by(actor));
    }

    /**
     * Changes a person in the actor's account. Administrators change anyone; anyone else only
     * their own name, email, time zone and telephone. Names, email and time zone are the person's
     * own across accounts: an administrator changes them only for a person who belongs to no
     * other account.
     */
    @Transactional
    public Member change(Actor actor, long membershipId, PersonChanges changes) {
        var member = member(actor.account(), membershipId);
        boolean self = member.id() == actor.membershipId();
        if (actor.role() != Role.ADMIN && (!self || changes.changesMembership())) {
            throw new Forbidden("Only admins can change other people, roles, rates and archiving");
        }
        if (changes.changesProfile()) {
            if (!self && repository.membershipCount(member.userId()) > 1) {
                throw new Invalid(profileField(changes), "belongs to " + member.email()
                    + ", who is in other accounts too: only they can change it");
            }
            changeProfile(member, changes);
        }
        return change(actor.account(), membershipId, changes, self ? "" : by(actor));
    }

    /**
     * Gives the user another role in the account. An account keeps at least one active
     * administrator: demoting the last is refused.
     */
    @Transactional
    public Member changeRole(AccountId account, long userId, Role role) {
        var member = membershipOf(userId, account).orElseThrow(() -> new NotFound("User", userId));
        return change(account, member.id(), PersonChanges.none().role(Field.of(role)), "");
    }

    /**
     * Takes a person out of the account (administrators only), as Harvest allows: only someone
     * with no time entries or expenses in it, never oneself, never the last active
     * administrator. The rest archive instead.
     */
    @Transactional
    public void remove(Actor actor, long membershipId) {
        actor.requireAdmin();
        var admins = repository.lockActiveAdmins(actor.account());
        var member = repository.lockMember(actor.account(), membershipId)
            .orElseThrow(() -> new NotFound("User", membershipId));
        if (member.id() == actor.membershipId()) {
            throw new Invalid("base", "You cannot delete yourself");
        }
        if (admins.contains(member.id()) && admins.size() <= 1) {
            throw lastAdmin(member, "base");
        }
        if (repository.hasTimeOrExpenses(actor.account(), member.id())) {
            throw new Invalid("base", member.name() + " has time entries or expenses and cannot be deleted;"
                + " archive them instead");
        }
        repository.deleteMembership(actor.account(), member.id());
        audit.record(AuditKind.MEMBERSHIP_REMOVED, member.userId(), actor.account().value(), by(actor).strip());
    }

    /**
     * Applies the membership's part of {@code changes}. The account's active administrators are
     * locked first, always in one order, then the person: two changes at once cannot leave the
     * account without one, nor deadlock.
     */
    private Member change(AccountId account, long membershipId, PersonChanges changes, String by) {
        var admins = repository.lockActiveAdmins(account);
        var member = repository.lockMember(account, membershipId)
            .orElseThrow(() -> new NotFound("User", membershipId));
        var problems = new Invalid.Collector();
        var role = changes.role().orElse(member.role());
        if (role == null) {
            problems.add("role", "can't be blank");
        }
        var billingRate = rate(problems, "billing_rate", changes.billingRate().orElse(member.billingRate()));
        var costRate = rate(problems, "cost_rate", changes.costRate().orElse(member.costRate()));
        var active = changes.active().orElse(!member.archived());
        if (active == null) {
            problems.add("archived", "can't be blank");
        }
        var now = member.employment();
        var telephone = changes.telephone().orElse(now.telephone());
        telephone = telephone == null ? "" : telephone.strip();
        if (telephone.length() > 100) {
            problems.add("telephone", "is too long (maximum is 100 characters)");
        }
        var capacity = changes.weeklyCapacity().orElse((long) now.weeklyCapacity());
        if (capacity == null || capacity < 0 || capacity > 7 * 24 * 3600) {
            problems.add("weekly_capacity", "must be seconds from 0 to 604800 (a week)");
        }
        var contractor = changes.contractor().orElse(now.contractor());
        var joins = changes.joinsNewProjects().orElse(now.joinsNewProjects());
        var businessRoles = changes.businessRoles().orElse(now.businessRoles());
        problems.throwIfAny();
        boolean staysAdmin = role == Role.ADMIN && active;
        if (admins.contains(member.id()) && !staysAdmin && admins.size() <= 1) {
            throw lastAdmin(member, role != Role.ADMIN ? "role" : "archived");
        }
        var employment = new Employment(telephone, Boolean.TRUE.equals(contractor), capacity.intValue(),
            Boolean.TRUE.equals(joins), businessRoles == null ? List.of() : businessRoles.stream()
                .map(String::strip).filter(name -> !name.isEmpty()).distinct().toList());
        repository.updateMembership(account, member.id(), role, billingRate, costRate, !active, employment);
        long user = member.userId();
        if (role != member.role()) {
            audit.record(AuditKind.ROLE_CHANGED, user, account.value(),
                member.role().wire() + " → " + role.wire() + by);
        }
        if (active == member.archived()) {
            audit.record(active ? AuditKind.MEMBERSHIP_RESTORED : AuditKind.MEMBERSHIP_ARCHIVED, user,
                account.value(), by.strip());
        }
        return member(account, member.id());
    }

    private void changeProfile(Member member, PersonChanges changes) {
        var profile = new NewUser(changes.email().orElse(member.email()), changes.firstName().orElse(member.firstName()),
            changes.lastName().orElse(member.lastName()),
            changes.timeZone().orElse(member.timeZone().getId()));
        if (!repository.updateProfile(member.userId(), profile)) {
            throw new Invalid("email", "has already been taken");
        }
    }

    private static String profileField(PersonChanges changes) {
        return changes.email().isGiven() ? "email" : changes.timeZone().isGiven() ? "time_zone"
            : changes.firstName().isGiven() ? "first_name" : "last_name";
    }

    private static BigDecimal rate(Invalid.Collector problems, String field, BigDecimal rate) {
        if (rate != null && rate.signum() < 0) {
            problems.add(field, "must be greater than or equal to 0");
        }
        if (rate != null && rate.compareTo(MAX_RATE) > 0) {
            problems.add(field, "must be less than 10000000000");
        }
        return rate;
    }

    private static Invalid lastAdmin(Member member, String field) {
        return new Invalid(field, "cannot be changed: " + member.email() + " is the account's only administrator");
    }

    /** Who made a change, for the audit trail of the person it was made to. */
    private static String by(Actor actor) {
        return " by " + actor.member().email();
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
