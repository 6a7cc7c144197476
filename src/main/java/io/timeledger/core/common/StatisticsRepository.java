package io.timeledger.core.common;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the planner thinks a table holds, and {@code ANALYZE} to tell it better. */
@Repository
class StatisticsRepository {

    private final JdbcClient jdbc;

    StatisticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long thoughtRows(String table) {
        return jdbc.sql("SELECT CAST(reltuples AS bigint) FROM pg_class WHERE oid = CAST(:table AS regclass)")
            .param("table", table).query(Long.class).single();
    }

    void analyze(String... tables) {
        jdbc.sql("ANALYZE " + String.join(", ", tables)).update();
    }
}
