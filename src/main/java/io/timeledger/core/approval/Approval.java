package io.timeledger.core.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A person's week and where it stands: open (not submitted, or withdrawn or reopened), submitted,
 * approved or rejected — with the approver's note and who decided, when.
 *
 * @param id 0 for a week nobody has acted on yet
 */
public record Approval(long id, long membershipId, LocalDate periodStart, LocalDate periodEnd, Status status,
                       String note, Instant submittedAt, Instant decidedAt, Long decidedBy) {

    public enum Status {
        OPEN, SUBMITTED, APPROVED, REJECTED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status of(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    /** A week nobody has acted on. */
    static Approval open(long membershipId, LocalDate start) {
        return new Approval(0, membershipId, start, start.plusDays(6), Status.OPEN, null, null, null, null);
    }
}
