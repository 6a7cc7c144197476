package io.timeledger.core.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of a {@code UNION ALL} whose branches read different tables, so that lookups of
 * several kinds are one statement: every branch returns a {@code kind} and then every column, in
 * one order and type, filling those its table has and leaving the rest null. A row's kind says
 * which mapper reads it; the mappers read columns by name, as they do on their own tables.
 */
final class UnionColumns {

    /** Column name to SQL type, in the order every branch returns them. */
    private final Map<String, String> types;

    /** {@code columnsAndTypes}: name, type, name, type, ... in the order of the union. */
    UnionColumns(String... columnsAndTypes) {
        if (columnsAndTypes.length % 2 != 0) {
            throw new IllegalArgumentException("a column without its type");
        }
        var ordered = new LinkedHashMap<String, String>();
        for (int i = 0; i < columnsAndTypes.length; i += 2) {
            ordered.put(columnsAndTypes[i], columnsAndTypes[i + 1]);
        }
        this.types = ordered;
    }

    /**
     * One branch: {@code SELECT 'kind' AS kind, ...} then {@code from} (its FROM and WHERE), each
     * column by its expression in {@code filled}, the others null of their type. An expression is
     * not cast: a cast of a column to its own type is still work for every row (pgbench, one
     * connection: the work lookup 3,900-4,100 a second without, 3,600-4,000 with).
     */
    String branch(String kind, Map<String, String> filled, String from) {
        var unknown = filled.keySet().stream().filter(column -> !types.containsKey(column)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("not columns of the union: " + unknown);
        }
        // a null is typed; an expression keeps its column's type, which the union's resolves with the others'
        var values = types.entrySet().stream()
            .map(column -> (filled.containsKey(column.getKey()) ? filled.get(column.getKey())
                : "CAST(NULL AS " + column.getValue() + ")") + " AS " + column.getKey())
            .collect(Collectors.joining(", "));
        return "SELECT '" + kind + "' AS kind, " + values + " " + from;
    }

    /** Columns read from {@code table} under their own names. */
    static Map<String, String> of(String table, List<String> columns) {
        return columns.stream().collect(Collectors.toMap(Function.identity(), column -> table + "." + column));
    }

    /** {@code first} and {@code more} together (a column in both: {@code more}'s expression). */
    static Map<String, String> and(Map<String, String> first, Map<String, String> more) {
        var all = new LinkedHashMap<>(first);
        all.putAll(more);
        return all;
    }
}
