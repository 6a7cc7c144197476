package io.timeledger.api.expensicat;

import io.timeledger.api.common.Accepts;
import io.timeledger.api.common.JsonFields;
import io.timeledger.api.common.PageReads;
import io.timeledger.api.common.Params;
import io.timeledger.api.common.RequestBodies;
import io.timeledger.api.expensicat.ExpensicatViews.EcEntries;
import io.timeledger.api.expensicat.ExpensicatViews.EcEntryBody;
import io.timeledger.api.expensicat.ExpensicatViews.EcEntryFields;
import io.timeledger.api.expensicat.ExpensicatViews.EcMeta;
import io.timeledger.core.account.Actor;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.time.Entries;
import io.timeledger.core.time.EntryChanges;
import io.timeledger.core.time.EntryQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Expensicat's time entries: list (newest first, keyset cursor), create (without
 * {@code end_time} a running timer), get, update (partial), delete (204).
 */
@RestController
@RequestMapping({"/v1/time-entries", "/api/v1/time-entries"})
class ExpensicatTimeEntriesController {

    private static final String CURSOR_PREFIX = "c1:";

    private final Entries entries;
    private final ExpensicatViews views;
    private final RequestBodies bodies;
    private final PageReads pageReads;

    ExpensicatTimeEntriesController(Entries entries, ExpensicatViews views, RequestBodies bodies,
                                    PageReads pageReads) {
        this.entries = entries;
        this.views = views;
        this.bodies = bodies;
        this.pageReads = pageReads;
    }

    static boolean serves(String path) {
        return path.startsWith("/v1/time-entries") || path.startsWith("/api/v1/time-entries");
    }

    @GetMapping
    EcEntries list(Actor actor, HttpServletRequest request) {
        int limit = Params.integer("limit", request.getParameter("limit"), 1, 100, 20);
        var userId = request.getParameter("user_id");
        List<Long> memberships = userId == null || userId.isBlank() ? null
            : userId.strip().equals("me") ? List.of(actor.membershipId()) : List.of(Params.id("user_id", userId));
        var projectId = Params.id("project_id", request.getParameter("project_id"));
        var text = request.getParameter("q");
        var query = EntryQuery.upTo(limit + 1)
            .everyone(true)
            .memberships(memberships)
            .projects(projectId == null ? null : List.of(projectId))
            .from(Params.date("start_date", request.getParameter("start_date")))
            .to(Params.date("end_date", request.getParameter("end_date")))
            .text(text == null || text.isBlank() ? null : text.strip())
            .beforeId(decode(request.getParameter("cursor")))
            .newestIdFirst(true);
        return pageReads.read(() -> {
            // Expensicat's time entry has no tasks
            var found = entries.searchWithoutTasks(actor, query);
            var page = found.size() > limit ? found.subList(0, limit) : found;
            return new EcEntries(views.render(actor, page),
                new EcMeta(page.size(), found.size() > limit ? encode(page.get(page.size() - 1).id()) : null));
        });
    }

    @GetMapping("/{id}")
    EcEntryBody get(Actor actor, @PathVariable String id) {
        return new EcEntryBody(views.render(actor, entries.get(actor, parse(id))));
    }

    @PostMapping
    @Accepts(EcEntryFields.class)
    ResponseEntity<EcEntryBody> create(Actor actor, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "time_entry");
        var start = fields.instant("start_time");
        var end = fields.instant("end_time");
        var description = fields.string("description");
        var projectId = fields.id("project_id");
        var billable = fields.bool("billable");
        if (start.orElse(null) == null && !fields.rejected("start_time")) {
            fields.reject("start_time", "is required");
        }
        if (description.orElse(null) == null && !fields.rejected("description")) {
            fields.reject("description", "is required");
        }
        if (billable.isGiven() && billable.orElse(null) == null && !fields.rejected("billable")) {
            fields.reject("billable", "must be true or false");
        }
        fields.validate();

        var changes = EntryChanges.NONE.projectId(projectId).description(description).startedAt(start).endedAt(end)
            .billable(billable);
        var created = entries.record(actor, changes);
        return ResponseEntity.status(HttpStatus.CREATED).body(new EcEntryBody(views.render(actor, created)));
    }

    @PatchMapping("/{id}")
    @Accepts(EcEntryFields.class)
    EcEntryBody update(Actor actor, @PathVariable String id, HttpServletRequest request) {
        long entryId = parse(id);
        var current = entries.get(actor, entryId);
        var fields = JsonFields.of(bodies.read(request), "time_entry");
        var start = fields.instant("start_time");
        var end = fields.instant("end_time");
        var description = fields.string("description");
        var projectId = fields.id("project_id");
        var billable = fields.bool("billable");
        if (start.isGiven() && start.orElse(null) == null && !fields.rejected("start_time")) {
            fields.reject("start_time", "can't be cleared");
        }
        if (billable.isGiven() && billable.orElse(null) == null && !fields.rejected("billable")) {
            fields.reject("billable", "must be true or false");
        }
        fields.validate();

        // an entry logged by duration elsewhere has no start of its own: it starts at its day's beginning
        var startedAt = start.orElse(current.startedAt() != null ? current.startedAt() : views.startOf(current));
        var changes = EntryChanges.NONE.projectId(projectId).description(description)
            .startedAt(start.isGiven() || end.isGiven() ? Field.of(startedAt) : Field.absent()).endedAt(end)
            .billable(billable);
        return new EcEntryBody(views.render(actor, entries.update(actor, entryId, changes)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String id) {
        entries.delete(actor, parse(id));
        return ResponseEntity.noContent().build();
    }

    private static long parse(String id) {
        var parsed = Params.id("id", id);
        if (parsed == null) {
            throw new NotFound("Time entry", id);
        }
        return parsed;
    }

    /** Cursors are opaque to clients: the last id seen, so new entries never shift a page. */
    static String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding()
            .encodeToString((CURSOR_PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
    }

    static Long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                return Long.parseLong(text.substring(CURSOR_PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new Invalid("cursor", "is not a cursor this API gave out");
    }
}
