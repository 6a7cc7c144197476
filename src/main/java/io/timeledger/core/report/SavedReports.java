package io.timeledger.core.report;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reports saved under a name in the account; everyone in it may run them, on what they may see. */
@Service
public class SavedReports {

    private static final String COLUMNS = """
            id, name, from_date, to_date, everyone, memberships, legacy_users, contacts, projects, tasks, billable,
            invoiced, group_by""";

    private final JdbcClient jdbc;

    SavedReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public SavedReport save(Actor actor, String name, ReportQuery query) {
        if (name == null || name.isBlank()) {
            throw new Invalid("name", "can't be blank");
        }
        if (name.length() > 255) {
            throw new Invalid("name", "is too long (maximum is 255 characters)");
        }
        if (query.groupBy().stream().filter(Dimension::period).count() > 1) {
            throw new Invalid("group_by", "may hold only one of date, month and year");
        }
        return jdbc.sql("""
                INSERT INTO report (account_id, membership_id, name, from_date, to_date, everyone, memberships,
                                    legacy_users, contacts, projects, tasks, billable, invoiced, group_by)
                VALUES (:account, :member, :name, :from, :to, :everyone, :memberships, :users, :contacts, :projects,
                        :tasks, :billable, :invoiced, :groupBy)
                RETURNING %s
                """.formatted(COLUMNS))
            .param("account", actor.account().value())
            .param("member", actor.membershipId())
            .param("name", name.strip())
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
            .query(SavedReports::map)
            .single();
    }

    @Reads
    public SavedReport get(Actor actor, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM report WHERE account_id = :account AND id = :id")
            .param("account", actor.account().value())
            .param("id", id)
            .query(SavedReports::map)
            .optional()
            .orElseThrow(() -> new NotFound("Report", id));
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
