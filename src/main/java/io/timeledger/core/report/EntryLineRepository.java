package io.timeledger.core.report;

import io.timeledger.core.common.AccountId;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a report's entries with their names in one statement, streamed from a cursor. */
@Repository
class EntryLineRepository {

    /** Rows fetched per round trip: a batch in memory, and few enough trips that they do not show. */
    static final int FETCH_SIZE = 2_000;

    private final JdbcClient jdbc;

    EntryLineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The statement and its parameters, also what the load bench hands to {@code COPY} as the floor. */
    record Statement(String sql, MapSqlParameterSource params) { }

    static Statement statement(AccountId account, long viewer, ReportQuery query, Instant now) {
        var filter = ReportRepository.filter(account, viewer, query);
        var where = filter.where();
        var sql = """
            SELECT e.id, e.spent_on, c.name AS client, p.name AS project,
                   (SELECT k.name FROM entry_task et JOIN task k ON k.account_id = et.account_id AND k.id = et.task_id
                     WHERE et.entry_id = e.id ORDER BY et.position LIMIT 1) AS task,
                   coalesce(nullif(trim(u.first_name || ' ' || u.last_name), ''), u.email) AS person,
                   e.description,
                   e.duration_s + CASE WHEN e.timer_started_at IS NULL THEN 0 ELSE CAST(greatest(0, floor(extract(
                       epoch FROM (CAST(:now AS timestamptz) - e.timer_started_at)))) AS bigint) END AS seconds,
                   e.billable, e.billing_rate, e.cost_rate, i.number AS invoice
              FROM entry e
              LEFT JOIN contact c ON c.account_id = e.account_id AND c.id = e.contact_id
              LEFT JOIN project p ON p.account_id = e.account_id AND p.id = e.project_id
              JOIN membership m ON m.account_id = e.account_id AND m.id = e.membership_id
              JOIN app_user u ON u.id = m.user_id
              LEFT JOIN invoice i ON i.account_id = e.account_id AND i.id = e.invoice_id
             WHERE %s
             ORDER BY e.spent_on, e.id""".formatted(where);
        return new Statement(sql, filter.params().addValue("now", Timestamp.from(now)));
    }

    long each(AccountId account, long viewer, ReportQuery query, EntryLines.Columns columns, Instant now,
              Consumer<EntryLine> sink) {
        var statement = statement(account, viewer, query, now);
        long[] count = {0};
        jdbc.sql(statement.sql()).paramSource(statement.params()).withFetchSize(FETCH_SIZE)
            .query((RowCallbackHandler) rs -> {
                sink.accept(new EntryLine(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8),
                    rs.getBoolean(9), columns.rates() ? rs.getBigDecimal(10) : null,
                    columns.costs() ? rs.getBigDecimal(11) : null, rs.getString(12)));
                count[0]++;
            });
        return count[0];
    }
}
