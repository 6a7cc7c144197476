package io.timeledger.core.time;

import io.timeledger.core.account.Member;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * The one place an entry's rate is decided, for every dialect: the first of its tasks with a
 * rate, else its project's, else its contact's, else the person's own rate. A non-billable
 * task, project or contact makes the entry non-billable.
 */
@Component
class RateResolver {

    Rate resolve(Member member, Work work) {
        boolean billable = (work.contact() == null || work.contact().details().billable())
            && (work.project() == null || work.project().details().billable())
            && work.tasks().stream().allMatch(task -> task.billable());
        BigDecimal rate = work.tasks().stream()
            .map(task -> task.defaultRate())
            .filter(r -> r != null)
            .findFirst()
            .orElse(null);
        if (rate == null && work.project() != null) {
            rate = work.project().details().defaultRate();
        }
        if (rate == null && work.contact() != null) {
            rate = work.contact().details().defaultRate();
        }
        if (rate == null) {
            rate = member.billingRate();
        }
        return new Rate(billable, rate);
    }
}
