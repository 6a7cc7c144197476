package io.timeledger.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A search of logged entries, newest day first. A null list does not filter; {@code everyone}
 * widens the people searched from the caller to the whole account.
 *
 * @param memberships   people by membership id (MinuteDock's user_account_id)
 * @param legacyUserIds people by user id (MinuteDock's deprecated users filter)
 * @param since         only entries updated after this instant
 */
public record EntryQuery(boolean everyone, List<Long> memberships, List<Long> legacyUserIds, List<Long> contacts,
                         List<Long> projects, List<Long> tasks, LocalDate from, LocalDate to, Instant since,
                         int limit, int offset) {

    public static final int MAX_LIMIT = 1000;
}
