package io.timeledger.core.time;

import io.timeledger.core.account.Owners;
import io.timeledger.core.common.AccountId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A stretch of work by one person: logged on a day, or sitting unlogged in their dock.
 *
 * @param taskIds         its tasks in order; null when read by {@link Entries#searchWithoutTasks}
 * @param durationSeconds seconds tracked before the running timer (if any) was last started
 * @param timerStartedAt  when the running timer started; null when no timer runs
 * @param spentOn         the day the work belongs to; null while unlogged
 * @param owner           the owner's person (time zone, name, email, avatar), read with the entry for the
 *                        dialects that show them; null only inside the repository, before it is completed
 * @param invoice         the invoice it is billed on; null when none
 * @param lockedReason    why the entry may not change; null when it may
 */
public record Entry(long id, AccountId account, long membershipId, long userId, Long contactId, Long projectId,
                    Long jobId, List<Long> taskIds, String description, LocalDate spentOn, long durationSeconds,
                    Instant timerStartedAt, Instant startedAt, Instant endedAt, boolean logged, Instant loggedAt,
                    boolean billable, BigDecimal billingRate, BigDecimal costRate, EntryInvoice invoice, boolean closed,
                    String lockedReason, ExternalReference externalReference, Owners.Owner owner,
                    Instant createdAt, Instant updatedAt) {

    /** This entry given its owner and its invoice, read after it ({@code EntryRepository.completed}). */
    Entry withOwnerAndInvoice(Owners.Owner person, EntryInvoice billedOn) {
        return new Entry(id, account, membershipId, person.userId(), contactId, projectId, jobId, taskIds,
            description, spentOn, durationSeconds, timerStartedAt, startedAt, endedAt, logged, loggedAt, billable,
            billingRate, costRate, billedOn, closed, lockedReason, externalReference, person, createdAt, updatedAt);
    }

    /** The owner's time zone, in which "today" and logged_at are shown. */
    public ZoneId ownerTimeZone() {
        return owner.timeZone();
    }

    public String ownerName() {
        return owner.name();
    }

    public String ownerEmail() {
        return owner.email();
    }

    /**
     * What an hour of it bills at, as every dialect shows a rate: its rate while it is billable,
     * 0 when it is not billable or nothing sets a rate.
     */
    public BigDecimal billedRate() {
        return billable && billingRate != null ? billingRate : BigDecimal.ZERO;
    }

    /** The id of the invoice it is billed on; null when none. */
    public Long invoiceId() {
        return invoice == null ? null : invoice.id();
    }

    public boolean running() {
        return timerStartedAt != null;
    }

    /** All seconds tracked, the running timer's included. */
    public long seconds(Instant now) {
        return seconds(durationSeconds, timerStartedAt, now);
    }

    /** The seconds tracked before the timer started plus those it has run, if it runs. */
    static long seconds(long durationSeconds, Instant timerStartedAt, Instant now) {
        if (timerStartedAt == null) {
            return durationSeconds;
        }
        return durationSeconds + Math.max(0, Duration.between(timerStartedAt, now).getSeconds());
    }

    /** Why the entry may not be changed, or null: locked, approved, or billed on an invoice. */
    public String lock() {
        if (lockedReason != null) {
            return lockedReason;
        }
        if (invoice != null) {
            return "The entry has been invoiced";
        }
        if (closed) {
            return "The entry has been approved";
        }
        return null;
    }
}
