package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the two catalog tables with shared details ({@link DetailsColumns}) — contacts and projects —
 * are looked up by alike: a live row by id, by short code, and whether a short code is taken.
 */
@Repository
abstract class DetailsRepository<T> {

    protected final JdbcClient jdbc;
    private final String table;
    private final String plainColumns;
    private final RowMapper<T> mapper;

    /** {@code plainColumns}: the row's columns without its budget's progress. */
    protected DetailsRepository(JdbcClient jdbc, String table, String plainColumns, RowMapper<T> mapper) {
        this.jdbc = jdbc;
        this.table = table;
        this.plainColumns = plainColumns;
        this.mapper = mapper;
    }

    /** The live row without its budget progress: a cheap lookup for checks and pricing. */
    Optional<T> findPlain(AccountId account, long id) {
        return jdbc.sql("SELECT " + plainColumns + " FROM " + table + " WHERE account_id = :account AND id = :id"
                + " AND deleted_at IS NULL")
            .param("account", account.value())
            .param("id", id)
            .query(mapper)
            .optional();
    }

    /** The account's live, active rows without their budgets' progress, by name: what a picker lists. */
    List<T> activePlain(AccountId account) {
        return jdbc.sql("SELECT " + plainColumns + " FROM " + table
                + " WHERE account_id = :account AND deleted_at IS NULL AND active ORDER BY lower(name), id")
            .param("account", account.value())
            .query(mapper)
            .list();
    }

    /** The live row whose short code is {@code code}, ignoring case. */
    Optional<T> findByShortCode(AccountId account, String code) {
        return jdbc.sql("SELECT " + plainColumns + " FROM " + table + " WHERE account_id = :account"
                + " AND lower(short_code) = lower(:code) AND deleted_at IS NULL")
            .param("account", account.value())
            .param("code", code)
            .query(mapper)
            .optional();
    }

    /** Whether another live row has this short code, ignoring case. */
    boolean shortCodeTaken(AccountId account, String shortCode, long exceptId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM %s
                                WHERE account_id = :account AND lower(short_code) = lower(:code)
                                  AND deleted_at IS NULL AND id <> :except)
                """.formatted(table))
            .param("account", account.value())
            .param("code", shortCode)
            .param("except", exceptId)
            .query(Boolean.class)
            .single();
    }
}
