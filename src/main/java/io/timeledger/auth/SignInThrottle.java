package io.timeledger.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The brute-force rule for the sign-in form: after {@code timeledger.sign-in.max-failures} (5)
 * wrong passwords for one email, that email cannot sign in for {@code timeledger.sign-in.lock}
 * (15 minutes) after the last failure, whatever the password. Attempts while locked are refused
 * without checking the password and do not extend the lock; a successful sign-in forgets the
 * failures. Kept in PostgreSQL, so a restart or a second node does not reset it; unknown emails
 * are counted the same way, so the answer never tells whether an email has an account. Each
 * statement stands alone (auto-commit): a failure is recorded whatever else happens.
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

    /** How long this email stays locked; empty when it may try. */
    public Optional<Duration> lockedFor(String email) {
        var now = clock.instant();
        return jdbc.sql("SELECT last_failure FROM sign_in_failure WHERE email = :email AND failures >= :max")
            .param("email", key(email))
            .param("max", maxFailures)
            .query(Timestamp.class)
            .optional()
            .map(last -> Duration.between(now, last.toInstant().plus(lock)))
            .filter(left -> !left.isNegative() && !left.isZero());
    }

    /** Counts a wrong password; a failure after a quiet spell longer than the lock starts a new count. */
    public void failed(String email) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO sign_in_failure (email, failures, last_failure) VALUES (:email, 1, :now)
                ON CONFLICT (email) DO UPDATE SET
                    failures = CASE WHEN sign_in_failure.last_failure < CAST(:now AS timestamptz) - CAST(:lock AS interval)
                                    THEN 1 ELSE sign_in_failure.failures + 1 END,
                    last_failure = EXCLUDED.last_failure
                """)
            .param("email", key(email))
            .param("now", Timestamp.from(now))
            .param("lock", lock.toSeconds() + " seconds")
            .update();
        // old rows are only noise: forget them as we go
        jdbc.sql("DELETE FROM sign_in_failure WHERE last_failure < CAST(:cutoff AS timestamptz)")
            .param("cutoff", Timestamp.from(now.minus(lock.multipliedBy(2))))
            .update();
    }

    public void succeeded(String email) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE email = :email").param("email", key(email)).update();
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Wraps the password check with the rule above. */
    public AuthenticationProvider guarding(AuthenticationProvider passwords) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                String email = attempt.getName();
                var locked = lockedFor(email);
                if (locked.isPresent()) {
                    long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
                    throw new LockedException("Too many failed sign-ins for this email. Try again in "
                        + minutes + (minutes == 1 ? " minute." : " minutes."));
                }
                try {
                    var result = passwords.authenticate(attempt);
                    succeeded(email);
                    return result;
                } catch (BadCredentialsException e) {
                    failed(email);
                    throw e;
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return passwords.supports(authentication);
            }
        };
    }
}
