package io.timeledger.core.time;

/** The record in another service (an issue, a card) that an entry was tracked from. */
public record ExternalReference(String id, String groupId, String accountId, String permalink, String service,
                                String serviceIconUrl) { }
