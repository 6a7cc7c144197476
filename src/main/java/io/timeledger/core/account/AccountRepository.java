package io.timeledger.core.account;

import io.timeledger.core.common.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    /** "TIMELEDG" in ASCII: the advisory lock a first start holds. */
    private static final long FIRST_START_LOCK = 0x54494d454c454447L;

    private static final String COLUMNS = columns("a", "");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AccountRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    Account insert(NewAccount account) {
        return jdbc.sql("""
                INSERT INTO account AS a (name, currency, time_zone, week_start)
                VALUES (:name, :currency, :timeZone, :weekStart)
                RETURNING %s
                """.formatted(COLUMNS))
            .param("name", account.name())
            .param("currency", account.currency())
            .param("timeZone", account.timeZone())
            .param("weekStart", account.weekStart().getValue())
            .query((rs, row) -> map(rs, ""))
            .single();
    }

    Optional<Account> find(AccountId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account a WHERE a.id = :id")
            .param("id", id.value())
            .query((rs, row) -> map(rs, ""))
            .optional();
    }

    List<Account> forUser(long userId, boolean activeOnly) {
        return jdbc.sql("""
                SELECT %s
                  FROM account a
                  JOIN membership m ON m.account_id = a.id
                 WHERE m.user_id = :user AND (NOT :activeOnly OR NOT m.archived)
                 ORDER BY a.name, a.id
                """.formatted(COLUMNS))
            .param("user", userId)
            .param("activeOnly", activeOnly)
            .query((rs, row) -> map(rs, ""))
            .list();
    }

    List<Account> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account a ORDER BY a.id")
            .query((rs, row) -> map(rs, ""))
            .list();
    }

    Account update(AccountId id, String name, DayOfWeek weekStart, Preferences preferences, ZoneId timeZone,
                   String currency) {
        var updated = jdbc.sql("""
                UPDATE account AS a
                   SET name = :name, week_start = :weekStart, wants_timestamp_timers = :timestampTimers,
                       rounding_minutes = :roundingMinutes, rounding_mode = :roundingMode, clock = :clock,
                       time_format = :timeFormat, expenses_enabled = :expenses, time_zone = :timeZone,
                       currency = :currency, updated_at = now()
                 WHERE a.id = :id
                RETURNING %s
                """.formatted(COLUMNS))
            .param("id", id.value())
            .param("name", name)
            .param("weekStart", weekStart.getValue())
            .param("timeZone", timeZone.getId())
            .param("currency", currency)
            .param("timestampTimers", preferences.timestampTimers())
            .param("roundingMinutes", preferences.roundingMinutes())
            .param("roundingMode", preferences.roundingUp() ? "up" : "nearest")
            .param("clock", preferences.clock())
            .param("timeFormat", preferences.timeFormat())
            .param("expenses", preferences.expensesEnabled())
            .query((rs, row) -> map(rs, ""))
            .single();
        events.publishEvent(new ActorsChanged("account"));
        return updated;
    }

    /** Held until the transaction ends; one key for every first start on this database. */
    void lockFirstStart() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", FIRST_START_LOCK).query().singleRow();
    }

    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account)").query(Boolean.class).single();
    }

    /** An account's columns under {@code alias}, each renamed with {@code prefix} (none when empty), for {@link #map}. */
    static String columns(String alias, String prefix) {
        return Columns.of(alias, prefix, "id", "name", "currency", "time_zone", "week_start",
            "wants_timestamp_timers", "rounding_minutes", "rounding_mode", "clock", "time_format", "expenses_enabled",
            "created_at", "updated_at");
    }

    static Account map(ResultSet rs, String prefix) throws SQLException {
        return new Account(
            new AccountId(rs.getLong(prefix + "id")),
            rs.getString(prefix + "name"),
            rs.getString(prefix + "currency"),
            ZoneId.of(rs.getString(prefix + "time_zone")),
            DayOfWeek.of(rs.getInt(prefix + "week_start")),
            new Preferences(rs.getBoolean(prefix + "wants_timestamp_timers"), rs.getInt(prefix + "rounding_minutes"),
                "up".equals(rs.getString(prefix + "rounding_mode")), rs.getString(prefix + "clock"),
                rs.getString(prefix + "time_format"), rs.getBoolean(prefix + "expenses_enabled")),
            rs.getTimestamp(prefix + "created_at").toInstant(),
            rs.getTimestamp(prefix + "updated_at").toInstant());
    }
}
