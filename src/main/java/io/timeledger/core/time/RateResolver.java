package io.timeledger.core.time;

import io.timeledger.core.account.Member;
import io.timeledger.core.catalog.Assignments;
import io.timeledger.core.catalog.Task;
import io.timeledger.core.catalog.TaskAssignment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    private final Assignments assignments;

    RateResolver(Assignments assignments) {
        this.assignments = assignments;
    }

    Rate resolve(Member member, Work work) {
        if (work.job() != null) {
            return byJob(member, work);
        }
        var onProject = onProject(member, work);
        boolean billable = (work.contact() == null || work.contact().details().billable())
            && (work.project() == null || work.project().details().billable())
            && work.tasks().stream().allMatch(Task::billable)
            && onProject.stream().allMatch(TaskAssignment::billable);
        BigDecimal rate = first(onProject.stream().map(TaskAssignment::hourlyRate).toList());
        if (rate == null) {
            rate = first(work.tasks().stream().map(Task::defaultRate).toList());
        }
        if (rate == null && work.project() != null) {
            rate = work.project().details().defaultRate();
        }
        if (rate == null && work.contact() != null) {
            rate = work.contact().details().defaultRate();
        }
        if (rate == null) {
            rate = personal(member, work);
        }
        return new Rate(billable, rate, member.costRate());
    }

    /**
     * Time logged to a job is priced by the job: per hour at its price, fixed (the time itself not
     * billable), or per user at the person's rate on the project, else their own.
     */
    private Rate byJob(Member member, Work work) {
        var job = work.job();
        boolean billable = (work.contact() == null || work.contact().details().billable())
            && (work.project() == null || work.project().details().billable());
        return switch (job.priceType()) {
            case PER_HOUR -> new Rate(billable, job.price(), member.costRate());
            case FIXED -> new Rate(false, null, member.costRate());
            case PER_USER -> new Rate(billable, personal(member, work), member.costRate());
        };
    }

    /** The assignments of the entry's tasks to its project, in the order of its tasks: one query for all. */
    private List<TaskAssignment> onProject(Member member, Work work) {
        if (work.project() == null || work.tasks().isEmpty()) {
            return List.of();
        }
        var byTask = assignments.taskAssignments(member.account(), work.projectId(),
                work.tasks().stream().map(Task::id).toList()).stream()
            .collect(Collectors.toMap(TaskAssignment::taskId, Function.identity()));
        return work.tasks().stream().map(task -> byTask.get(task.id())).filter(Objects::nonNull).toList();
    }

    private BigDecimal personal(Member member, Work work) {
        BigDecimal rate = null;
        if (work.project() != null) {
            rate = assignments.userAssignment(member.account(), work.projectId(), member.id())
                .map(assignment -> assignment.hourlyRate()).orElse(null);
        }
        return rate != null ? rate : member.billingRate();
    }

    private static BigDecimal first(List<BigDecimal> rates) {
        return rates.stream().filter(Objects::nonNull).findFirst().orElse(null);
    }
}
