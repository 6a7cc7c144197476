package io.timeledger.core.account;

import io.timeledger.core.common.AccountId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;

/** A tenant: one business's ledger. */
public record Account(AccountId id, String name, String currency, ZoneId timeZone, DayOfWeek weekStart,
                      Preferences preferences, Instant createdAt, Instant updatedAt) { }
