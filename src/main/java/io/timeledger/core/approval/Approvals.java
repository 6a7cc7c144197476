package io.timeledger.core.approval;

import io.timeledger.core.account.Actor;
import io.timeledger.core.account.People;
import io.timeledger.core.account.Role;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Forbidden;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Timesheet approval, week by week (weeks start on the account's week start):
 *
 * <ul>
 *   <li>a person submits their own week, and may withdraw it while it waits;</li>
 *   <li>a manager approves or rejects someone else's submitted week, an administrator anyone's
 *       (their own too); a rejection says why;</li>
 *   <li>approving closes the week's logged entries — Harvest's {@code is_closed}, locked in every
 *       dialect as invoiced time is, and no time is added to the week or moved into it (V28) — and
 *       is refused while a timer runs in it;</li>
 *   <li>an administrator reopens an approved week: its entries open again, and it may be submitted
 *       anew.</li>
 * </ul>
 *
 * Every change of a week's status goes through the change feed as {@code approval.changed} (V28).
 */
@Service
public class Approvals {

    private final ApprovalRepository repository;
    private final RememberedWeeks remembered;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Approvals(ApprovalRepository repository, RememberedWeeks remembered, People people, ApplicationEventPublisher events,
              Clock clock) {
        this.repository = repository;
        this.remembered = remembered;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** A person's week: their membership, its first day. */
    public record Week(long membershipId, LocalDate start) { }

    /** The first day of the week {@code day} falls in. */
    public static LocalDate weekOf(Actor actor, LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(actor.tenant().weekStart()));
    }

    /** Where the person's week of {@code day} stands; a member asks only of their own. */
    @Reads
    public Approval of(Actor actor, long membershipId, LocalDate day) {
        if (actor.seesOnlyOwnTime() && membershipId != actor.membershipId()) {
            throw new Forbidden("Members can see only their own timesheet");
        }
        var start = weekOf(actor, day);
        return remembered.week(actor.account(), membershipId, start,
                () -> repository.find(actor.account(), membershipId, start))
            .orElseGet(() -> Approval.open(membershipId, start));
    }

    /** The week {@code id} (a change's {@code approval_id}); a member reads only their own. */
    @Reads
    public Approval get(Actor actor, long id) {
        return repository.find(actor.account(), id)
            .filter(week -> !actor.seesOnlyOwnTime() || week.membershipId() == actor.membershipId())
            .orElseThrow(() -> new NotFound("Approval", id));
    }

    /** Submits the actor's own week of {@code day}; submitting a week that waits changes nothing. */
    @Transactional
    public Approval submit(Actor actor, LocalDate day) {
        var week = repository.lock(actor.account(), actor.membershipId(), weekOf(actor, day));
        return switch (week.status()) {
            case SUBMITTED -> week;
            case APPROVED -> throw new Invalid("base", "The week has been approved already");
            case OPEN, REJECTED -> save(actor, new Approval(week.id(), week.membershipId(),
                week.periodStart(), week.periodEnd(), Approval.Status.SUBMITTED, week.note(), clock.instant(), null,
                null), clock.instant());
        };
    }

    /** Takes the actor's own waiting week back, to change it before submitting it again. */
    @Transactional
    public Approval withdraw(Actor actor, LocalDate day) {
        var week = repository.lock(actor.account(), actor.membershipId(), weekOf(actor, day));
        if (week.status() != Approval.Status.SUBMITTED) {
            throw new Invalid("base", "Only a submitted week can be withdrawn");
        }
        return save(actor, reopened(week), clock.instant());
    }

    /** Approves the person's submitted week of {@code day}, closing its entries; {@code note} is optional. */
    @Transactional
    public Approval approve(Actor actor, long membershipId, LocalDate day, String note) {
        requireApprover(actor, membershipId);
        var week = repository.lock(actor.account(), membershipId, weekOf(actor, day));
        if (week.status() != Approval.Status.SUBMITTED) {
            throw new Invalid("base", week.status() == Approval.Status.APPROVED ? "The week has been approved already"
                : "Only a submitted week can be approved");
        }
        if (repository.timerRunsIn(actor.account(), membershipId, week.periodStart())) {
            throw new Invalid("base", "A timer is running in that week; it must be stopped before the week is"
                + " approved");
        }
        var now = clock.instant();
        repository.close(actor.account(), membershipId, week.periodStart(), true, now);
        return save(actor, new Approval(week.id(), membershipId, week.periodStart(),
            week.periodEnd(), Approval.Status.APPROVED, note(note), week.submittedAt(), now, actor.membershipId()),
            now);
    }

    /** Sends the person's submitted week back with {@code note}, what to change (required). */
    @Transactional
    public Approval reject(Actor actor, long membershipId, LocalDate day, String note) {
        requireApprover(actor, membershipId);
        if (note(note) == null) {
            throw new Invalid("note", "can't be blank: say what should change");
        }
        var week = repository.lock(actor.account(), membershipId, weekOf(actor, day));
        if (week.status() != Approval.Status.SUBMITTED) {
            throw new Invalid("base", "Only a submitted week can be rejected");
        }
        var now = clock.instant();
        return save(actor, new Approval(week.id(), membershipId, week.periodStart(),
            week.periodEnd(), Approval.Status.REJECTED, note(note), week.submittedAt(), now, actor.membershipId()),
            now);
    }

    /** An administrator opens an approved week again: its entries can change, and it may be submitted anew. */
    @Transactional
    public Approval reopen(Actor actor, long membershipId, LocalDate day) {
        actor.requireAdmin();
        people.member(actor.account(), membershipId);
        var week = repository.lock(actor.account(), membershipId, weekOf(actor, day));
        if (week.status() != Approval.Status.APPROVED) {
            throw new Invalid("base", "Only an approved week can be reopened");
        }
        var now = clock.instant();
        repository.close(actor.account(), membershipId, week.periodStart(), false, now);
        return save(actor, reopened(week), now);
    }

    /** The team's week of {@code day}: every active person, their week's status and hours by day. */
    @Reads
    public WeekOfTeam team(Actor actor, LocalDate day) {
        actor.requireManager();
        var start = weekOf(actor, day);
        var approvals = repository.ofWeek(actor.account(), start);
        var seconds = repository.seconds(actor.account(), start);
        var rows = new ArrayList<WeekOfTeam.Person>();
        for (var member : people.members(actor.account(), true)) {
            rows.add(new WeekOfTeam.Person(member,
                approvals.getOrDefault(member.id(), Approval.open(member.id(), start)),
                seconds.getOrDefault(member.id(), new long[7])));
        }
        return new WeekOfTeam(start, List.copyOf(rows));
    }

    /** Which weeks of the account wait for a decision: one look at a partial index, most often empty. */
    @Reads
    public Set<Week> waitingWeeks(AccountId account) {
        return remembered.waiting(account, () -> repository.submittedWeeks(account));
    }

    /** The weeks waiting for a decision, oldest first (for those who decide). */
    @Reads
    public List<Approval> waiting(Actor actor) {
        actor.requireManager();
        return repository.submitted(actor.account());
    }

    private Approval save(Actor actor, Approval week, Instant now) {
        events.publishEvent(new ApprovalsChanged(actor.account()));
        return repository.save(actor.account(), week, now);
    }

    /** Managers decide on others' weeks; an administrator on anyone's, their own included. */
    private void requireApprover(Actor actor, long membershipId) {
        actor.requireManager();
        people.member(actor.account(), membershipId);
        if (actor.role() != Role.ADMIN && membershipId == actor.membershipId()) {
            throw new Forbidden("Managers cannot approve their own time; an administrator can");
        }
    }

    private static Approval reopened(Approval week) {
        return new Approval(week.id(), week.membershipId(), week.periodStart(), week.periodEnd(), Approval.Status.OPEN,
            null, null, null, null);
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > 2000) {
            throw new Invalid("note", "is too long (maximum is 2000 characters)");
        }
        return note.strip();
    }
}
