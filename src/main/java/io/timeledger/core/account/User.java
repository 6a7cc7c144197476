package io.timeledger.core.account;

import java.time.ZoneId;
import java.util.UUID;

/**
 * A person who signs in; belongs to accounts through memberships.
 *
 * @param avatarKey names the person's avatar ({@link Avatars})
 */
public record User(long id, String email, String firstName, String lastName, ZoneId timeZone,
                   Long activeAccountId, UUID avatarKey) { }
