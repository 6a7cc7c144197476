package io.timeledger.core.hooks;

import io.timeledger.core.common.AccountId;
import java.time.Instant;
import java.util.List;

/**
 * A subscription of {@code url} to the account's changes of the kinds in {@code events}.
 *
 * @param active       whether changes are being delivered; false when an administrator paused it
 *                     or the server did ({@code pausedReason})
 * @param pausedReason why the server paused it — its receiver failed for a day; null otherwise
 */
public record Webhook(long id, AccountId account, String url, List<String> events, boolean active,
                      String pausedReason, Instant createdAt, Instant updatedAt) { }
