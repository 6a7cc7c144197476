package io.timeledger.auth;

import io.timeledger.core.account.People;
import io.timeledger.core.audit.AuditKind;
import io.timeledger.core.audit.AuditTrail;
import io.timeledger.core.common.Invalid;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets users' passwords, hashed with Spring Security's delegating encoder (bcrypt today). */
@Service
public class Passwords {

    static final int MINIMUM_LENGTH = 10;

    private final People people;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final AuditTrail audit;

    Passwords(People people, PasswordEncoder encoder, SignInThrottle throttle, AuditTrail audit) {
        this.people = people;
        this.encoder = encoder;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Transactional
    public void set(long userId, CharSequence password) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            throw new Invalid("password", "is too short (minimum is " + MINIMUM_LENGTH + " characters)");
        }
        people.user(userId);
        people.changePasswordHash(userId, encoder.encode(password));
    }

    /**
     * A signed-in person changes their own password, showing their current one first ({@link #confirm}).
     * Refused as {@link Invalid} naming {@code current_password} or {@code password}.
     */
    public void change(long userId, String email, CharSequence current, CharSequence next) {
        if (next == null || next.length() < MINIMUM_LENGTH) {
            throw new Invalid("password", "is too short (minimum is " + MINIMUM_LENGTH + " characters)");
        }
        confirm(userId, email, current, "to change it");
        set(userId, next);
    }

    /**
     * Checks that a signed-in person knows their current password before a change that takes over the
     * account (their password, their email), under the sign-in form's brute-force rule
     * ({@link SignInThrottle}), so that a browser left signed in cannot be used to guess it: a wrong one
     * counts as a failed sign-in of their email ({@code why} says for what, in the security log). Refused
     * as {@link Invalid} naming {@code current_password}.
     */
    public void confirm(long userId, String email, CharSequence current, String why) {
        if (current == null || current.isEmpty()) {
            throw new Invalid("current_password", "is needed " + why);
        }
        var claim = throttle.claim(email);
        if (claim.lockedFor().isPresent()) {
            throw new Invalid("current_password", "was wrong too many times; try again in "
                + SignInThrottle.minutes(claim.lockedFor().get()));
        }
        var hash = people.passwordHash(userId);
        if (hash.isEmpty() || !encoder.matches(current, hash.get())) {
            audit.recordForEmail(AuditKind.SIGN_IN_FAILED, email, "the current password, " + why);
            throw new Invalid("current_password", "is not right");
        }
        throttle.succeeded(email);
    }

    /** Gives the user a new random password (128 bits, URL-safe) and returns it, for showing once. */
    @Transactional
    public String setGenerated(long userId) {
        var password = Secrets.generate("").substring(0, 22);
        set(userId, password);
        return password;
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }

        /** Users by email with their password hash: what a sign-in form checks against. */
        @Bean
        UserDetailsService userDetailsService(People people) {
            return email -> {
                var user = people.userByEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
                var hash = people.passwordHash(user.id()).orElseThrow(() -> new UsernameNotFoundException("no password"));
                return org.springframework.security.core.userdetails.User.withUsername(user.email())
                    .password(hash)
                    .authorities("ROLE_USER")
                    .build();
            };
        }
    }
}
