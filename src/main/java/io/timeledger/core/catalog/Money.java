package io.timeledger.core.catalog;

import io.timeledger.core.common.Invalid;
import java.math.BigDecimal;
import java.math.RoundingMode;

final class Money {

    private Money() { }

    /** A non-negative amount kept to cents, within what its column holds; null stays null. */
    static BigDecimal amount(Invalid.Collector problems, String field, BigDecimal value, BigDecimal max) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            problems.add(field, "must be greater than or equal to 0");
        } else if (value.compareTo(max) > 0) {
            problems.add(field, "must be less than or equal to " + max.toPlainString());
        } else if (value.stripTrailingZeros().scale() > 2) {
            problems.add(field, "must have at most 2 decimal places");
        } else {
            return value.setScale(2, RoundingMode.UNNECESSARY);
        }
        return value; // refused: the collector throws before anyone keeps it
    }
}
