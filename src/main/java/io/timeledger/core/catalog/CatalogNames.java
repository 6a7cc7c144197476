package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The names of what a page of entries points at — contacts, projects and tasks, deleted ones too —
 * read in one query, however many kinds are asked for.
 */
@Component
public class CatalogNames {

    /** Names by id, one map per kind. */
    public record Names(Map<Long, Named> contacts, Map<Long, Named> projects, Map<Long, Named> tasks) { }

    /** One select per table, its ids in the parameter named like the table. */
    private static final Map<String, String> SELECTS = Map.of(
        "contact", select("contact"), "project", select("project"), "task", select("task"));

    private final JdbcClient jdbc;

    CatalogNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Names of(AccountId account, Collection<Long> contactIds, Collection<Long> projectIds,
                    Collection<Long> taskIds) {
        var names = new Names(new HashMap<>(), new HashMap<>(), new HashMap<>());
        var selects = new ArrayList<String>();
        var kinds = Map.of("contact", contactIds, "project", projectIds, "task", taskIds);
        kinds.forEach((table, ids) -> {
            if (!ids.isEmpty()) {
                selects.add(SELECTS.get(table));
            }
        });
        if (selects.isEmpty()) {
            return names;
        }
        var query = jdbc.sql(String.join(" UNION ALL ", selects)).param("account", account.value());
        for (var kind : kinds.entrySet()) {
            query = query.param(kind.getKey(), kind.getValue().toArray(Long[]::new));
        }
        query.query((ResultSet rs) -> {
            var byId = switch (rs.getString("kind")) {
                case "contact" -> names.contacts();
                case "project" -> names.projects();
                default -> names.tasks();
            };
            byId.put(rs.getLong("id"), new Named(rs.getLong("id"), rs.getString("name")));
        });
        return names;
    }

    private static String select(String table) {
        return "SELECT '%1$s' AS kind, id, name FROM %1$s WHERE account_id = :account AND id = ANY(:%1$s)"
            .formatted(table);
    }
}
