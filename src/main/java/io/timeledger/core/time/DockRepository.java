package io.timeledger.core.time;

import io.timeledger.core.common.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DockRepository {

    record Version(long number, UUID id, String clientId) {

        /** A dock never used: version 0. */
        static final Version UNUSED = new Version(0, new UUID(0, 0), null);
    }

    private final JdbcClient jdbc;

    DockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The person's dock version, its row locked until the transaction ends: every change to a
     * dock runs one at a time, which is what lets a stale update be told apart from a fresh one.
     */
    Version lock(AccountId account, long membershipId) {
        var locked = lockIfUsed(account, membershipId);
        if (locked.isPresent()) {
            return locked.get();
        }
        // the person's first dock change: its row, then the lock (another first change may have made it)
        jdbc.sql("""
                INSERT INTO dock (membership_id, account_id) VALUES (:membership, :account)
                ON CONFLICT (membership_id) DO NOTHING
                """)
            .param("membership", membershipId)
            .param("account", account.value())
            .update();
        return lockIfUsed(account, membershipId).orElseThrow();
    }

    private Optional<Version> lockIfUsed(AccountId account, long membershipId) {
        return jdbc.sql("""
                SELECT version_number, version_id, version_client_id FROM dock
                 WHERE account_id = :account AND membership_id = :membership
                 FOR UPDATE
                """)
            .param("account", account.value())
            .param("membership", membershipId)
            .query((rs, row) -> version(rs, ""))
            .optional();
    }

    /** Who changed the dock when the change named no client: a call to the entries API rather than a device. */
    static final String API_CLIENT = "api";

    /** The client a change is recorded as made by. */
    static String clientOf(String clientId) {
        return clientId == null || clientId.isBlank() ? API_CLIENT : clientId;
    }

    /** A version read from columns named {@code prefix} + version_number, version_id, version_client_id. */
    static Version version(ResultSet rs, String prefix) throws SQLException {
        return new Version(rs.getLong(prefix + "version_number"), rs.getObject(prefix + "version_id", UUID.class),
            rs.getString(prefix + "version_client_id"));
    }

    Version bump(AccountId account, long membershipId, String clientId) {
        return jdbc.sql("""
                UPDATE dock SET version_number = version_number + 1, version_id = gen_random_uuid(),
                                version_client_id = :client, updated_at = now()
                 WHERE account_id = :account AND membership_id = :membership
                RETURNING version_number, version_id, version_client_id
                """)
            .param("account", account.value())
            .param("membership", membershipId)
            .param("client", clientOf(clientId))
            .query((rs, row) -> version(rs, ""))
            .single();
    }
}
