package io.timeledger.core.catalog;

import io.timeledger.core.common.Invalid;

final class Flags {

    private Flags() { }

    /** A yes/no setting that cannot be cleared. */
    static boolean required(Invalid.Collector problems, String field, Boolean value) {
        if (value == null) {
            problems.add(field, "must be true or false");
            return false;
        }
        return value;
    }
}
