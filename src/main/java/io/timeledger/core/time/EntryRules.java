package io.timeledger.core.time;

import io.timeledger.core.common.CalendarDays;
import io.timeledger.core.common.Invalid;
import java.util.Arrays;

/** The limits on an entry's own fields. */
final class EntryRules {

    /** A day's work: a duration given by hand is at most 24 hours. (A timer left running may go beyond.) */
    static final long MAX_DURATION_SECONDS = 24 * 60 * 60;
    static final int MAX_DESCRIPTION = 10_000;

    private EntryRules() { }

    static void check(EntryChanges changes, Invalid.Collector problems) {
        if (changes.duration().isGiven()) {
            Long duration = changes.duration().orElse(null);
            if (duration == null) {
                problems.add("duration", "can't be blank");
            } else if (duration < 0) {
                problems.add("duration", "must be greater than or equal to 0");
            } else if (duration > MAX_DURATION_SECONDS) {
                problems.add("duration", "must be at most 24 hours");
            }
        }
        CalendarDays.check("date", changes.date().orElse(null), problems);
        var description = changes.description().orElse(null);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add("description", "is too long (maximum is " + MAX_DESCRIPTION + " characters)");
        }
        var reference = changes.externalReference().orElse(null);
        if (reference != null) {
            for (var part : Arrays.asList(reference.id(), reference.groupId(), reference.accountId(),
                    reference.permalink(), reference.service(), reference.serviceIconUrl())) {
                if (part != null && part.length() > 2000) {
                    problems.add("external_reference", "is too long (at most 2000 characters a field)");
                    break;
                }
            }
        }
        if (changes.taskIds().isGiven() && changes.taskIds().orElse(null) != null
                && changes.taskIds().orElse(null).size() > 100) {
            problems.add("task_ids", "may name at most 100 tasks");
        }
    }
}
