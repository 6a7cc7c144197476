package io.timeledger.core.common;

import org.springframework.stereotype.Service;

/**
 * Keeps the planner's idea of a table up to date inside a transaction that writes much more into
 * it than it was thought to hold — an import or a restore into a new server, above all. The
 * foreign keys of the rows written next are checked by queries planned while the table looked
 * empty: scans of it, which visit every row written so far for each new one (minutes instead of
 * seconds for 100,000 rows). {@code ANALYZE} counts the transaction's own rows, and its new
 * statistics make those checks index lookups again.
 */
@Service
public class TableStatistics {

    private final StatisticsRepository repository;

    TableStatistics(StatisticsRepository repository) {
        this.repository = repository;
    }

    /** Analyzes {@code tables} when the first of them was thought to hold fewer than {@code rows}. */
    public void refreshIfOutgrown(long rows, String... tables) {
        if (repository.thoughtRows(tables[0]) < rows) {
            repository.analyze(tables);
        }
    }
}
