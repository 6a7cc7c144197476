package io.timeledger.core.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What billable time is worth, one rule for invoices, reports and budgets (decision 019): an
 * entry's hours are its seconds in hours to two places, half up (as every dialect shows them and
 * an invoice bills them); its amount is those hours times its rate, to the cent, half up; every
 * total is the sum of its entries' amounts. A report over a period therefore bills what an invoice
 * drafted for the period bills, however the invoice groups its lines.
 */
public final class Worth {

    /** Rates below this many cents an hour are priced in bigint arithmetic; hundredths of hours fit in 2^26. */
    static final long BIGINT_RATE_CENTS = 1L << 37;

    /** The cents the billable entries {@code e} selects are worth, by their logged seconds. */
    public static final String ENTRIES_CENTS_SQL = entriesCentsSql("CAST(e.duration_s AS bigint)");

    private Worth() { }

    /** The cents the billable entries {@code e} selects are worth, by {@code seconds} (a bigint expression) each. */
    public static String entriesCentsSql(String seconds) {
        return centsSumSql(seconds, "e.billing_cents", "e.billing_rate", "e.billable");
    }

    /**
     * The cents the entries {@code e} selects cost, by {@code seconds} (a bigint expression) each:
     * hours to two places times the entry's cost rate, to the cent; entries without one cost nothing.
     */
    public static String costCentsSql(String seconds) {
        return "coalesce(sum(round(((" + seconds + ") * 100 + 1800) / 3600 * e.cost_rate)), 0)";
    }

    /** {@code seconds} in hundredths of an hour, half up. */
    public static long hundredths(long seconds) {
        return (seconds * 100 + 1800) / 3600;
    }

    /** {@code seconds} as hours to two places, half up: 5,400 s is 1.50. */
    public static BigDecimal hours(long seconds) {
        return BigDecimal.valueOf(hundredths(seconds), 2);
    }

    /** What {@code seconds} at {@code rate} an hour are worth, to the cent. */
    public static BigDecimal amount(long seconds, BigDecimal rate) {
        return hours(seconds).multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The same rule in SQL, summed: the cents {@code seconds} (a bigint expression) at {@code
     * rateCents} (bigint) and {@code rate} (numeric) an hour are worth, over the rows {@code where}
     * selects. Rows at ordinary rates add bigints (hundredths of hours times cents stay under
     * 2^63); a rate of 2^37 cents or more, numerics (hundredths of hours times the rate are cents).
     */
    public static String centsSumSql(String seconds, String rateCents, String rate, String where) {
        var hundredths = "((" + seconds + ") * 100 + 1800) / 3600";
        return "coalesce(sum((" + hundredths + " * " + rateCents + " + 50) / 100) FILTER (WHERE " + where
            + " AND " + rateCents + " < " + BIGINT_RATE_CENTS + "), 0)"
            + " + coalesce(sum(round(" + hundredths + " * " + rate + ")) FILTER (WHERE " + where
            + " AND " + rateCents + " >= " + BIGINT_RATE_CENTS + "), 0)";
    }
}
