package io.timeledger.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What docs/scaling.md claims of the schema, for sharding by account (Citus): every table carries
 * its account in {@code account_id}, or is global by design — listed here with why, so that a new
 * table has to take a side.
 */
@ApiTest
class ShardableSchemaTests {

    /** The tables without an account, and what they are keyed by instead. */
    static final Map<String, String> GLOBAL = Map.ofEntries(
        Map.entry("account", "the accounts themselves: their id is the distribution key"),
        Map.entry("app_user", "a person, who may belong to several accounts (membership has the account)"),
        Map.entry("avatar_image", "a person's picture, shown in every account they belong to"),
        Map.entry("sign_in_failure", "failed sign-ins by email, before any account is known"),
        Map.entry("oauth2_registered_client", "OAuth apps, registered for the whole server"),
        Map.entry("oauth_spent_refresh_token", "spent refresh tokens, checked before the account is known"),
        Map.entry("spring_session", "sign-in sessions, of a person rather than an account"),
        Map.entry("spring_session_attributes", "their attributes"),
        Map.entry("rate_window", "request windows by credential"),
        Map.entry("cluster_task", "the cluster's housekeeping"),
        Map.entry("flyway_schema_history", "the schema's own migrations"));

    @Autowired JdbcClient jdbc;

    @Test
    void everyTableHasItsAccountOrIsGlobalByDesign() {
        var withoutAccount = jdbc.sql("""
                SELECT t.table_name FROM information_schema.tables t
                 WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                   AND NOT EXISTS (SELECT FROM information_schema.columns c
                                    WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                                      AND c.column_name = 'account_id')
                 ORDER BY 1
                """).query(String.class).list();
        assertThat(withoutAccount).containsExactlyInAnyOrderElementsOf(GLOBAL.keySet());
    }
}
