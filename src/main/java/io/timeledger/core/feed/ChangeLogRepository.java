package io.timeledger.core.feed;

import io.timeledger.core.common.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ChangeLogRepository {

    private final JdbcClient jdbc;

    ChangeLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of the account's latest committed change; 0 before its first. */
    long last(AccountId account) {
        return jdbc.sql("SELECT last_seq FROM change_feed WHERE account_id = :account")
            .param("account", account.value())
            .query(Long.class)
            .optional()
            .orElse(0L);
    }

    /** Up to {@code limit} of the account's changes after {@code seq}, oldest first, of {@code person} unless null. */
    List<Change> after(AccountId account, long seq, Long person, int limit) {
        return jdbc.sql("""
                SELECT account_id, seq, membership_id, kind, object_id, version, changed_at
                  FROM change_log
                 WHERE account_id = :account AND seq > :seq
                   AND (CAST(:person AS bigint) IS NULL OR membership_id = :person)
                 ORDER BY seq
                 LIMIT :limit
                """)
            .param("account", account.value())
            .param("seq", seq)
            .param("person", person)
            .param("limit", limit)
            .query(ChangeLogRepository::change)
            .list();
    }

    /** The number of the account's oldest change still kept; null when none is. */
    Long oldest(AccountId account) {
        return jdbc.sql("SELECT seq FROM change_log WHERE account_id = :account ORDER BY seq LIMIT 1")
            .param("account", account.value())
            .query(Long.class)
            .optional()
            .orElse(null);
    }

    /** Forgets the changes made before {@code before}; how many. */
    int prune(Instant before) {
        return jdbc.sql("DELETE FROM change_log WHERE changed_at < :before")
            .param("before", OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC))
            .update();
    }

    private static Change change(ResultSet rs, int row) throws SQLException {
        return new Change(new AccountId(rs.getLong(1)), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
            // to the millisecond, as the announcement carries it (V25): a change replayed reads as it was announced
            rs.getObject(6, Long.class), rs.getObject(7, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MILLIS));
    }
}
