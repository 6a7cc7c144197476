package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalog's names in one statement: no budget, no counts of time. */
@Repository
class ChoicesRepository {

    private final JdbcClient jdbc;

    ChoicesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Choices read(AccountId account) {
        var clients = new ArrayList<Choices.Choice>();
        var projects = new ArrayList<Choices.Choice>();
        var tasks = new ArrayList<Choices.Choice>();
        var lists = List.of(clients, projects, tasks);
        jdbc.sql("""
                SELECT kind, id, name, active FROM (
                    SELECT 0 AS kind, id, name, active FROM contact WHERE account_id = :account AND deleted_at IS NULL
                    UNION ALL
                    SELECT 1, id, name, active FROM project WHERE account_id = :account AND deleted_at IS NULL
                    UNION ALL
                    SELECT 2, id, name, active FROM task WHERE account_id = :account) c
                 ORDER BY kind, lower(name), id""")
            .param("account", account.value())
            .query(rs -> {
                lists.get(rs.getInt(1)).add(new Choices.Choice(rs.getLong(2), rs.getString(3), rs.getBoolean(4)));
            });
        return new Choices(List.copyOf(clients), List.copyOf(projects), List.copyOf(tasks));
    }
}
