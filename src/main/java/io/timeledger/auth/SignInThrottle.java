package io.timeledger.auth;

import io.timeledger.core.audit.AuditKind;
import io.timeledger.core.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * The brute-force rule for the sign-in form: no more than {@code timeledger.sign-in.max-failures}
 * (5) passwords are checked for one email until {@code timeledger.sign-in.lock} (15 minutes) has
 * passed since the last of them, whatever the password and however many arrive at once. Attempts
 * while locked are refused without checking the password and do not extend the lock; a successful
 * sign-in forgets the failures.
 *
 * <p>An attempt claims its check before making it, in one statement that counts it as a failure
 * and decides whether it may go ahead (the row lock of {@code ON CONFLICT DO UPDATE} serialises
 * the attempts on one email); a success then forgets the count. Checking first and counting after
 * let every attempt in flight through. Emails are keyed by {@code email_key} (V19), the rule that
 * finds the user, so no spelling of an email finds its user under a fresh count. Kept in
 * PostgreSQL, so a restart or a second node does not reset it; unknown emails are counted the
 * same way, so the answer never tells whether an email has an account. Each statement stands
 * alone (auto-commit).
 *
 * <p>The audit trail gets every sign-in and every failed password, and {@code sign_in.locked} for
 * the failure that locks the email; attempts refused while it is locked are not recorded one by
 * one (whoever hammers a locked email would only fill the trail).
 */
@Component
public class SignInThrottle {

    /** An attempt's claim: refused while the email is locked, else the failures counted with this one. */
    record Claim(Optional<Duration> lockedFor, int failures) { }

    private final SignInFailureRepository failures;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lock;

    SignInThrottle(SignInFailureRepository failures, AuditTrail audit, Clock clock,
                   @Value("${timeledger.sign-in.max-failures:5}") int maxFailures,
                   @Value("${timeledger.sign-in.lock:15m}") Duration lock) {
        this.failures = failures;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lock = lock;
    }

    /** Claims one password check for this email, counted as a failure until {@link #succeeded}. */
    Claim claim(String email) {
        Instant now = clock.instant();
        var key = email == null ? "" : email;
        var counted = failures.countFailure(key, now, lock, maxFailures);
        if (counted.isPresent()) {
            // old rows are only noise: forget them as we go
            failures.forgetBefore(now.minus(lock.multipliedBy(2)));
            return new Claim(Optional.empty(), counted.get());
        }
        var left = Duration.between(now, failures.lastFailure(key).orElse(now).plus(lock));
        return new Claim(Optional.of(left.isNegative() ? Duration.ZERO : left), maxFailures);
    }

    void succeeded(String email) {
        failures.forget(email == null ? "" : email);
    }

    static String minutes(Duration duration) {
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    /** Wraps the password check with the rule above. */
    public AuthenticationProvider guarding(AuthenticationProvider passwords) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                String email = attempt.getName();
                var claim = claim(email);
                if (claim.lockedFor().isPresent()) {
                    throw new LockedException("Too many failed sign-ins for this email. Try again in "
                        + minutes(claim.lockedFor().get()) + ".");
                }
                Authentication result;
                try {
                    result = passwords.authenticate(attempt);
                } catch (InternalAuthenticationServiceException e) {
                    throw e; // the password could not be checked (the database is away): no one failed
                } catch (AuthenticationException e) {
                    audit.recordForEmail(AuditKind.SIGN_IN_FAILED, email, "");
                    if (claim.failures() >= maxFailures) {
                        audit.recordForEmail(AuditKind.SIGN_IN_LOCKED, email,
                            claim.failures() + " failed sign-ins; locked for " + minutes(lock));
                    }
                    throw e;
                }
                succeeded(email);
                audit.recordForEmail(AuditKind.SIGN_IN_SUCCEEDED, email, "");
                return result;
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return passwords.supports(authentication);
            }
        };
    }
}
