package io.timeledger.core.time;

import io.timeledger.core.common.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A new entry or a partial update; absent fields keep their value. Hashtags in the description
 * (#task, #project-code, @contact-code) add to what the id fields say.
 *
 * @param membershipId whose entry it is (admins only, for someone else)
 * @param jobId        the job it is logged to; the job brings its project and contact
 * @param duration     seconds
 * @param date         the day; on create, absent means "start a timer in the dock"
 * @param startedAt    when the work started (tracking by start and end time)
 * @param endedAt      when it ended; with {@code startedAt} it sets the duration
 * @param billable     overrides whether the entry is billable (else its work decides)
 */
public record EntryChanges(Field<Long> membershipId, Field<Long> contactId, Field<Long> projectId,
                           Field<Long> jobId, Field<List<Long>> taskIds, Field<String> description, Field<Long> duration,
                           Field<LocalDate> date, Field<Instant> startedAt, Field<Instant> endedAt,
                           Field<ExternalReference> externalReference, Field<Boolean> billable) {

    /**
     * Nothing changed: the start of every change, each field set by name ({@code
     * EntryChanges.NONE.projectId(id).description(text)}), so that a dialect says what it sets.
     */
    public static final EntryChanges NONE = new EntryChanges(Field.absent(), Field.absent(), Field.absent(),
        Field.absent(), Field.absent(), Field.absent(), Field.absent(), Field.absent(), Field.absent(), Field.absent(),
        Field.absent(), Field.absent());

    public EntryChanges membershipId(Field<Long> value) {
        return new EntryChanges(value, contactId, projectId, jobId, taskIds, description, duration, date, startedAt,
            endedAt, externalReference, billable);
    }

    public EntryChanges contactId(Field<Long> value) {
        return new EntryChanges(membershipId, value, projectId, jobId, taskIds, description, duration, date, startedAt,
            endedAt, externalReference, billable);
    }

    public EntryChanges projectId(Field<Long> value) {
        return new EntryChanges(membershipId, contactId, value, jobId, taskIds, description, duration, date, startedAt,
            endedAt, externalReference, billable);
    }

    public EntryChanges jobId(Field<Long> value) {
        return new EntryChanges(membershipId, contactId, projectId, value, taskIds, description, duration, date,
            startedAt, endedAt, externalReference, billable);
    }

    public EntryChanges taskIds(Field<List<Long>> value) {
        return new EntryChanges(membershipId, contactId, projectId, jobId, value, description, duration, date,
            startedAt, endedAt, externalReference, billable);
    }

    public EntryChanges description(Field<String> value) {
        return new EntryChanges(membershipId, contactId, projectId, jobId, taskIds, value, duration, date, startedAt,
            endedAt, externalReference, billable);
    }

    public EntryChanges duration(Field<Long> value) {
        return new EntryChanges(membershipId, contactId, projectId, jobId, taskIds, description, value, date,
            startedAt, endedAt, externalReference, billable);
    }

    public EntryChanges date(Field<LocalDate> value) {
        return new EntryChanges(membershipId, contactId, projectId, jobId, taskIds, description, duration, value,
            startedAt, endedAt, externalReference, billable);
    }

    public EntryChanges startedAt(Field<Instant> value) {
        return new EntryChanges(membershipId, contactId, projectId, jobId, taskIds, description, duration, date, value,
            endedAt, externalReference, billable);
    }

    public EntryChanges endedAt(Field<Instant> value) {
        return new EntryChanges(membershipId, contactId, projectId, jobId, taskIds, description, duration, date,
            startedAt, value, externalReference, billable);
    }

    public EntryChanges externalReference(Field<ExternalReference> value) {
        return new EntryChanges(membershipId, contactId, projectId, jobId, taskIds, description, duration, date,
            startedAt, endedAt, value, billable);
    }

    public EntryChanges billable(Field<Boolean> value) {
        return new EntryChanges(membershipId, contactId, projectId, jobId, taskIds, description, duration, date,
            startedAt, endedAt, externalReference, value);
    }

    boolean changesWork() {
        return contactId.isGiven() || projectId.isGiven() || jobId.isGiven() || taskIds.isGiven()
            || description.isGiven();
    }
}
