package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A catalog record's id and name, for showing what an entry points at (deleted records included). */
public record Named(long id, String name) {

    /** The names of {@code table}'s rows (contact, project, task) with these ids, by id. */
    static Map<Long, Named> of(JdbcClient jdbc, String table, AccountId account, Collection<Long> ids) {
        var names = new HashMap<Long, Named>();
        jdbc.sql("SELECT id, name FROM " + table + " WHERE account_id = :account AND id = ANY(:ids)")
            .param("account", account.value())
            .param("ids", ids.toArray(Long[]::new))
            .query((rs, row) -> new Named(rs.getLong("id"), rs.getString("name")))
            .list()
            .forEach(named -> names.put(named.id(), named));
        return names;
    }
}
