package io.timeledger.core.audit;

import java.time.Instant;

/**
 * Which events an administrator asks for; a null field does not filter.
 *
 * @param email the user's (any spelling {@code email_key} folds the same), or the one typed
 * @param kind a wire name ({@code sign_in.failed}) or its family ({@code sign_in})
 * @param since events at or after this instant
 * @param limit the newest this many
 */
public record AuditFilter(String email, Long accountId, String kind, Instant since, int limit) { }
