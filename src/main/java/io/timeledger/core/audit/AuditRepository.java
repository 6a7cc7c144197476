package io.timeledger.core.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code audit_event} rows (V22). */
@Repository
class AuditRepository {

    /** What is kept of a header or a typed email: enough to recognise it, not whatever a client sends. */
    private static final int USER_AGENT_LENGTH = 400;
    private static final int EMAIL_LENGTH = 320;
    private static final String COLUMNS =
        "id, occurred_at, kind, user_id, email, account_id, detail, via, host(client_address) AS client_address,"
        + " user_agent";

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Instant at, AuditKind kind, Long userId, String email, Long accountId, String detail,
                Origin.Where where) {
        // the user by id, or by the email as typed; the email as typed, or the user's
        jdbc.sql("""
                WITH who AS (SELECT id, email FROM app_user
                              WHERE id = :user OR (CAST(:user AS bigint) IS NULL AND email_key(email) = email_key(:email)))
                INSERT INTO audit_event (occurred_at, kind, user_id, email, account_id, detail, via,
                                         client_address, user_agent)
                VALUES (:at, :kind, (SELECT id FROM who),
                        COALESCE(CAST(:email AS text), (SELECT email FROM who)),
                        :account, :detail, :via, CAST(:address AS inet), :agent)
                """)
            .param("at", Timestamp.from(at))
            .param("kind", kind.wire())
            .param("user", userId)
            .param("email", truncated(email, EMAIL_LENGTH))
            .param("account", accountId)
            .param("detail", detail)
            .param("via", where.via())
            .param("address", where.clientAddress())
            .param("agent", truncated(where.userAgent(), USER_AGENT_LENGTH))
            .update();
    }

    private static String truncated(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    void deleteBefore(Instant cutoff) {
        jdbc.sql("DELETE FROM audit_event WHERE occurred_at < :cutoff")
            .param("cutoff", Timestamp.from(cutoff))
            .update();
    }

    List<AuditEvent> ofUser(long userId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE user_id = :user"
                + " ORDER BY occurred_at DESC, id DESC LIMIT :limit")
            .param("user", userId)
            .param("limit", limit)
            .query(AuditRepository::map)
            .list();
    }

    List<AuditEvent> search(AuditFilter filter) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM audit_event
                WHERE (CAST(:email AS text) IS NULL OR email_key(email) = email_key(:email))
                  AND (CAST(:account AS bigint) IS NULL OR account_id = :account)
                  AND (CAST(:kind AS text) IS NULL OR kind = :kind OR split_part(kind, '.', 1) = :kind)
                  AND (CAST(:since AS timestamptz) IS NULL OR occurred_at >= :since)
                ORDER BY occurred_at DESC, id DESC
                LIMIT :limit
                """)
            .param("email", filter.email())
            .param("account", filter.accountId())
            .param("kind", filter.kind())
            .param("since", filter.since() == null ? null : Timestamp.from(filter.since()))
            .param("limit", filter.limit())
            .query(AuditRepository::map)
            .list();
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(
            rs.getLong("id"),
            rs.getTimestamp("occurred_at").toInstant(),
            AuditKind.ofWire(rs.getString("kind")),
            rs.getObject("user_id", Long.class),
            rs.getString("email"),
            rs.getObject("account_id", Long.class),
            rs.getString("detail"),
            rs.getString("via"),
            rs.getString("client_address"),
            rs.getString("user_agent"));
    }
}
