package io.timeledger.core.time;

import java.math.BigDecimal;

/** What an hour of an entry is billed at; {@code rate} may be null when nothing sets one. */
public record Rate(boolean billable, BigDecimal rate) { }
