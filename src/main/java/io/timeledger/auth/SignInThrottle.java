package io.timeledger.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
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
 */
@Component
public class SignInThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lock;

    SignInThrottle(JdbcClient jdbc, Clock clock,
                   @Value("${timeledger.sign-in.max-failures:5}") int maxFailures,
                   @Value("${timeledger.sign-in.lock:15m}") Duration lock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lock = lock;
    }

    /**
     * Claims one password check for this email, counted as a failure until {@link #succeeded}.
     * Empty when the check may be made; else how long the email stays locked.
     */
    Optional<Duration> claim(String email) {
        Instant now = clock.instant();
        boolean granted = jdbc.sql("""
                INSERT INTO sign_in_failure AS f (email, failures, last_failure)
                VALUES (email_key(:email), 1, :now)
                ON CONFLICT (email) DO UPDATE SET
                    failures = CASE WHEN f.last_failure <= EXCLUDED.last_failure - CAST(:lock AS interval)
                                    THEN 1 ELSE f.failures + 1 END,
                    last_failure = EXCLUDED.last_failure
                 WHERE f.failures < :max OR f.last_failure <= EXCLUDED.last_failure - CAST(:lock AS interval)
                RETURNING failures
                """)
            .param("email", email == null ? "" : email)
            .param("now", Timestamp.from(now))
            .param("lock", lock.toSeconds() + " seconds")
            .param("max", maxFailures)
            .query(Integer.class)
            .optional()
            .isPresent();
        if (granted) {
            // old rows are only noise: forget them as we go
            jdbc.sql("DELETE FROM sign_in_failure WHERE last_failure < CAST(:cutoff AS timestamptz)")
                .param("cutoff", Timestamp.from(now.minus(lock.multipliedBy(2))))
                .update();
            return Optional.empty();
        }
        var lastFailure = jdbc.sql("SELECT last_failure FROM sign_in_failure WHERE email = email_key(:email)")
            .param("email", email == null ? "" : email)
            .query(Timestamp.class)
            .optional()
            .map(Timestamp::toInstant)
            .orElse(now);
        var left = Duration.between(now, lastFailure.plus(lock));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    void succeeded(String email) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE email = email_key(:email)")
            .param("email", email == null ? "" : email)
            .update();
    }

    /** Wraps the password check with the rule above. */
    public AuthenticationProvider guarding(AuthenticationProvider passwords) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                String email = attempt.getName();
                var locked = claim(email);
                if (locked.isPresent()) {
                    long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
                    throw new LockedException("Too many failed sign-ins for this email. Try again in "
                        + minutes + (minutes == 1 ? " minute." : " minutes."));
                }
                var result = passwords.authenticate(attempt);
                succeeded(email);
                return result;
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return passwords.supports(authentication);
            }
        };
    }
}
