package io.timeledger.core.time;

import io.timeledger.core.account.Member;
import io.timeledger.core.catalog.Assignments;
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
 * non-billable.
 */
@Component
class RateResolver {

    private final Assignments assignments;

    RateResolver(Assignments assignments) {
        this.assignments = assignments;
    }

    Rate resolve(Member member, Work work) {
        List<TaskAssignment> onProject = work.project() == null ? List.of() : work.tasks().stream()
            .map(task -> assignments.taskAssignment(member.account(), work.projectId(), task.id()).orElse(null))
            .filter(Objects::nonNull)
            .toList();
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
        if (rate == null && work.project() != null) {
            rate = assignments.userAssignment(member.account(), work.projectId(), member.id())
                .map(assignment -> assignment.hourlyRate()).orElse(null);
        }
        if (rate == null) {
            rate = member.billingRate();
        }
        return new Rate(billable, rate, member.costRate());
    }

    private static BigDecimal first(List<BigDecimal> rates) {
        return rates.stream().filter(Objects::nonNull).findFirst().orElse(null);
    }
}
