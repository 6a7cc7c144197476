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

    public static final EntryChanges NONE = of(Field.absent(), Field.absent(), Field.absent(), Field.absent(),
        Field.absent(), Field.absent(), Field.absent());

    /** The changes MinuteDock can express: no start/end instants, no external reference. */
    public static EntryChanges of(Field<Long> membershipId, Field<Long> contactId, Field<Long> projectId,
                                  Field<List<Long>> taskIds, Field<String> description, Field<Long> duration,
                                  Field<LocalDate> date) {
        return new EntryChanges(membershipId, contactId, projectId, Field.absent(), taskIds, description, duration, date,
            Field.absent(), Field.absent(), Field.absent(), Field.absent());
    }

    /** These changes on {@code day}. */
    EntryChanges withDate(LocalDate day) {
        return new EntryChanges(membershipId, contactId, projectId, jobId, taskIds, description, duration,
            Field.of(day), startedAt, endedAt, externalReference, billable);
    }

    boolean changesWork() {
        return contactId.isGiven() || projectId.isGiven() || jobId.isGiven() || taskIds.isGiven()
            || description.isGiven();
    }
}
