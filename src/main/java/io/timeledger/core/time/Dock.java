package io.timeledger.core.time;

import java.util.UUID;

/**
 * A person's dock: the one unlogged entry they are working on (null when empty), and the
 * version every change bumps so that devices never overwrite each other unknowingly.
 */
public record Dock(long membershipId, Entry entry, long versionNumber, UUID versionId, String versionClientId) {

    public boolean empty() {
        return entry == null;
    }
}
