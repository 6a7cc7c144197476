package io.timeledger.core.time;

import io.timeledger.core.common.Field;
import java.time.LocalDate;
import java.util.List;

/**
 * A new entry or a partial update; absent fields keep their value. Hashtags in the description
 * (#task, #project-code, @contact-code) add to what the id fields say.
 *
 * @param membershipId whose entry it is (admins only, for someone else)
 * @param duration     seconds
 * @param date         the day; on create, absent means "start a timer in the dock"
 */
public record EntryChanges(Field<Long> membershipId, Field<Long> contactId, Field<Long> projectId,
                           Field<List<Long>> taskIds, Field<String> description, Field<Long> duration,
                           Field<LocalDate> date) {

    public static final EntryChanges NONE = new EntryChanges(Field.absent(), Field.absent(), Field.absent(),
        Field.absent(), Field.absent(), Field.absent(), Field.absent());

    boolean changesWork() {
        return contactId.isGiven() || projectId.isGiven() || taskIds.isGiven() || description.isGiven();
    }
}
