package io.timeledger.auth;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code calendar_link} table (V33): one calendar link per person, by its secret's hash. */
@Repository
class CalendarLinkRepository {

    /** Whose time a link shows. */
    record Owner(long accountId, long membershipId) { }

    private final JdbcClient jdbc;

    CalendarLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the person's link in place of any earlier one. */
    void replace(long accountId, long membershipId, byte[] secretHash) {
        jdbc.sql("""
                INSERT INTO calendar_link (account_id, membership_id, secret_hash) VALUES (:account, :member, :hash)
                ON CONFLICT (account_id, membership_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash,
                                                                      created_at = now()""")
            .param("account", accountId).param("member", membershipId).param("hash", secretHash)
            .update();
    }

    boolean exists(long accountId, long membershipId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM calendar_link WHERE account_id = :account"
                + " AND membership_id = :member)")
            .param("account", accountId).param("member", membershipId).query(Boolean.class).single();
    }

    void delete(long accountId, long membershipId) {
        jdbc.sql("DELETE FROM calendar_link WHERE account_id = :account AND membership_id = :member")
            .param("account", accountId).param("member", membershipId).update();
    }

    /** The link's person, while they are an active member of the account. */
    Optional<Owner> owner(byte[] secretHash) {
        return jdbc.sql("""
                SELECT l.account_id, l.membership_id FROM calendar_link l
                  JOIN membership m ON m.account_id = l.account_id AND m.id = l.membership_id
                 WHERE l.secret_hash = :hash AND NOT m.archived""")
            .param("hash", secretHash)
            .query((rs, row) -> new Owner(rs.getLong(1), rs.getLong(2)))
            .optional();
    }
}
