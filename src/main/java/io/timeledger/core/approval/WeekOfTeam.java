package io.timeledger.core.approval;

import io.timeledger.core.account.Member;
import java.time.LocalDate;
import java.util.List;

/** A week of the team as an approver sees it: each active person's approval and their seconds per day. */
public record WeekOfTeam(LocalDate start, List<Person> people) {

    /** @param seconds seven days of logged seconds, from the week's first day */
    public record Person(Member member, Approval approval, long[] seconds) {
        public long total() {
            long total = 0;
            for (var day : seconds) {
                total += day;
            }
            return total;
        }
    }
}
