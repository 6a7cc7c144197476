package io.timeledger.core.catalog;

import io.timeledger.core.common.Invalid;

/** The rule every catalog name follows: present, not blank, not too long. */
final class Names {

    private Names() { }

    static String required(Invalid.Collector problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(field, "can't be blank");
            return value;
        }
        var name = value.strip();
        if (name.length() > max) {
            problems.add(field, "is too long (maximum is " + max + " characters)");
        }
        return name;
    }
}
