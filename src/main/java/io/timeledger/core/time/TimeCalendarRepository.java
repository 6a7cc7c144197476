package io.timeledger.core.time;

import io.timeledger.core.common.AccountId;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A person's logged time from a day on, with the names a calendar shows. */
@Repository
class TimeCalendarRepository {

    private final JdbcClient jdbc;

    TimeCalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CalendarEntry> since(AccountId account, long membershipId, LocalDate from, int limit) {
        return jdbc.sql("""
                SELECT e.id, e.spent_on, e.started_at, e.ended_at, e.duration_s, e.description, p.name, c.name,
                       e.updated_at
                  FROM entry e
                  LEFT JOIN project p ON p.account_id = e.account_id AND p.id = e.project_id
                  LEFT JOIN contact c ON c.account_id = e.account_id AND c.id = e.contact_id
                 WHERE e.account_id = :account AND e.membership_id = :member AND e.logged AND e.spent_on >= :from
                 ORDER BY e.spent_on DESC, e.id DESC
                 LIMIT :limit""")
            .param("account", account.value()).param("member", membershipId).param("from", from)
            .param("limit", limit)
            .query((rs, row) -> new CalendarEntry(rs.getLong(1), rs.getObject(2, LocalDate.class),
                instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), rs.getLong(5), rs.getString(6),
                rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9))))
            .list();
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
