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
 * @param billed        true: only entries on an invoice; false: only those on none
 * @param running       true: only entries whose timer runs; false: only stopped ones
 * @param text          only entries whose description contains it, ignoring case
 * @param beforeId      only entries with a smaller id: a keyset cursor, stable while entries are added
 * @param newestIdFirst order by id, newest first, instead of by day
 */
public record EntryQuery(boolean everyone, List<Long> memberships, List<Long> legacyUserIds, List<Long> contacts,
                         List<Long> projects, List<Long> tasks, LocalDate from, LocalDate to, Instant since,
                         String externalReferenceId, Boolean billed, Boolean running, String text, Long beforeId,
                         boolean newestIdFirst, int limit, int offset) {

    public static final int MAX_LIMIT = 1000;

    /** The filters MinuteDock's search knows. */
    public static EntryQuery of(boolean everyone, List<Long> memberships, List<Long> legacyUserIds, List<Long> contacts,
                                List<Long> projects, List<Long> tasks, LocalDate from, LocalDate to, Instant since,
                                int limit, int offset) {
        return new EntryQuery(everyone, memberships, legacyUserIds, contacts, projects, tasks, from, to, since, null,
            null, null, null, null, false, limit, offset);
    }

    EntryQuery onlyOwn() {
        return new EntryQuery(false, null, null, contacts, projects, tasks, from, to, since, externalReferenceId,
            billed, running, text, beforeId, newestIdFirst, limit, offset);
    }
}
