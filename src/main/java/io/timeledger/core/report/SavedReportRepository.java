package io.timeledger.core.report;

import io.timeledger.core.common.AccountId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SavedReportRepository {

    private static final String COLUMNS = """
            id, name, from_date, to_date, everyone, memberships, legacy_users, contacts, projects, tasks, billable,
            invoiced, group_by""";

    private final JdbcClient jdbc;

    SavedReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SavedReport insert(AccountId account, long membershipId, String name, ReportQuery query) {
        return jdbc.sql("""
                INSERT INTO report (account_id, membership_id, name, from_date, to_date, everyone, memberships,
                                    legacy_users, contacts, projects, tasks, billable, invoiced, group_by)
                VALUES (:account, :member, :name, :from, :to, :everyone, :memberships, :users, :contacts, :projects,
                        :tasks, :billable, :invoiced, :groupBy)
                RETURNING %s
                """.formatted(COLUMNS))
            .param("account", account.value())
            .param("member", membershipId)
            .param("name", name)
            .param("from", query.from())
            .param("to", query.to())
            .param("everyone", query.everyone())
            .param("memberships", array(query.memberships()))
            .param("users", array(query.legacyUserIds()))
            .param("contacts", array(query.contacts()))
            .param("projects", array(query.projects()))
            .param("tasks", array(query.tasks()))
            .param("billable", query.billable())
            .param("invoiced", query.invoiced())
            .param("groupBy", query.groupBy().stream().map(Dimension::wire).toArray(String[]::new))
            .query(SavedReportRepository::map)
            .single();
    }

    Optional<SavedReport> find(AccountId account, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM report WHERE account_id = :account AND id = :id")
            .param("account", account.value())
            .param("id", id)
            .query(SavedReportRepository::map)
            .optional();
    }

    List<SavedReport> list(AccountId account) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM report WHERE account_id = :account ORDER BY lower(name), id")
            .param("account", account.value())
            .query(SavedReportRepository::map)
            .list();
    }

    /** Deletes the report if {@code membershipId} saved it, or anyone's when null; whether one was. */
    boolean delete(AccountId account, long id, Long membershipId) {
        return jdbc.sql("DELETE FROM report WHERE account_id = :account AND id = :id"
                + (membershipId == null ? "" : " AND membership_id = :member"))
            .param("account", account.value())
            .param("id", id)
            .param("member", membershipId)
            .update() == 1;
    }

    private static Long[] array(List<Long> ids) {
        return ids == null ? null : ids.toArray(Long[]::new);
    }

    private static List<Long> ids(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((Long[]) array.getArray());
    }

    private static SavedReport map(ResultSet rs, int row) throws SQLException {
        var groupBy = Arrays.stream((String[]) rs.getArray("group_by").getArray())
            .map(d -> Dimension.valueOf(d.toUpperCase(Locale.ROOT))).toList();
        var query = new ReportQuery(rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
            rs.getBoolean("everyone"), ids(rs.getArray("memberships")), ids(rs.getArray("legacy_users")),
            ids(rs.getArray("contacts")), ids(rs.getArray("projects")), ids(rs.getArray("tasks")),
            rs.getObject("billable", Boolean.class), rs.getObject("invoiced", Boolean.class), groupBy);
        return new SavedReport(rs.getLong("id"), rs.getString("name"), query);
    }
}
