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

    /**
     * The caller's own entries, {@code limit} at most, unfiltered: the start of every search, each
     * filter set by name ({@code EntryQuery.upTo(100).everyone(true).projects(ids).from(day)}).
     */
    public static EntryQuery upTo(int limit) {
        return new EntryQuery(false, null, null, null, null, null, null, null, null, null, null, null, null, null,
            false, limit, 0);
    }

    public EntryQuery everyone(boolean value) {
        return new EntryQuery(value, memberships, legacyUserIds, contacts, projects, tasks, from, to, since,
            externalReferenceId, billed, running, text, beforeId, newestIdFirst, limit, offset);
    }

    public EntryQuery memberships(List<Long> value) {
        return new EntryQuery(everyone, value, legacyUserIds, contacts, projects, tasks, from, to, since,
            externalReferenceId, billed, running, text, beforeId, newestIdFirst, limit, offset);
    }

    public EntryQuery legacyUserIds(List<Long> value) {
        return new EntryQuery(everyone, memberships, value, contacts, projects, tasks, from, to, since,
            externalReferenceId, billed, running, text, beforeId, newestIdFirst, limit, offset);
    }

    public EntryQuery contacts(List<Long> value) {
        return new EntryQuery(everyone, memberships, legacyUserIds, value, projects, tasks, from, to, since,
            externalReferenceId, billed, running, text, beforeId, newestIdFirst, limit, offset);
    }

    public EntryQuery projects(List<Long> value) {
        return new EntryQuery(everyone, memberships, legacyUserIds, contacts, value, tasks, from, to, since,
            externalReferenceId, billed, running, text, beforeId, newestIdFirst, limit, offset);
    }

    public EntryQuery tasks(List<Long> value) {
        return new EntryQuery(everyone, memberships, legacyUserIds, contacts, projects, value, from, to, since,
            externalReferenceId, billed, running, text, beforeId, newestIdFirst, limit, offset);
    }

    public EntryQuery from(LocalDate value) {
        return new EntryQuery(everyone, memberships, legacyUserIds, contacts, projects, tasks, value, to, since,
            externalReferenceId, billed, running, text, beforeId, newestIdFirst, limit, offset);
    }

    public EntryQuery to(LocalDate value) {
        return new EntryQuery(everyone, memberships, legacyUserIds, contacts, projects, tasks, from, value, since,
            externalReferenceId, billed, running, text, beforeId, newestIdFirst, limit, offset);
    }

    public EntryQuery since(Instant value) {
        return new EntryQuery(everyone, memberships, legacyUserIds, contacts, projects, tasks, from, to, value,
            externalReferenceId, billed, running, text, beforeId, newestIdFirst, limit, offset);
    }

    public EntryQuery externalReferenceId(String value) {
        return new EntryQuery(everyone, memberships, legacyUserIds, contacts, projects, tasks, from, to, since, value,
            billed, running, text, beforeId, newestIdFirst, limit, offset);
    }

    public EntryQuery billed(Boolean value) {
        return new EntryQuery(everyone, memberships, legacyUserIds, contacts, projects, tasks, from, to, since,
            externalReferenceId, value, running, text, beforeId, newestIdFirst, limit, offset);
    }

    public EntryQuery running(Boolean value) {
        return new EntryQuery(everyone, memberships, legacyUserIds, contacts, projects, tasks, from, to, since,
            externalReferenceId, billed, value, text, beforeId, newestIdFirst, limit, offset);
    }

    public EntryQuery text(String value) {
        return new EntryQuery(everyone, memberships, legacyUserIds, contacts, projects, tasks, from, to, since,
            externalReferenceId, billed, running, value, beforeId, newestIdFirst, limit, offset);
    }

    public EntryQuery beforeId(Long value) {
        return new EntryQuery(everyone, memberships, legacyUserIds, contacts, projects, tasks, from, to, since,
            externalReferenceId, billed, running, text, value, newestIdFirst, limit, offset);
    }

    public EntryQuery newestIdFirst(boolean value) {
        return new EntryQuery(everyone, memberships, legacyUserIds, contacts, projects, tasks, from, to, since,
            externalReferenceId, billed, running, text, beforeId, value, limit, offset);
    }

    public EntryQuery limit(int value) {
        return new EntryQuery(everyone, memberships, legacyUserIds, contacts, projects, tasks, from, to, since,
            externalReferenceId, billed, running, text, beforeId, newestIdFirst, value, offset);
    }

    public EntryQuery offset(int value) {
        return new EntryQuery(everyone, memberships, legacyUserIds, contacts, projects, tasks, from, to, since,
            externalReferenceId, billed, running, text, beforeId, newestIdFirst, limit, value);
    }

    EntryQuery onlyOwn() {
        return everyone(false).memberships(null).legacyUserIds(null);
    }
}
