package io.timeledger.core.account;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A select list of one table's columns under an alias, each optionally renamed with a prefix, so
 * that one row mapper can read them from a query of their own or from a wider join.
 */
final class Columns {

    private Columns() {
    }

    /** {@code m.id, m.role} without a prefix; {@code m.id AS member_id, m.role AS member_role} with one. */
    static String of(String alias, String prefix, String... names) {
        return Arrays.stream(names)
            .map(name -> alias + "." + name + (prefix.isEmpty() ? "" : " AS " + prefix + name))
            .collect(Collectors.joining(", "));
    }
}
