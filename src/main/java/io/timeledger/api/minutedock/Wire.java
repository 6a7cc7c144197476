package io.timeledger.api.minutedock;

import io.timeledger.api.common.JsonFields;
import io.timeledger.core.common.Field;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** How MinuteDock writes ids and amounts. */
final class Wire {

    /** MinuteDock's CurrencyString. */
    private static final Pattern CURRENCY = Pattern.compile("^\\d+\\.\\d{2}$");

    private Wire() { }

    static String id(long id) {
        return Long.toString(id);
    }

    static String id(Long id) {
        return id == null ? null : Long.toString(id);
    }

    /** {@code "150.00"}, or null. */
    static String dollars(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A JSON number without trailing zeros: 40.5, 40. */
    static BigDecimal number(BigDecimal value) {
        if (value == null) {
            return null;
        }
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A CurrencyString field: {@code "150.00"} or null. */
    static Field<BigDecimal> dollars(JsonFields fields, String name) {
        return fields.string(name).map(text -> {
            if (text == null) {
                return null;
            }
            if (!CURRENCY.matcher(text).matches()) {
                fields.reject(name, "must be an amount with two decimals, such as \"150.00\"");
                return null;
            }
            return new BigDecimal(text);
        });
    }
}
