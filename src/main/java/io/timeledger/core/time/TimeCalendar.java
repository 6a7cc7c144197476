package io.timeledger.core.time;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Reads;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A person's logged time for a calendar feed: the last year of it, newest first, at most
 * {@link #MOST} entries — what a calendar app polling every few hours needs, not the whole ledger.
 */
@Service
public class TimeCalendar {

    static final int MOST = 5_000;
    static final int DAYS = 366;

    private final TimeCalendarRepository repository;
    private final Clock clock;

    TimeCalendar(TimeCalendarRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Reads
    public List<CalendarEntry> recent(AccountId account, long membershipId, ZoneId zone) {
        return repository.since(account, membershipId, LocalDate.now(clock.withZone(zone)).minusDays(DAYS), MOST);
    }
}
