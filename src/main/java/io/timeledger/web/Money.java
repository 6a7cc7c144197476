package io.timeledger.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as the pages show them: "1,234.50" (the exports and the APIs keep plain numbers). */
public final class Money {

    private Money() {
    }

    /** {@code amount} with grouped thousands and two decimals; empty for null. */
    public static String format(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(amount);
    }
}
