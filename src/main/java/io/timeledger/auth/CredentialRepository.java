package io.timeledger.auth;

import io.timeledger.core.account.ActorRows;
import io.timeledger.core.account.ActorsChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CredentialRepository {

    /** Built once: it runs on every request. */
    private static final String AUTHENTICATE = """
        WITH c AS (
            SELECT cr.id, cr.kind, cr.user_id, cr.account_id, cr.name, cr.prefix, cr.created_at,
                   cr.last_used_at, cr.revoked_at, cr.scopes, u.active_account_id
              FROM credential cr JOIN app_user u ON u.id = cr.user_id
             WHERE cr.secret_hash = :hash AND cr.revoked_at IS NULL),
        %s
        SELECT c.*, %s
          FROM c
        %s
        """.formatted(LastUse.touch("credential"), ActorRows.COLUMNS,
            ActorRows.join("c.user_id", "COALESCE(c.account_id, CAST(:header AS bigint), c.active_account_id)"));

    private static final String COLUMNS =
        "id, kind, user_id, account_id, name, prefix, created_at, last_used_at, revoked_at, scopes";

    private static final ActorsChanged CHANGED = new ActorsChanged("credential");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CredentialRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    Credential insert(CredentialKind kind, long userId, Long accountId, String name, String secret) {
        return jdbc.sql("""
                INSERT INTO credential (kind, user_id, account_id, name, prefix, secret_hash)
                VALUES (:kind, :user, :account, :name, :prefix, :hash)
                RETURNING %s
                """.formatted(COLUMNS))
            .param("kind", kind.column())
            .param("user", userId)
            .param("account", accountId)
            .param("name", name)
            .param("prefix", Secrets.visiblePrefix(secret))
            .param("hash", Secrets.hash(secret))
            .query(CredentialRepository::map)
            .single();
    }

    /**
     * The live credential whose secret hashes to {@code hash}, with the membership it acts through:
     * its own account for a token, else {@code headerAccount}, else the user's active account. Records
     * the use (at most once a minute) in the same statement.
     */
    Optional<Authenticated> authenticate(byte[] hash, Long headerAccount, Instant now) {
        return jdbc.sql(AUTHENTICATE)
            .param("hash", hash)
            .param("header", headerAccount)
            .param("now", Timestamp.from(now))
            .query((rs, n) -> new Authenticated(map(rs, n), ActorRows.map(rs).orElse(null), null))
            .optional();
    }

    Optional<Credential> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credential WHERE id = :id")
            .param("id", id)
            .query(CredentialRepository::map)
            .optional();
    }

    List<Credential> ofUser(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credential WHERE user_id = :user ORDER BY created_at, id")
            .param("user", userId)
            .query(CredentialRepository::map)
            .list();
    }

    int revoke(long id) {
        int revoked = jdbc.sql("UPDATE credential SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
            .param("id", id)
            .update();
        events.publishEvent(CHANGED);
        return revoked;
    }

    /** Revokes the user's live API keys; answers them as they were. */
    List<Credential> revokeApiKeys(long userId) {
        var revoked = jdbc.sql("UPDATE credential SET revoked_at = now()"
                + " WHERE user_id = :user AND kind = 'api_key' AND revoked_at IS NULL RETURNING " + COLUMNS)
            .param("user", userId)
            .query(CredentialRepository::map)
            .list();
        events.publishEvent(CHANGED);
        return revoked;
    }

    private static Credential map(ResultSet rs, int row) throws SQLException {
        return new Credential(
            rs.getLong("id"),
            CredentialKind.ofColumn(rs.getString("kind")),
            rs.getLong("user_id"),
            rs.getObject("account_id", Long.class),
            rs.getString("name"),
            rs.getString("prefix"),
            instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("last_used_at")),
            instant(rs.getTimestamp("revoked_at")),
            Set.of((String[]) rs.getArray("scopes").getArray()));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
