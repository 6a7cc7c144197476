package io.timeledger.auth;

import io.timeledger.core.account.People;
import io.timeledger.core.audit.AuditKind;
import io.timeledger.core.audit.AuditTrail;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, finds and revokes the secrets API clients authenticate with; each issue and revocation is audited. */
@Service
public class Credentials {

    private final CredentialRepository repository;
    private final People people;
    private final AuditTrail audit;
    private final Clock clock;

    Credentials(CredentialRepository repository, People people, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token acting as the user in one account, until revoked. */
    @Transactional
    public IssuedCredential issuePersonalAccessToken(long userId, AccountId account, String name) {
        if (name != null && name.length() > 255) {
            throw new Invalid("name", "is too long (maximum is 255 characters)");
        }
        people.membershipOf(userId, account).orElseThrow(() -> new NotFound("Account", account));
        return issue(CredentialKind.PERSONAL_ACCESS_TOKEN, userId, account.value(), name);
    }

    /** The user's legacy API key; any earlier key stops working. */
    @Transactional
    public IssuedCredential regenerateApiKey(long userId) {
        people.user(userId);
        repository.revokeApiKeys(userId).forEach(this::audited);
        return issue(CredentialKind.API_KEY, userId, null, "API key");
    }

    @Transactional
    public void revoke(long credentialId) {
        revokeIf(credentialId, credential -> true);
    }

    /** Revokes one of the user's own credentials; another user's id answers as unknown. */
    @Transactional
    public void revokeOwn(long userId, long credentialId) {
        revokeIf(credentialId, credential -> credential.userId() == userId);
    }

    /** Revokes the credential if it exists and passes {@code allowed}; else NotFound. Revoking twice is harmless. */
    private void revokeIf(long credentialId, java.util.function.Predicate<Credential> allowed) {
        var credential = repository.find(credentialId).filter(allowed)
            .orElseThrow(() -> new NotFound("Credential", credentialId));
        if (repository.revoke(credentialId) == 1) {
            audited(credential);
        }
    }

    /** Records that the credential was revoked. */
    private void audited(Credential revoked) {
        audit.record(revoked.kind() == CredentialKind.API_KEY ? AuditKind.API_KEY_REVOKED : AuditKind.TOKEN_REVOKED,
            revoked.userId(), revoked.accountId(), described(revoked));
    }

    /** How the trail names a credential: its name and public prefix, never its secret. */
    private static String described(Credential credential) {
        return credential.kind() == CredentialKind.API_KEY ? credential.prefix() + "…"
            : "“" + (credential.name() == null ? "(unnamed)" : credential.name()) + "” " + credential.prefix() + "…";
    }

    @Reads
    public List<Credential> ofUser(long userId) {
        return repository.ofUser(userId);
    }

    /**
     * The live credential this secret belongs to and the membership it acts through (see
     * {@link CredentialRepository#authenticate}); records its use. One statement, no transaction.
     */
    Optional<Authenticated> authenticate(String secret, Long headerAccount) {
        return repository.authenticate(Secrets.hash(secret), headerAccount, clock.instant());
    }

    private IssuedCredential issue(CredentialKind kind, long userId, Long accountId, String name) {
        var secret = Secrets.generate(kind);
        var credential = repository.insert(kind, userId, accountId, blankToNull(name), secret);
        audit.record(kind == CredentialKind.API_KEY ? AuditKind.API_KEY_CREATED : AuditKind.TOKEN_CREATED,
            userId, accountId, described(credential));
        return new IssuedCredential(credential, secret);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
