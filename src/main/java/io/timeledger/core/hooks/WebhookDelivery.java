package io.timeledger.core.hooks;

import java.time.Instant;

/**
 * One change sent, or to be sent, to one subscription: the delivery log's line.
 *
 * @param eventId         the event's id, the same on every delivery of the change: {@code <account>-<change number>}
 * @param status          {@code pending} (not yet answered with 2xx; {@code nextAttemptAt} says when it is tried),
 *                        {@code delivered}, or {@code failed} (retrying stopped)
 * @param responseCode    the receiver's last HTTP status; null when none was had
 * @param responseExcerpt the start of the receiver's last answer, or what went wrong reaching it
 */
public record WebhookDelivery(long id, long webhookId, String eventId, String kind, Instant occurredAt,
                              String status, int attempts, Integer responseCode, Integer latencyMillis,
                              String responseExcerpt, Instant createdAt, Instant nextAttemptAt, Instant finishedAt) {

    public static final String PENDING = "pending";
}
