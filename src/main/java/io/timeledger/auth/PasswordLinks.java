package io.timeledger.auth;

import io.timeledger.core.account.Accounts;
import io.timeledger.core.account.Actor;
import io.timeledger.core.account.Member;
import io.timeledger.core.account.NewUser;
import io.timeledger.core.account.People;
import io.timeledger.core.account.PersonChanges;
import io.timeledger.core.audit.AuditKind;
import io.timeledger.core.audit.AuditTrail;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.Reads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links to set a password (V27), which an account's administrator makes and passes on —
 * no mail is sent: an invitation for a person just brought in without a password, or a reset for
 * someone who lost theirs. A link works once, for {@code timeledger.password-links.lifetime} (7
 * days); a newer link for the same person replaces an unused one. Only the secret's hash is kept,
 * and making a link is in the person's security audit trail.
 */
@Service
public class PasswordLinks {

    /** Where a person opens a link: {@code /welcome?link=<secret>} (a query, which the access log leaves out). */
    public static final String PAGE = "/welcome";
    static final String SECRET_PREFIX = "tlw_";

    public enum Purpose {
        INVITATION, RESET;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A link that still works: whose it is, for what, in which account, until when. */
    public record Link(long userId, String email, Purpose purpose, String accountName, Instant expiresAt) { }

    /**
     * A person brought into an account.
     *
     * @param secret the link's secret to pass on; null when they had a password already and sign in with it
     */
    public record Invited(Member member, String secret) { }

    private final PasswordLinkRepository repository;
    private final People people;
    private final Accounts accounts;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration lifetime;

    PasswordLinks(PasswordLinkRepository repository, People people, Accounts accounts, Passwords passwords,
                  AuditTrail audit, Clock clock,
                  @Value("${timeledger.password-links.lifetime:7d}") Duration lifetime) {
        this.repository = repository;
        this.people = people;
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * Brings a person into the administrator's account ({@link People#add}, its rules), and makes
     * them an invitation when they have no password yet.
     */
    @Transactional
    public Invited invite(Actor admin, NewUser profile, PersonChanges changes) {
        var member = people.add(admin, profile, changes);
        if (people.passwordHash(member.userId()).isPresent()) {
            return new Invited(member, null);
        }
        return new Invited(member, issue(admin, member, Purpose.INVITATION));
    }

    /**
     * A link for a person of the administrator's account to set a new password; their current one
     * keeps working until then.
     */
    @Transactional
    public String reset(Actor admin, long membershipId) {
        admin.requireAdmin();
        return issue(admin, people.member(admin.account(), membershipId), Purpose.RESET);
    }

    /** The link {@code secret} opens, if it still works. */
    @Reads
    public Optional<Link> find(String secret) {
        return usable(secret, false).map(this::link);
    }

    /**
     * Sets the password of the link's person and uses the link up; a password the rules refuse
     * leaves the link working.
     *
     * @throws Invalid when the link has expired, was used, or never existed
     */
    @Transactional
    public Link use(String secret, CharSequence password) {
        var found = usable(secret, true).orElseThrow(() -> new Invalid("link", EXPIRED));
        passwords.set(found.userId(), password);
        repository.markUsed(found.id(), clock.instant());
        return link(found);
    }

    /** The people of the account whose invitation waits to be used. */
    @Reads
    public Set<Long> invitedUsers(AccountId account) {
        return repository.invitedUsers(account.value(), clock.instant());
    }

    static final String EXPIRED = "has expired or was used already: ask your administrator for a new one";

    private String issue(Actor admin, Member member, Purpose purpose) {
        var secret = Secrets.generate(SECRET_PREFIX);
        var now = clock.instant();
        repository.replace(member.userId(), admin.account().value(), purpose.wire(), Secrets.hash(secret), now,
            now.plus(lifetime));
        audit.record(AuditKind.PASSWORD_LINK_CREATED, member.userId(), admin.account().value(),
            purpose.wire() + " by " + admin.member().email());
        return secret;
    }

    private Optional<PasswordLinkRepository.Usable> usable(String secret, boolean forUpdate) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        return repository.findUsable(Secrets.hash(secret), clock.instant(), forUpdate);
    }

    private Link link(PasswordLinkRepository.Usable found) {
        var user = people.user(found.userId());
        return new Link(user.id(), user.email(), Purpose.valueOf(found.purpose().toUpperCase(java.util.Locale.ROOT)),
            accounts.get(new AccountId(found.accountId())).name(), found.expiresAt());
    }
}
