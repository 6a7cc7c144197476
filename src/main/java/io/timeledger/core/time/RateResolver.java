package io.timeledger.core.time;

import io.timeledger.core.account.Member;
import io.timeledger.core.catalog.Task;
import io.timeledger.core.catalog.TaskAssignment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The one place an entry's rate is decided, for every dialect. In order, the first that sets
 * one: a task's rate on the entry's project (Harvest's task assignment), a task's own rate,
 * the project's, the contact's, the person's rate on the project (Harvest's user assignment),
 * the person's own. A non-billable task, task assignment, project or contact makes the entry
 * non-billable. Time logged to a job is priced by the job's price type instead.
 */
@Component
class RateResolver {

    /**
     * Reads nothing: the work carries its live project's assignments, none without one
     * ({@link WorkResolver}, {@link io.timeledger.core.catalog.WorkLookup}).
     */
    Rate resolve(Member member, Work work) {
        return explain(member, work).rate();
    }

    /** The rate, and the level of the chain that set it: why an entry of this work is worth what it is. */
    Priced explain(Member member, Work work) {
        if (work.job() != null) {
            return byJob(member, work);
        }
        var onProject = work.taskAssignments();
        boolean billable = (work.contact() == null || work.contact().details().billable())
            && (work.project() == null || work.project().details().billable())
            && work.tasks().stream().allMatch(Task::billable)
            && onProject.stream().allMatch(TaskAssignment::billable);
        var level = RateLevel.TASK_ON_PROJECT;
        BigDecimal rate = first(onProject.stream().map(TaskAssignment::hourlyRate).toList());
        if (rate == null) {
            level = RateLevel.TASK;
            rate = first(work.tasks().stream().map(Task::defaultRate).toList());
        }
        if (rate == null && work.project() != null) {
            level = RateLevel.PROJECT;
            rate = work.project().details().defaultRate();
        }
        if (rate == null && work.contact() != null) {
            level = RateLevel.CLIENT;
            rate = work.contact().details().defaultRate();
        }
        if (rate == null) {
            var personal = personal(member, work);
            level = personal.level();
            rate = personal.rate();
        }
        return new Priced(new Rate(billable, rate, member.costRate()), level);
    }

    /** A rate and the level of the chain it came from. */
    record Priced(Rate rate, RateLevel level) { }

    /**
     * Time logged to a job is priced by the job: per hour at its price, fixed (the time itself not
     * billable), or per user at the person's rate on the project, else their own.
     */
    private Priced byJob(Member member, Work work) {
        var job = work.job();
        boolean billable = (work.contact() == null || work.contact().details().billable())
            && (work.project() == null || work.project().details().billable());
        return switch (job.priceType()) {
            case PER_HOUR -> new Priced(new Rate(billable, job.price(), member.costRate()), RateLevel.JOB);
            case FIXED -> new Priced(new Rate(false, null, member.costRate()), RateLevel.JOB);
            case PER_USER -> {
                var personal = personal(member, work);
                yield new Priced(new Rate(billable, personal.rate(), member.costRate()), personal.level());
            }
        };
    }

    /** A rate, where it is set. */
    private record Personal(BigDecimal rate, RateLevel level) { }

    /** The person's rate on the project, else their own; NONE when neither is set. */
    private static Personal personal(Member member, Work work) {
        BigDecimal onProject = work.userAssignment() == null ? null : work.userAssignment().hourlyRate();
        if (onProject != null) {
            return new Personal(onProject, RateLevel.PERSON_ON_PROJECT);
        }
        return new Personal(member.billingRate(), member.billingRate() == null ? RateLevel.NONE : RateLevel.PERSON);
    }

    private static BigDecimal first(List<BigDecimal> rates) {
        return rates.stream().filter(Objects::nonNull).findFirst().orElse(null);
    }
}
