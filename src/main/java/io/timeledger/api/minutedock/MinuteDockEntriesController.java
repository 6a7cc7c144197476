package io.timeledger.api.minutedock;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.timeledger.api.common.Accepts;
import io.timeledger.api.common.Instants;
import io.timeledger.api.common.JsonFields;
import io.timeledger.api.common.Params;
import io.timeledger.core.account.Actor;
import io.timeledger.core.common.Conflict;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Worth;
import io.timeledger.core.time.Dock;
import io.timeledger.core.time.DockChanges;
import io.timeledger.core.time.Docks;
import io.timeledger.core.time.Entries;
import io.timeledger.core.time.Entry;
import io.timeledger.core.time.EntryChanges;
import io.timeledger.core.time.EntryQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Entries (search, log, change, delete, redock) and the dock, MinuteDock's running timer. */
@RestController
@RequestMapping("/api/v1")
class MinuteDockEntriesController {

    private static final String CURRENT = "current";

    private final Entries entries;
    private final Docks docks;
    private final Clock clock;

    MinuteDockEntriesController(Entries entries, Docks docks, Clock clock) {
        this.entries = entries;
        this.docks = docks;
        this.clock = clock;
    }

    @GetMapping("/entries")
    List<MdEntry> search(Actor actor, HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        var userAccounts = Params.ids("user_accounts", parameters, true);
        var users = Params.ids("users", parameters, true);
        boolean everyone = userAccounts != null && userAccounts.isEmpty() || users != null && users.isEmpty();
        var query = EntryQuery.upTo(Params.integer("limit", request.getParameter("limit"), 1, EntryQuery.MAX_LIMIT, 500))
            .offset(Params.integer("offset", request.getParameter("offset"), 0, Integer.MAX_VALUE, 0))
            .everyone(everyone)
            .memberships(userAccounts == null || userAccounts.isEmpty() ? null : userAccounts)
            .legacyUserIds(users == null || users.isEmpty() ? null : users)
            .contacts(Params.ids("contacts", parameters, false))
            .projects(Params.ids("projects", parameters, false))
            .tasks(Params.ids("tasks", parameters, false))
            .from(Params.date("from", request.getParameter("from")))
            .to(Params.date("to", request.getParameter("to")))
            .since(Params.instant("since", request.getParameter("since")));
        var now = clock.instant();
        return entries.search(actor, query).stream().map(entry -> MdEntry.from(entry, now)).toList();
    }

    /** With a date: logs an entry. Without one: starts it as the running timer in the dock. */
    @PostMapping("/entries")
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(MdEntryRequest.class)
    MdEntry create(Actor actor, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "entry");
        var changes = entryChanges(fields);
        fields.validate();
        return MdEntry.from(entries.create(actor, changes).entry(), clock.instant());
    }

    @GetMapping("/entries/{id}")
    MdEntry get(Actor actor, @PathVariable String id) {
        return MdEntry.from(entries.get(actor, resolve(actor, id)), clock.instant());
    }

    @RequestMapping(path = "/entries/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Accepts(MdEntryChangeRequest.class)
    MdEntry update(Actor actor, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "entry");
        var changes = entryChanges(fields);
        var timerActive = fields.bool("timer_active");
        fields.validate();
        if (CURRENT.equals(id)) {
            return MdEntry.from(docks.changeDocked(actor, changes, timerActive), clock.instant());
        }
        long entryId = resolve(actor, id);
        if (timerActive.isGiven()) {
            // "For active timers, some fields like timer_active can control start/pause state"
            var docked = docks.updateIfDocked(actor, entryId, new DockChanges(changes, timerActive, Field.absent(),
                null, null, null));
            if (docked.isPresent()) {
                return MdEntry.from(docked.get().entry(), clock.instant());
            }
        }
        return MdEntry.from(entries.update(actor, entryId, changes), clock.instant());
    }

    @DeleteMapping("/entries/{id}")
    MinuteDockCatalogController.Deleted delete(Actor actor, @PathVariable String id) {
        long entryId = resolve(actor, id);
        entries.delete(actor, entryId);
        return MinuteDockCatalogController.Deleted.of(entryId);
    }

    @PostMapping("/entries/{id}/redock")
    MdEntry redock(Actor actor, @PathVariable long id) {
        return MdEntry.from(entries.redock(actor, id), clock.instant());
    }

    /** The dock, or JSON {@code null} when it is empty. */
    @GetMapping({"/dock", "/timer"})
    @ApiResponse(responseCode = "200", description = "The dock, or null when it is empty",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = MdDock.class)))
    ResponseEntity<?> dock(Actor actor) {
        var dock = docks.get(actor);
        if (dock.empty()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("null");
        }
        return ResponseEntity.ok(MdDock.from(dock, clock.instant()));
    }

    @RequestMapping(path = "/dock", method = {RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.POST})
    @Accepts(MdDockRequest.class)
    MdDock updateDock(Actor actor, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "entry");
        var changes = new DockChanges(entryChanges(fields), fields.bool("timer_active"), fields.bool("logged"),
            fields.integer("version_number").orElse(null), fields.uuid("version_id").orElse(null),
            fields.string("version_client_id").orElse(null));
        fields.validate();
        return MdDock.from(docks.update(actor, changes), clock.instant());
    }

    /** A stale dock update: 409, and the dock as it is now, so the client can merge and retry. */
    @ExceptionHandler
    ResponseEntity<MdDock> staleDock(Conflict conflict) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(MdDock.from((Dock) conflict.current(), clock.instant()));
    }

    private static EntryChanges entryChanges(JsonFields fields) {
        return EntryChanges.NONE.membershipId(fields.id("user_account_id")).contactId(fields.id("contact_id"))
            .projectId(fields.id("project_id")).taskIds(fields.ids("task_ids")).description(fields.string("description"))
            .duration(fields.integer("duration")).date(fields.date("date"));
    }

    /** An entry id, or {@code current}: the entry in the caller's dock. */
    private long resolve(Actor actor, String id) {
        if (CURRENT.equals(id)) {
            var dock = docks.get(actor);
            if (dock.empty()) {
                throw new NotFound("Entry", CURRENT);
            }
            return dock.entry().id();
        }
        var parsed = Params.id("id", id);
        if (parsed == null) {
            throw new NotFound("Entry", id);
        }
        return parsed;
    }

    // --- shapes

    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    /** "1.0", "0.5", "0.25": hours to two places, at least one shown. */
    static String hours(long seconds) {
        var hours = Worth.hours(seconds).stripTrailingZeros();
        return hours.scale() < 1 ? hours.setScale(1).toPlainString() : hours.toPlainString();
    }

    static List<String> ids(List<Long> ids) {
        return ids.stream().map(Wire::id).toList();
    }

    /** MinuteDock's Entry. A non-billable entry's rate shows as 0, the document's "Rate is not 0" reading of billable. */
    record MdEntry(String id, String userAccountId, String contactId, String projectId, List<String> taskIds,
                   String description, long duration, String durationHours, String accountId, String userId,
                   String date, String invoiceId, String billingRate, String updatedAt, String loggedAt,
                   boolean logged, String rate) {

        static MdEntry from(Entry entry, Instant now) {
            long seconds = entry.seconds(now);
            var rate = Wire.dollars(entry.billedRate());
            return new MdEntry(Wire.id(entry.id()), Wire.id(entry.membershipId()), Wire.id(entry.contactId()),
                Wire.id(entry.projectId()), ids(entry.taskIds()), entry.description(), seconds, hours(seconds),
                Wire.id(entry.account().value()), Wire.id(entry.userId()),
                entry.spentOn() == null ? null : entry.spentOn().toString(), Wire.id(entry.invoiceId()), rate,
                Instants.iso(entry.updatedAt()),
                entry.loggedAt() == null || !entry.logged() ? null
                    : WITH_OFFSET.format(entry.loggedAt().atZone(entry.ownerTimeZone())),
                entry.logged(), rate);
        }
    }

    /** MinuteDock's Dock: the entry in the dock with its timer state and version. */
    record MdDock(String id, String userAccountId, String contactId, String projectId, List<String> taskIds,
                  String description, long duration, String durationHours, String accountId, String userId,
                  String date, String invoiceId, String rate, boolean timerActive, boolean logged, String versionId,
                  String versionClientId, long versionNumber) {

        static MdDock from(Dock dock, Instant now) {
            var entry = dock.entry();
            if (entry == null) {
                return new MdDock(null, Wire.id(dock.membershipId()), null, null, List.of(), "", 0, hours(0), null,
                    null, "", null, null, false, false, dock.versionId().toString(), dock.versionClientId(),
                    dock.versionNumber());
            }
            long seconds = entry.seconds(now);
            return new MdDock(null, Wire.id(entry.membershipId()), Wire.id(entry.contactId()),
                Wire.id(entry.projectId()), ids(entry.taskIds()), entry.description(), seconds, hours(seconds),
                Wire.id(entry.account().value()), Wire.id(entry.userId()),
                entry.spentOn() == null ? "" : entry.spentOn().toString(), null,
                entry.logged() ? MdEntry.from(entry, now).rate() : null, entry.running(), entry.logged(),
                dock.versionId().toString(), dock.versionClientId(), dock.versionNumber());
        }
    }

    /** An entry's fields, nested under {@code entry} (or sent flat). */
    record MdEntryRequest(MdEntryFields entry) { }

    record MdEntryFields(String userAccountId, String contactId, String projectId, List<String> taskIds,
                         String description, Long duration, String date) { }

    /** An entry's fields, and whether its timer runs (when it is the docked entry). */
    record MdEntryChangeRequest(MdEntryChangeFields entry) { }

    record MdEntryChangeFields(String userAccountId, String contactId, String projectId, List<String> taskIds,
                               String description, Long duration, String date, Boolean timerActive) { }

    /** The dock's entry, its timer, logging it, and the version the change is made from. */
    record MdDockRequest(MdDockFields entry) { }

    record MdDockFields(String userAccountId, String contactId, String projectId, List<String> taskIds,
                        String description, Long duration, String date, Boolean timerActive, Boolean logged,
                        Long versionNumber, String versionId, String versionClientId) { }
}
