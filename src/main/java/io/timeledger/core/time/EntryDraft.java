package io.timeledger.core.time;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The writable state of an entry while a service changes it; the repository stores it whole. */
final class EntryDraft {

    long membershipId;
    Long contactId;
    Long projectId;
    Long jobId;
    List<Long> taskIds = List.of();
    String description = "";
    LocalDate spentOn;
    long durationSeconds;
    Instant timerStartedAt;
    Instant startedAt;
    Instant endedAt;
    boolean logged;
    Instant loggedAt;
    boolean billable = true;
    BigDecimal billingRate;
    BigDecimal costRate;
    ExternalReference externalReference;

    static EntryDraft newFor(long membershipId) {
        var draft = new EntryDraft();
        draft.membershipId = membershipId;
        return draft;
    }

    static EntryDraft of(Entry entry) {
        var draft = new EntryDraft();
        draft.membershipId = entry.membershipId();
        draft.contactId = entry.contactId();
        draft.projectId = entry.projectId();
        draft.jobId = entry.jobId();
        draft.taskIds = entry.taskIds();
        draft.description = entry.description();
        draft.spentOn = entry.spentOn();
        draft.durationSeconds = entry.durationSeconds();
        draft.timerStartedAt = entry.timerStartedAt();
        draft.startedAt = entry.startedAt();
        draft.endedAt = entry.endedAt();
        draft.logged = entry.logged();
        draft.loggedAt = entry.loggedAt();
        draft.billable = entry.billable();
        draft.billingRate = entry.billingRate();
        draft.costRate = entry.costRate();
        draft.externalReference = entry.externalReference();
        return draft;
    }

    boolean running() {
        return timerStartedAt != null;
    }

    long seconds(Instant now) {
        return Entry.seconds(durationSeconds, timerStartedAt, now);
    }

    /** Stops the timer, keeping the seconds it ran. */
    void pause(Instant now) {
        durationSeconds = seconds(now);
        timerStartedAt = null;
    }

    void start(Instant now) {
        if (timerStartedAt == null) {
            timerStartedAt = now;
        }
    }

    /** Sets the total tracked; a running timer goes on counting from it. */
    void duration(long seconds, Instant now) {
        durationSeconds = seconds;
        if (running()) {
            timerStartedAt = now;
        }
    }

    void work(Work work, Rate rate) {
        contactId = work.contactId();
        projectId = work.projectId();
        jobId = work.jobId();
        taskIds = work.taskIds();
        billable = rate.billable();
        billingRate = rate.rate();
        costRate = rate.costRate();
    }

    /** Moves the entry out of the dock onto {@code day}. */
    void log(LocalDate day, Instant now) {
        pause(now);
        logged = true;
        spentOn = day;
        loggedAt = now;
    }

    /**
     * Moves the entry back into the dock, its timer running. It keeps when it was last logged: time
     * that was once logged is never discarded as insignificant (Clockwork.clearDock).
     */
    void dock(Instant now) {
        logged = false;
        spentOn = null;
        start(now);
    }

    /** Whether the entry was logged before, and is in the dock again because it was redocked. */
    boolean onceLogged() {
        return loggedAt != null;
    }
}
