package io.timeledger.core.money;

/** A billable item of the catalog, priced in cents, that expenses can use. */
public record Item(long id, String name, String description, long defaultRateCents) { }
