package io.timeledger.core.time;

import java.math.BigDecimal;

/** What an hour of an entry is billed at ({@code rate}, null when nothing sets one) and costs ({@code costRate}). */
public record Rate(boolean billable, BigDecimal rate, BigDecimal costRate) { }
