package io.timeledger.core.hooks;

import java.time.Instant;

/** A delivery whose time to be tried has come: the body to send, signed, and what its attempts were. */
public record DueDelivery(long id, long webhookId, String eventId, String kind, String body, int attempts,
                          Instant createdAt) { }
