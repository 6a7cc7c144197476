package io.timeledger.core.audit;

import java.time.Instant;

/**
 * One recorded event.
 *
 * @param userId whose event it is (null: an email no user has, or no person, as for an app)
 * @param email the user's email when it happened, or the one typed at a failed sign-in
 * @param accountId the account it concerns, if one
 * @param detail what it was about, e.g. {@code token "ci" tlp_4f2a… in account 3}
 * @param via {@code web} (a signed-in browser), {@code api} (a credential), {@code oauth} (an app at
 *            the token or revocation endpoint) or {@code server} (the command line, the first start)
 * @param clientAddress the remote address of the request, when there was one
 */
public record AuditEvent(long id, Instant occurredAt, AuditKind kind, Long userId, String email, Long accountId,
                         String detail, String via, String clientAddress, String userAgent) { }
