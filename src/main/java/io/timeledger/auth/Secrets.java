package io.timeledger.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes and hashes secrets. A secret is a kind prefix and 32 random bytes; since it carries
 * 256 bits of entropy a plain SHA-256 is the right store (a slow password hash buys nothing and
 * would cost every request).
 */
final class Secrets {

    /** How much of a secret is kept in clear so its owner can tell it apart from others. */
    static final int VISIBLE_PREFIX = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() { }

    static String generate(CredentialKind kind) {
        return generate(kind.secretPrefix());
    }

    static String generate(String prefix) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String visiblePrefix(String secret) {
        return secret.substring(0, Math.min(VISIBLE_PREFIX, secret.length()));
    }
}
