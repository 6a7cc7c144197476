package io.timeledger.api.harvest;

import io.timeledger.api.common.Accepts;
import io.timeledger.api.common.JsonFields;
import io.timeledger.api.common.PageReads;
import io.timeledger.api.common.Params;
import io.timeledger.api.common.RequestBodies;
import io.timeledger.core.account.Actor;
import io.timeledger.core.account.People;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.time.Entries;
import io.timeledger.core.time.EntryChanges;
import io.timeledger.core.time.EntryQuery;
import io.timeledger.core.time.ExternalReference;
import io.timeledger.core.time.TimeOfDay;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2/time_entries}: list with Harvest's filters and pages, retrieve, create (by
 * duration or by start and end time, as the account tracks), update, delete, and the timer's
 * restart and stop. Bodies may be JSON or form-encoded.
 */
@RestController
@RequestMapping("/v2/time_entries")
class HarvestTimeEntriesController {

    private final Entries entries;
    private final People people;
    private final HarvestTimeEntryViews views;
    private final RequestBodies bodies;
    private final PageReads pageReads;
    private final Clock clock;

    HarvestTimeEntriesController(Entries entries, People people, HarvestTimeEntryViews views,
                                 RequestBodies bodies, Clock clock, PageReads pageReads) {
        this.entries = entries;
        this.people = people;
        this.views = views;
        this.bodies = bodies;
        this.clock = clock;
        this.pageReads = pageReads;
    }

    @GetMapping
    @HarvestPageOf(key = "time_entries", items = HarvestTimeEntryViews.HtEntry.class)
    Map<String, Object> list(Actor actor, HttpServletRequest request) {
        var page = HarvestPage.of(request);
        var query = EntryQuery.upTo(page.perPage())
            .offset(page.offset())
            .everyone(true)
            .memberships(one(Params.id("user_id", request.getParameter("user_id"))))
            .contacts(one(Params.id("client_id", request.getParameter("client_id"))))
            .projects(one(Params.id("project_id", request.getParameter("project_id"))))
            .tasks(one(Params.id("task_id", request.getParameter("task_id"))))
            .from(Params.date("from", request.getParameter("from")))
            .to(Params.date("to", request.getParameter("to")))
            .since(Params.instant("updated_since", request.getParameter("updated_since")))
            .externalReferenceId(blankToNull(request.getParameter("external_reference_id")))
            .billed(Params.bool("is_billed", request.getParameter("is_billed")))
            .running(Params.bool("is_running", request.getParameter("is_running")));
        return pageReads.read(() -> page.envelope("time_entries", views.render(actor, entries.search(actor, query)),
            entries.count(actor, query), request));
    }

    @GetMapping("/{id}")
    HarvestTimeEntryViews.HtEntry retrieve(Actor actor, @PathVariable long id) {
        return views.render(actor, entries.get(actor, id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(HtEntryFields.class)
    HarvestTimeEntryViews.HtEntry create(Actor actor, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "time_entry");
        var userId = fields.id("user_id");
        var body = Body.read(fields);
        requirePresent(fields, "project_id", body.projectId());
        requirePresent(fields, "task_id", body.taskId());
        requirePresent(fields, "spent_date", body.spentDate());
        fields.validate();

        var date = body.spentDate().orElse(null);
        var startedTime = body.startedTime();
        var endedTime = body.endedTime();
        var zone = zoneOf(actor, userId.orElse(null));
        boolean timestamps = actor.tenant().preferences().timestampTimers()
            || startedTime.orElse(null) != null || endedTime.orElse(null) != null;
        Field<Instant> startedAt = Field.absent();
        Field<Instant> endedAt = Field.absent();
        Field<Long> duration = Field.absent();
        if (timestamps) {
            // a timer started without a time starts now
            startedAt = Field.of(startedTime.orElse(null) == null ? clock.instant()
                : at(date, "started_time", startedTime.orElse(null), zone));
            endedAt = endedTime.map(text -> text == null ? null : at(date, "ended_time", text, zone));
        } else {
            duration = body.hours().map(HarvestTimeEntriesController::seconds);
        }
        var changes = EntryChanges.NONE.membershipId(userId).projectId(body.projectId())
            .taskIds(body.taskId().map(List::of)).description(body.notes()).duration(duration).date(Field.of(date))
            .startedAt(startedAt).endedAt(endedAt).externalReference(body.reference());
        return views.render(actor, entries.record(actor, changes));
    }

    @PatchMapping("/{id}")
    @Accepts(HtEntryChangeFields.class)
    HarvestTimeEntryViews.HtEntry update(Actor actor, @PathVariable long id, HttpServletRequest request) {
        var current = entries.get(actor, id);
        var fields = JsonFields.of(bodies.read(request), "time_entry");
        var body = Body.read(fields);
        if (body.projectId().isGiven() && body.projectId().orElse(null) == null) {
            fields.reject("project_id", "can't be blank");
        }
        if (body.taskId().isGiven() && body.taskId().orElse(null) == null) {
            fields.reject("task_id", "can't be blank");
        }
        fields.validate();

        var date = body.spentDate().orElse(current.spentOn());
        var zone = current.ownerTimeZone();
        Field<Instant> startedAt = body.startedTime()
            .map(text -> text == null ? null : at(date, "started_time", text, zone));
        Field<Instant> endedAt = body.endedTime()
            .map(text -> text == null ? null : at(date, "ended_time", text, zone));
        var changes = EntryChanges.NONE.projectId(body.projectId()).taskIds(body.taskId().map(List::of))
            .description(body.notes()).duration(body.hours().map(HarvestTimeEntriesController::seconds))
            .date(body.spentDate()).startedAt(startedAt).endedAt(endedAt).externalReference(body.reference());
        return views.render(actor, entries.update(actor, id, changes));
    }

    /** Answers the deleted entry, as Harvest does. Approved entries only by an admin. */
    @DeleteMapping("/{id}")
    HarvestTimeEntryViews.HtEntry delete(Actor actor, @PathVariable long id) {
        return views.render(actor, entries.delete(actor, id));
    }

    @DeleteMapping("/{id}/external_reference")
    ResponseEntity<Void> deleteExternalReference(Actor actor, @PathVariable long id) {
        entries.clearExternalReference(actor, id);
        return ResponseEntity.ok().build();
    }

    @PatchMapping("/{id}/restart")
    HarvestTimeEntryViews.HtEntry restart(Actor actor, @PathVariable long id) {
        return views.render(actor, entries.restart(actor, id));
    }

    @PatchMapping("/{id}/stop")
    HarvestTimeEntryViews.HtEntry stop(Actor actor, @PathVariable long id) {
        return views.render(actor, entries.stop(actor, id));
    }

    /** The fields a time entry's create and update bodies share, read in one order for both. */
    /**
     * A time entry as Harvest's document lists its fields: by duration ({@code hours}) or by start
     * and end ({@code started_time}, {@code ended_time}, e.g. "8:00am") as the account tracks time.
     */
    record HtEntryFields(Long userId, Long projectId, Long taskId, String spentDate, BigDecimal hours,
                         String startedTime, String endedTime, String notes,
                         HtExternalReferenceFields externalReference) { }

    /** The same, but for the person, which a time entry keeps. */
    record HtEntryChangeFields(Long projectId, Long taskId, String spentDate, BigDecimal hours, String startedTime,
                               String endedTime, String notes, HtExternalReferenceFields externalReference) { }

    /** Where the time came from in another tool: {@code id} is required. */
    record HtExternalReferenceFields(String id, String groupId, String accountId, String permalink) { }

    private record Body(Field<Long> projectId, Field<Long> taskId, Field<LocalDate> spentDate, Field<BigDecimal> hours,
                        Field<String> startedTime, Field<String> endedTime, Field<String> notes,
                        Field<ExternalReference> reference) {

        static Body read(JsonFields fields) {
            return new Body(fields.id("project_id"), fields.id("task_id"), fields.date("spent_date"),
                fields.number("hours"), fields.string("started_time"), fields.string("ended_time"),
                fields.string("notes"), externalReference(fields));
        }
    }

    private static void requirePresent(JsonFields fields, String name, Field<?> field) {
        if (field.orElse(null) == null && !fields.rejected(name)) {
            fields.reject(name, "can't be blank");
        }
    }

    private static Field<ExternalReference> externalReference(JsonFields fields) {
        var node = fields.object("external_reference");
        return node.map(object -> {
            if (object == null) {
                return null;
            }
            var inner = JsonFields.of(object, "external_reference");
            var reference = new ExternalReference(inner.string("id").orElse(null),
                inner.string("group_id").orElse(null), inner.string("account_id").orElse(null),
                inner.string("permalink").orElse(null), inner.string("service").orElse(null),
                inner.string("service_icon_url").orElse(null));
            try {
                inner.validate();
            } catch (Invalid invalid) {
                fields.reject("external_reference", "must hold strings: id, group_id, account_id, permalink");
                return null;
            }
            if (reference.id() == null || reference.id().isBlank()) {
                fields.reject("external_reference", "needs an id");
            }
            return reference;
        });
    }

    private ZoneId zoneOf(Actor actor, Long membershipId) {
        if (membershipId == null || membershipId == actor.membershipId()) {
            return actor.member().timeZone();
        }
        return people.findMember(actor.account(), membershipId).map(member -> member.timeZone())
            .orElse(ZoneId.of("UTC"));
    }

    private static Instant at(LocalDate date, String field, String time, ZoneId zone) {
        if (date == null) {
            throw new Invalid("spent_date", "can't be blank");
        }
        return TimeOfDay.on(date, field, time, zone);
    }

    /** Hours as whole seconds; absurd amounts are clamped so that the core's limit names the problem. */
    private static Long seconds(BigDecimal hours) {
        if (hours == null) {
            return null;
        }
        if (hours.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            return hours.signum() * 3_600_000_000L;
        }
        return hours.multiply(BigDecimal.valueOf(3600)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static List<Long> one(Long id) {
        return id == null ? null : List.of(id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
