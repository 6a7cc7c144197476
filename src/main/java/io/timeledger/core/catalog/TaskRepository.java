package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TaskRepository {

    /** A task's columns by name, but the count of its entries ({@link #map} reads them all). */
    static final List<String> NAMES = List.of("id", "name", "pinned", "default_rate", "billable", "active",
        "created_at", "updated_at");

    private static final String COLUMNS =
        columns("(SELECT count(*) FROM entry_task et WHERE et.task_id = task.id)");
    /** Without the count of entries, which reads every entry tagged with the task: for pricing and checks. */
    private static final String PLAIN_COLUMNS = columns("CAST(NULL AS bigint)");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    TaskRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    List<Task> list(AccountId account) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE account_id = :account ORDER BY lower(name), id")
            .param("account", account.value())
            .query(TaskRepository::map)
            .list();
    }

    List<Task> activePlain(AccountId account) {
        return jdbc.sql("SELECT " + PLAIN_COLUMNS + " FROM task WHERE account_id = :account AND active"
                + " ORDER BY lower(name), id")
            .param("account", account.value())
            .query(TaskRepository::map)
            .list();
    }

    Optional<Task> find(AccountId account, long id, boolean forUpdate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE account_id = :account AND id = :id"
                + (forUpdate ? " FOR UPDATE" : ""))
            .param("account", account.value())
            .param("id", id)
            .query(TaskRepository::map)
            .optional();
    }

    List<Task> findAll(AccountId account, Collection<Long> ids) {
        return jdbc.sql("SELECT " + PLAIN_COLUMNS + " FROM task WHERE account_id = :account AND id = ANY(:ids)")
            .param("account", account.value())
            .param("ids", ids.toArray(Long[]::new))
            .query(TaskRepository::map)
            .list();
    }

    List<Task> findByTags(AccountId account, List<String> lowerCaseTags) {
        return jdbc.sql("""
                SELECT %s FROM task
                 WHERE account_id = :account AND replace(lower(name), ' ', '') = ANY(:tags)
                 ORDER BY id
                """.formatted(PLAIN_COLUMNS))
            .param("account", account.value())
            .param("tags", lowerCaseTags.toArray(String[]::new))
            .query(TaskRepository::map)
            .list();
    }

    boolean nameTaken(AccountId account, String name, long exceptId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM task
                                WHERE account_id = :account AND lower(name) = lower(:name) AND id <> :except)
                """)
            .param("account", account.value())
            .param("name", name)
            .param("except", exceptId)
            .query(Boolean.class)
            .single();
    }

    Task insert(AccountId account, Task task) {
        var written = jdbc.sql("""
                INSERT INTO task (account_id, name, pinned, default_rate, billable, active)
                VALUES (:account, :name, :pinned, :rate, :billable, :active)
                RETURNING %s
                """.formatted(COLUMNS))
            .param("account", account.value())
            .param("name", task.name())
            .param("pinned", task.pinned())
            .param("rate", task.defaultRate())
            .param("billable", task.billable())
            .param("active", task.active())
            .query(TaskRepository::map)
            .single();
        events.publishEvent(new CatalogChanged(account));
        return written;
    }

    Task update(AccountId account, Task task) {
        var written = jdbc.sql("""
                UPDATE task SET name = :name, pinned = :pinned, default_rate = :rate, billable = :billable,
                                active = :active, updated_at = now()
                 WHERE account_id = :account AND id = :id
                RETURNING %s
                """.formatted(COLUMNS))
            .param("account", account.value())
            .param("id", task.id())
            .param("name", task.name())
            .param("pinned", task.pinned())
            .param("rate", task.defaultRate())
            .param("billable", task.billable())
            .param("active", task.active())
            .query(TaskRepository::map)
            .single();
        events.publishEvent(new CatalogChanged(account));
        return written;
    }

    boolean delete(AccountId account, long id) {
        boolean deleted = jdbc.sql("DELETE FROM task WHERE account_id = :account AND id = :id")
            .param("account", account.value())
            .param("id", id)
            .update() == 1;
        events.publishEvent(new CatalogChanged(account));
        return deleted;
    }


    private static String columns(String entriesCount) {
        return NAMES.stream().map(column -> "task." + column).collect(Collectors.joining(", "))
            + ", " + entriesCount + " AS entries_count";
    }

    static Task map(ResultSet rs, int row) throws SQLException {
        return new Task(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getBoolean("pinned"),
            rs.getBigDecimal("default_rate"),
            rs.getBoolean("billable"),
            rs.getBoolean("active"),
            rs.getObject("entries_count", Long.class),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());
    }
}
