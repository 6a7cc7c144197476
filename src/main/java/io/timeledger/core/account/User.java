package io.timeledger.core.account;

import java.time.ZoneId;

/** A person who signs in; belongs to accounts through memberships. */
public record User(long id, String email, String firstName, String lastName, ZoneId timeZone,
                   Long activeAccountId) { }
