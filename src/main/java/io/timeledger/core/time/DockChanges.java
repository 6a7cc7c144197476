package io.timeledger.core.time;

import io.timeledger.core.common.Field;
import java.util.UUID;

/**
 * A change to the dock. {@code baseVersionNumber}/{@code baseVersionId} name the version the
 * client last saw; a change against any other is refused as stale.
 *
 * @param timerActive true starts the timer, false pauses it
 * @param logged      true logs the dock's entry for today and empties the dock
 */
public record DockChanges(EntryChanges entry, Field<Boolean> timerActive, Field<Boolean> logged,
                          Long baseVersionNumber, UUID baseVersionId, String clientId) {

    /**
     * A change to the docked entry that names no dock version (an entries API's update of it): a
     * date logs the entry on that day.
     */
    static DockChanges unversioned(EntryChanges entry, Field<Boolean> timerActive) {
        var logged = entry.date().orElse(null) != null ? Field.of(true) : Field.<Boolean>absent();
        return new DockChanges(entry, timerActive, logged, null, null, null);
    }

    boolean namesVersion() {
        return baseVersionNumber != null || baseVersionId != null;
    }
}
