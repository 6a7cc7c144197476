package io.timeledger.auth;

import io.timeledger.core.account.ActorRows;
import io.timeledger.core.account.ActorsChanged;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code oauth_authorization} rows; secrets arrive here already hashed. */
@Repository
class OAuthAuthorizationRepository {

    /** Built once: it runs on every request made with an OAuth access token. */
    private static final String AUTHENTICATE = """
        WITH c AS (
            SELECT a.id, a.user_id, a.account_id, a.access_scopes, cl.client_name, a.access_prefix,
                   a.created_at, a.last_used_at, a.access_expires_at
              FROM oauth_authorization a
              JOIN oauth2_registered_client cl ON cl.id = a.registered_client_id
             WHERE a.access_hash = :hash AND NOT a.access_invalidated
               AND a.access_expires_at > :now AND a.account_id IS NOT NULL),
        %s
        SELECT c.*, %s
          FROM c
        %s
        """.formatted(LastUse.touch("oauth_authorization"), ActorRows.COLUMNS,
            ActorRows.join("c.user_id", "c.account_id"));

    /** One token of an authorization as stored: its hash and lifetime, never its value. */
    record StoredToken(byte[] hash, Instant issuedAt, Instant expiresAt, boolean invalidated) { }

    /** A row as the authorization server needs it back. */
    record Row(long id, String authorizationId, String registeredClientId, long userId, String principalName,
               String grantType, Long accountId, Set<String> authorizedScopes, String requestJson, byte[] stateHash,
               StoredToken code, StoredToken access, Set<String> accessScopes, StoredToken refresh) { }

    /** An authorization as its owner sees it on the profile page. */
    record Grant(long id, String clientName, long accountId, String accountName, Set<String> scopes,
                 Instant createdAt, Instant lastUsedAt) { }

    private static final String COLUMNS = """
        id, authorization_id, registered_client_id, user_id, principal_name, grant_type, account_id,
        authorized_scopes, request::text AS request, state_hash,
        code_hash, code_issued_at, code_expires_at, code_invalidated,
        access_hash, access_scopes, access_issued_at, access_expires_at, access_invalidated,
        refresh_hash, refresh_issued_at, refresh_expires_at, refresh_invalidated
        """;

    /** An authorization as the audit trail names it: whose, in which account, which app, what scopes. */
    record Described(long userId, Long accountId, String clientName, Set<String> scopes) { }

    /** The ways an authorization is found for the trail, each by an indexed column. */
    enum Found {
        BY_ID("a.id = :key"),
        BY_CODE("a.code_hash = :key"),
        BY_ACCESS_OR_REFRESH("(a.access_hash = :key OR a.refresh_hash = :key)"),
        BY_SPENT_REFRESH("a.id = (SELECT authorization_id FROM oauth_spent_refresh_token WHERE hash = :key)");

        private final String condition;

        Found(String condition) {
            this.condition = condition;
        }
    }

    private static final ActorsChanged CHANGED = new ActorsChanged("oauth_authorization");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    OAuthAuthorizationRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Inserts or updates by the authorization server's id; who it is for and its account never
     * change ({@code userId} may be null once the row exists).
     */
    void save(String authorizationId, String registeredClientId, Long userId, String principalName,
              String grantType, Set<String> authorizedScopes, String requestJson, byte[] stateHash,
              StoredToken code, StoredToken access, String accessPrefix, Set<String> accessScopes,
              StoredToken refresh) {
        var empty = new StoredToken(null, null, null, false);
        code = code == null ? empty : code;
        access = access == null ? empty : access;
        refresh = refresh == null ? empty : refresh;
        // a refresh token replaced by rotation is remembered as spent (V20)
        jdbc.sql("""
                INSERT INTO oauth_spent_refresh_token (hash, authorization_id)
                SELECT refresh_hash, id FROM oauth_authorization
                 WHERE authorization_id = :authorization AND refresh_hash IS NOT NULL
                   AND refresh_hash IS DISTINCT FROM :refresh
                ON CONFLICT DO NOTHING
                """)
            .param("authorization", authorizationId)
            .param("refresh", refresh.hash())
            .update();
        jdbc.sql("""
                INSERT INTO oauth_authorization (
                    authorization_id, registered_client_id, user_id, principal_name, grant_type, authorized_scopes,
                    request, state_hash,
                    code_hash, code_issued_at, code_expires_at, code_invalidated,
                    access_hash, access_prefix, access_scopes, access_issued_at, access_expires_at, access_invalidated,
                    refresh_hash, refresh_issued_at, refresh_expires_at, refresh_invalidated)
                VALUES (:authorization, :client,
                    COALESCE(:user, (SELECT user_id FROM oauth_authorization WHERE authorization_id = :authorization)),
                    :principal, :grant, :scopes, CAST(:request AS jsonb), :state,
                    :code, :codeIssued, :codeExpires, :codeInvalidated,
                    :access, :accessPrefix, :accessScopes, :accessIssued, :accessExpires, :accessInvalidated,
                    :refresh, :refreshIssued, :refreshExpires, :refreshInvalidated)
                ON CONFLICT (authorization_id) DO UPDATE SET
                    authorized_scopes = EXCLUDED.authorized_scopes, request = EXCLUDED.request,
                    state_hash = EXCLUDED.state_hash,
                    code_hash = EXCLUDED.code_hash, code_issued_at = EXCLUDED.code_issued_at,
                    code_expires_at = EXCLUDED.code_expires_at, code_invalidated = EXCLUDED.code_invalidated,
                    access_hash = EXCLUDED.access_hash,
                    access_prefix = COALESCE(EXCLUDED.access_prefix, oauth_authorization.access_prefix),
                    access_scopes = EXCLUDED.access_scopes, access_issued_at = EXCLUDED.access_issued_at,
                    access_expires_at = EXCLUDED.access_expires_at, access_invalidated = EXCLUDED.access_invalidated,
                    refresh_hash = EXCLUDED.refresh_hash, refresh_issued_at = EXCLUDED.refresh_issued_at,
                    refresh_expires_at = EXCLUDED.refresh_expires_at,
                    refresh_invalidated = EXCLUDED.refresh_invalidated
                """)
            .param("authorization", authorizationId)
            .param("client", registeredClientId)
            .param("user", userId)
            .param("principal", principalName)
            .param("grant", grantType)
            .param("scopes", authorizedScopes.toArray(String[]::new))
            .param("request", requestJson)
            .param("state", stateHash)
            .param("code", code.hash())
            .param("codeIssued", timestamp(code.issuedAt()))
            .param("codeExpires", timestamp(code.expiresAt()))
            .param("codeInvalidated", code.invalidated())
            .param("access", access.hash())
            .param("accessPrefix", accessPrefix)
            .param("accessScopes", accessScopes == null ? null : accessScopes.toArray(String[]::new))
            .param("accessIssued", timestamp(access.issuedAt()))
            .param("accessExpires", timestamp(access.expiresAt()))
            .param("accessInvalidated", access.invalidated())
            .param("refresh", refresh.hash())
            .param("refreshIssued", timestamp(refresh.issuedAt()))
            .param("refreshExpires", timestamp(refresh.expiresAt()))
            .param("refreshInvalidated", refresh.invalidated())
            .update();
        // a refresh replaces the access token: the one it replaced must stop working now
        events.publishEvent(CHANGED);
    }

    /** Binds the authorization holding this code to the account its owner chose; false if it is not theirs. */
    boolean bindAccount(byte[] codeHash, long accountId) {
        return jdbc.sql("""
                UPDATE oauth_authorization a SET account_id = :account
                 WHERE a.code_hash = :code AND a.account_id IS NULL
                   AND EXISTS (SELECT 1 FROM membership m
                                WHERE m.account_id = :account AND m.user_id = a.user_id AND NOT m.archived)
                """)
            .param("account", accountId)
            .param("code", codeHash)
            .update() == 1;
    }

    Optional<Described> describe(Found how, Object key) {
        return jdbc.sql("""
                SELECT a.user_id, a.account_id, c.client_name, a.authorized_scopes
                  FROM oauth_authorization a
                  JOIN oauth2_registered_client c ON c.id = a.registered_client_id
                 WHERE a.user_id IS NOT NULL AND""" + " " + how.condition)
            .param("key", key)
            .query((rs, n) -> new Described(rs.getLong("user_id"), rs.getObject("account_id", Long.class),
                rs.getString("client_name"), strings(rs.getArray("authorized_scopes"))))
            .optional();
    }

    /** Deletes the authorization that once spent this refresh token; false when none did. */
    boolean deleteBySpentRefresh(byte[] hash) {
        boolean deleted = jdbc.sql("""
                DELETE FROM oauth_authorization
                 WHERE id = (SELECT authorization_id FROM oauth_spent_refresh_token WHERE hash = :hash)
                """)
            .param("hash", hash)
            .update() == 1;
        if (deleted) {
            events.publishEvent(CHANGED);
        }
        return deleted;
    }

    /** Makes the code unusable; the rest of its authorization is untouched. */
    void invalidateCode(byte[] codeHash) {
        jdbc.sql("UPDATE oauth_authorization SET code_invalidated = true WHERE code_hash = :code")
            .param("code", codeHash)
            .update();
    }

    void delete(String authorizationId) {
        jdbc.sql("DELETE FROM oauth_authorization WHERE authorization_id = :id").param("id", authorizationId).update();
        events.publishEvent(CHANGED);
    }

    /** Deletes the user's authorization; false when they have none with this id. */
    boolean deleteOfUser(long userId, long id) {
        boolean deleted = jdbc.sql("DELETE FROM oauth_authorization WHERE id = :id AND user_id = :user")
            .param("id", id)
            .param("user", userId)
            .update() == 1;
        events.publishEvent(CHANGED);
        return deleted;
    }

    Optional<Row> findById(String authorizationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM oauth_authorization WHERE authorization_id = :id")
            .param("id", authorizationId)
            .query(OAuthAuthorizationRepository::map)
            .optional();
    }

    /** The authorization one of whose secrets hashes to {@code hash}; {@code column} names which. */
    Optional<Row> findByHash(String column, byte[] hash) {
        if (!List.of("state_hash", "code_hash", "access_hash", "refresh_hash").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM oauth_authorization WHERE " + column + " = :hash")
            .param("hash", hash)
            .query(OAuthAuthorizationRepository::map)
            .optional();
    }

    /**
     * The authorization whose live access token hashes to {@code hash}, once its account was chosen,
     * as a credential with its membership in that account; records the use in the same statement.
     */
    Optional<Authenticated> authenticate(byte[] hash, Instant now) {
        return jdbc.sql(AUTHENTICATE)
            .param("hash", hash)
            .param("now", Timestamp.from(now))
            .query((rs, n) -> new Authenticated(
                new Credential(rs.getLong("id"), CredentialKind.OAUTH_ACCESS_TOKEN, rs.getLong("user_id"),
                    rs.getLong("account_id"), rs.getString("client_name"), rs.getString("access_prefix"),
                    instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")), null,
                    strings(rs.getArray("access_scopes"))),
                ActorRows.map(rs).orElse(null), instant(rs.getTimestamp("access_expires_at"))))
            .optional();
    }

    /**
     * Forgets authorizations that can no longer be used, a day after they began: abandoned before
     * an account was chosen, or with no live access or refresh token left. Each time is compared with
     * the clock that wrote it: {@code created_at} is the database's, the expiries are the server's.
     */
    int purgeDead(Instant now) {
        return jdbc.sql("""
                DELETE FROM oauth_authorization
                 WHERE created_at < now() - interval '1 day'
                   AND (account_id IS NULL
                        OR ((access_hash IS NULL OR access_invalidated OR access_expires_at <= :now)
                            AND (refresh_hash IS NULL OR refresh_invalidated OR refresh_expires_at <= :now)))
                """)
            .param("now", Timestamp.from(now))
            .update();
    }

    /** The user's authorizations that still work: an account chosen and a live access or refresh token. */
    List<Grant> grantsOf(long userId, Instant now) {
        return jdbc.sql("""
                SELECT a.id, c.client_name, a.account_id, acc.name AS account_name, a.authorized_scopes,
                       a.created_at, a.last_used_at
                  FROM oauth_authorization a
                  JOIN oauth2_registered_client c ON c.id = a.registered_client_id
                  JOIN account acc ON acc.id = a.account_id
                 WHERE a.user_id = :user
                   AND ((a.access_hash IS NOT NULL AND NOT a.access_invalidated AND a.access_expires_at > :now)
                        OR (a.refresh_hash IS NOT NULL AND NOT a.refresh_invalidated AND a.refresh_expires_at > :now))
                 ORDER BY a.created_at, a.id
                """)
            .param("user", userId)
            .param("now", Timestamp.from(now))
            .query((rs, n) -> new Grant(rs.getLong("id"), rs.getString("client_name"), rs.getLong("account_id"),
                rs.getString("account_name"), strings(rs.getArray("authorized_scopes")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at"))))
            .list();
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        return new Row(
            rs.getLong("id"),
            rs.getString("authorization_id"),
            rs.getString("registered_client_id"),
            rs.getLong("user_id"),
            rs.getString("principal_name"),
            rs.getString("grant_type"),
            rs.getObject("account_id", Long.class),
            strings(rs.getArray("authorized_scopes")),
            rs.getString("request"),
            rs.getBytes("state_hash"),
            token(rs, "code"),
            token(rs, "access"),
            rs.getArray("access_scopes") == null ? null : strings(rs.getArray("access_scopes")),
            token(rs, "refresh"));
    }

    private static StoredToken token(ResultSet rs, String name) throws SQLException {
        byte[] hash = rs.getBytes(name + "_hash");
        if (hash == null) {
            return null;
        }
        return new StoredToken(hash, instant(rs.getTimestamp(name + "_issued_at")),
            instant(rs.getTimestamp(name + "_expires_at")), rs.getBoolean(name + "_invalidated"));
    }

    private static Set<String> strings(Array array) throws SQLException {
        if (array == null) {
            return new TreeSet<>();
        }
        return new TreeSet<>(Arrays.asList((String[]) array.getArray()));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
