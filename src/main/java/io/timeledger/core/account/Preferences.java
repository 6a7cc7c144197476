package io.timeledger.core.account;

/**
 * How an account tracks and shows time.
 *
 * @param timestampTimers track by start and end time (Harvest's wants_timestamp_timers) rather than by duration
 * @param roundingMinutes minutes reported hours are rounded to; 0 for none
 * @param roundingUp      round up rather than to the nearest increment
 * @param clock           "12h" or "24h"
 * @param timeFormat      "decimal" or "hours_minutes"
 * @param expensesEnabled whether the account tracks expenses (MinuteDock's expenses feature)
 */
public record Preferences(boolean timestampTimers, int roundingMinutes, boolean roundingUp, String clock,
                          String timeFormat, boolean expensesEnabled) { }
