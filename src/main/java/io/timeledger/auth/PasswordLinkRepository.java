package io.timeledger.auth;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code password_link} table (V27): one-time links to set a password, by their secret's hash. */
@Repository
class PasswordLinkRepository {

    /** A link that still works: not used, not expired. */
    record Usable(long id, long userId, long accountId, String purpose, Instant expiresAt) { }

    private final JdbcClient jdbc;

    PasswordLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new link for the user, in place of any of theirs still unused. */
    void replace(long userId, long accountId, String purpose, byte[] secretHash, Instant now, Instant expiresAt) {
        jdbc.sql("DELETE FROM password_link WHERE user_id = :user AND used_at IS NULL")
            .param("user", userId)
            .update();
        jdbc.sql("""
                INSERT INTO password_link (user_id, account_id, purpose, secret_hash, created_at, expires_at)
                VALUES (:user, :account, :purpose, :hash, :now, :expires)
                """)
            .param("user", userId)
            .param("account", accountId)
            .param("purpose", purpose)
            .param("hash", secretHash)
            .param("now", java.sql.Timestamp.from(now))
            .param("expires", java.sql.Timestamp.from(expiresAt))
            .update();
    }

    /** The link with this hash if it still works at {@code now}; locked with {@code forUpdate}. */
    Optional<Usable> findUsable(byte[] secretHash, Instant now, boolean forUpdate) {
        return jdbc.sql("""
                SELECT id, user_id, account_id, purpose, expires_at FROM password_link
                 WHERE secret_hash = :hash AND used_at IS NULL AND expires_at > :now
                """ + (forUpdate ? " FOR UPDATE" : ""))
            .param("hash", secretHash)
            .param("now", java.sql.Timestamp.from(now))
            .query((rs, row) -> new Usable(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                rs.getTimestamp(5).toInstant()))
            .optional();
    }

    void markUsed(long id, Instant now) {
        jdbc.sql("UPDATE password_link SET used_at = :now WHERE id = :id")
            .param("id", id)
            .param("now", java.sql.Timestamp.from(now))
            .update();
    }

    /** The users of the account whose invitation still waits to be used at {@code now}. */
    Set<Long> invitedUsers(long accountId, Instant now) {
        return new HashSet<>(jdbc.sql("""
                SELECT user_id FROM password_link
                 WHERE account_id = :account AND purpose = 'invitation' AND used_at IS NULL AND expires_at > :now
                """)
            .param("account", accountId)
            .param("now", java.sql.Timestamp.from(now))
            .query(Long.class)
            .list());
    }
}
