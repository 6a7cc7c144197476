package io.timeledger.api.paydirt;

import io.timeledger.api.common.Accepts;
import io.timeledger.api.common.Instants;
import io.timeledger.api.common.JsonFields;
import io.timeledger.api.common.Params;
import io.timeledger.api.common.RequestBodies;
import io.timeledger.core.account.Actor;
import io.timeledger.core.common.Field;
import io.timeledger.core.time.Entries;
import io.timeledger.core.time.Entry;
import io.timeledger.core.time.EntryChanges;
import io.timeledger.core.time.EntryQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Paydirt's time logs ({@code /api/v1/time}): time logged to jobs, each one the same entry
 * every other dialect shows. List with {@code start}, {@code end}, {@code user_id},
 * {@code client_id}; create with {@code job_id} and a {@code duration} in seconds or
 * {@code started_at}/{@code ended_at}.
 */
@RestController
@RequestMapping("/api/v1/time")
class PaydirtTimeController {

    private final Entries entries;
    private final RequestBodies bodies;
    private final Clock clock;

    PaydirtTimeController(Entries entries, RequestBodies bodies, Clock clock) {
        this.entries = entries;
        this.bodies = bodies;
        this.clock = clock;
    }

    @GetMapping
    PdTimeLogs list(Actor actor, HttpServletRequest request) {
        var userId = Params.id("user_id", request.getParameter("user_id"));
        var clientId = Params.id("client_id", request.getParameter("client_id"));
        var query = EntryQuery.upTo(Params.integer("limit", request.getParameter("limit"), 1, EntryQuery.MAX_LIMIT, 500))
            .offset(Params.integer("offset", request.getParameter("offset"), 0, Integer.MAX_VALUE, 0))
            .everyone(true)
            .memberships(userId == null ? null : List.of(userId))
            .contacts(clientId == null ? null : List.of(clientId))
            .from(Params.date("start", request.getParameter("start")))
            .to(Params.date("end", request.getParameter("end")));
        var now = clock.instant();
        // a time log shows no tasks
        return new PdTimeLogs(
            entries.searchWithoutTasks(actor, query).stream().map(e -> PdTimeLog.from(e, now)).toList());
    }

    @GetMapping("/{id}")
    PdTimeLogBody fetch(Actor actor, @PathVariable long id) {
        return new PdTimeLogBody(PdTimeLog.from(entries.get(actor, id), clock.instant()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(PdTimeLogFields.class)
    PdTimeLogBody create(Actor actor, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "time_log");
        var jobId = fields.id("job_id");
        var duration = fields.integer("duration");
        var startedAt = fields.instant("started_at");
        var endedAt = fields.instant("ended_at");
        var date = fields.date("date");
        var notes = fields.string("notes");
        if (jobId.orElse(null) == null && !fields.rejected("job_id")) {
            fields.reject("job_id", "can't be blank");
        }
        boolean bySpan = startedAt.orElse(null) != null || endedAt.orElse(null) != null;
        if (bySpan && (startedAt.orElse(null) == null || endedAt.orElse(null) == null)) {
            fields.reject(startedAt.orElse(null) == null ? "started_at" : "ended_at",
                "is needed with " + (startedAt.orElse(null) == null ? "ended_at" : "started_at"));
        }
        if (!bySpan && duration.orElse(null) == null && !fields.rejected("duration")) {
            fields.reject("duration", "or started_at and ended_at are needed");
        }
        fields.validate();

        var changes = EntryChanges.NONE.jobId(jobId).description(notes).duration(bySpan ? Field.absent() : duration)
            .date(date).startedAt(startedAt).endedAt(endedAt);
        return new PdTimeLogBody(PdTimeLog.from(entries.record(actor, changes).entry(), clock.instant()));
    }

    /** What time is logged with, flat (or under {@code time_log}): a duration in seconds, or a start and end. */
    record PdTimeLogFields(Long jobId, Long duration, String startedAt, String endedAt, String date, String notes) { }

    /** {@code {"time_logs": […]}} */
    record PdTimeLogs(List<PdTimeLog> timeLogs) { }

    /** {@code {"time_log": {…}}} */
    record PdTimeLogBody(PdTimeLog timeLog) { }

    /** A time log: an entry as Paydirt shows it, ids as numbers and money as "85.0". */
    record PdTimeLog(long id, Long jobId, Long projectId, Long clientId, long userId, String date,
                     String startedAt, String endedAt, long duration, String notes, boolean billable, String rate,
                     String createdAt, String updatedAt) {
        static PdTimeLog from(Entry entry, Instant now) {
            return new PdTimeLog(entry.id(), entry.jobId(), entry.projectId(), entry.contactId(),
                entry.membershipId(), entry.spentOn() == null ? null : entry.spentOn().toString(),
                Instants.iso(entry.startedAt()), Instants.iso(entry.endedAt()), entry.seconds(now), entry.description(),
                entry.billable(), Paydirt.decimal(entry.billedRate()),
                Instants.iso(entry.createdAt()), Instants.iso(entry.updatedAt()));
        }
    }
}
