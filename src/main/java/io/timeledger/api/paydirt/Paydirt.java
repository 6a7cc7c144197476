package io.timeledger.api.paydirt;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Where Paydirt lives and how it writes decimals. */
final class Paydirt {

    private Paydirt() { }

    static boolean serves(String path) {
        return under(path, "/v1/jobs") || under(path, "/api/v1/jobs") || under(path, "/api/v1/time");
    }

    /** The path is {@code base} or below it ("/api/v1/time" is not "/api/v1/timer"). */
    private static boolean under(String path, String base) {
        return path.equals(base) || path.startsWith(base + "/");
    }

    /** {@code "85.0"}, {@code "85.5"}, {@code "0.0"}. */
    static String decimal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        var stripped = value.stripTrailingZeros();
        return (stripped.scale() < 1 ? stripped.setScale(1, RoundingMode.UNNECESSARY) : stripped).toPlainString();
    }
}
