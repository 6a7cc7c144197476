package io.timeledger.api.harvest;

import io.timeledger.api.common.Instants;
import io.timeledger.core.account.Account;
import io.timeledger.core.account.Actor;
import io.timeledger.core.approval.Approvals;
import io.timeledger.core.catalog.CatalogNames;
import io.timeledger.core.catalog.Named;
import io.timeledger.core.catalog.TaskAssignment;
import io.timeledger.core.catalog.UserAssignment;
import io.timeledger.core.common.Reads;
import io.timeledger.core.time.Created;
import io.timeledger.core.time.Entry;
import io.timeledger.core.time.EntryInvoice;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Renders entries as Harvest time entries, loading what they point at (clients, projects,
 * tasks, assignments) once per page rather than once per entry; people and invoices come with
 * the entries.
 */
@Component
class HarvestTimeEntryViews {

    private final CatalogNames catalogNames;
    private final Approvals approvals;
    private final Clock clock;

    HarvestTimeEntryViews(CatalogNames catalogNames, Approvals approvals, Clock clock) {
        this.catalogNames = catalogNames;
        this.approvals = approvals;
        this.clock = clock;
    }

    /** All the lookups of a page on one connection. */
    @Reads
    HtEntry render(Actor actor, Entry entry) {
        return render(actor, List.of(entry)).get(0);
    }

    /**
     * A new entry, shown with the names and assignments its pricing read: those of its project and
     * of its tasks and person on it, all a single entry shows.
     */
    HtEntry render(Actor actor, Created created) {
        return render(actor, List.of(created.entry()), created.names()).get(0);
    }

    @Reads
    List<HtEntry> render(Actor actor, List<Entry> entries) {
        return render(actor, entries, names(actor, entries));
    }

    /** The names of what the entries point at, with their projects' assignments. */
    private CatalogNames.Names names(Actor actor, List<Entry> entries) {
        return catalogNames.withAssignments(actor.account(), ids(entries, Entry::contactId),
            ids(entries, Entry::projectId), ids(entries, HarvestTimeEntryViews::task));
    }

    private List<HtEntry> render(Actor actor, List<Entry> entries, CatalogNames.Names names) {
        var account = actor.tenant();
        var taskAssignments = new HashMap<List<Long>, TaskAssignment>();
        names.taskAssignments().forEach(a -> taskAssignments.put(List.of(a.projectId(), a.taskId()), a));
        var userAssignments = new HashMap<List<Long>, UserAssignment>();
        names.userAssignments().forEach(a -> userAssignments.put(List.of(a.projectId(), a.membershipId()), a));
        var now = clock.instant();
        var waiting = approvals.waitingWeeks(actor.account());
        return entries.stream().map(entry -> {
            var task = task(entry);
            var invoice = entry.invoice();
            var approval = entry.closed() ? "approved" : entry.spentOn() != null && waiting.contains(
                new Approvals.Week(entry.membershipId(), Approvals.weekOf(actor, entry.spentOn()))) ? "submitted"
                : "unsubmitted";
            return view(account, actor.seesCosts(), entry, now, invoice, approval,
                client(names.contacts(), entry.contactId(), account.currency()),
                project(names.projects(), entry.projectId()), ref(names.tasks(), task),
                entry.projectId() == null ? null
                    : userAssignments.get(List.of(entry.projectId(), entry.membershipId())),
                entry.projectId() == null || task == null ? null
                    : taskAssignments.get(List.of(entry.projectId(), task)));
        }).toList();
    }

    /** {@code costs}: whether the caller may see the cost rate ({@link Actor#seesCosts}). */
    private static HtEntry view(Account account, boolean costs, Entry entry, java.time.Instant now,
                                EntryInvoice invoice, String approval, HtClientRef client, HtProjectRef project, Ref task,
                                UserAssignment userAssignment, TaskAssignment taskAssignment) {
        long seconds = entry.seconds(now);
        var preferences = account.preferences();
        var zone = entry.ownerTimeZone();
        var lock = entry.lock();
        var reference = entry.externalReference();
        return new HtEntry(
            entry.id(),
            entry.spentOn() == null ? null : entry.spentOn().toString(),
            new Ref(entry.membershipId(), entry.ownerName()),
            client, project, task,
            userAssignment == null ? null : new HtEntryUserAssignment(userAssignment.id(), userAssignment.projectManager(),
                userAssignment.active(), userAssignment.hourlyRate() == null,
                HarvestJson.number(userAssignment.budget()),
                Instants.iso(userAssignment.createdAt()), Instants.iso(userAssignment.updatedAt()),
                HarvestJson.number(userAssignment.hourlyRate())),
            taskAssignment == null ? null : new HtEntryTaskAssignment(taskAssignment.id(), taskAssignment.billable(),
                taskAssignment.active(), Instants.iso(taskAssignment.createdAt()),
                Instants.iso(taskAssignment.updatedAt()), HarvestJson.number(taskAssignment.hourlyRate()),
                HarvestJson.number(taskAssignment.budget())),
            HarvestJson.hours(seconds),
            HarvestJson.hours(entry.durationSeconds()),
            HarvestJson.roundedHours(seconds, preferences.roundingMinutes(), preferences.roundingUp()),
            entry.description().isEmpty() ? null : entry.description(),
            Instants.iso(entry.createdAt()),
            Instants.iso(entry.updatedAt()),
            lock != null,
            lock,
            entry.closed(),
            entry.invoiceId() != null,
            Instants.iso(entry.timerStartedAt()),
            HarvestJson.timeOfDay(entry.startedAt(), zone, preferences.clock()),
            HarvestJson.timeOfDay(entry.endedAt(), zone, preferences.clock()),
            entry.running(),
            invoice == null ? null : new HtInvoice(invoice.id(), invoice.number()),
            reference == null ? null : new HtExternalReference(reference.id(), reference.groupId(),
                reference.accountId(), reference.permalink(), reference.service(), reference.serviceIconUrl()),
            entry.billable(),
            entry.projectId() != null,
            entry.billable() ? HarvestJson.number(entry.billedRate()) : null,
            costs ? HarvestJson.number(entry.costRate()) : null,
            approval);
    }

    private static Long task(Entry entry) {
        return entry.taskIds().isEmpty() ? null : entry.taskIds().get(0);
    }

    private static Set<Long> ids(List<Entry> entries, Function<Entry, Long> id) {
        return entries.stream().map(id).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static Ref ref(Map<Long, Named> names, Long id) {
        if (id == null) {
            return null;
        }
        var named = names.get(id);
        return new Ref(id, named == null ? null : named.name());
    }

    private static HtClientRef client(Map<Long, Named> names, Long id, String currency) {
        var ref = ref(names, id);
        return ref == null ? null : new HtClientRef(ref.id(), ref.name(), currency);
    }

    private static HtProjectRef project(Map<Long, Named> names, Long id) {
        if (id == null) {
            return null;
        }
        var named = names.get(id);
        return named == null ? new HtProjectRef(id, null, null) : new HtProjectRef(id, named.name(), named.code());
    }

    record Ref(long id, String name) { }

    /** Harvest's client on an entry carries the currency it is billed in (the account's here). */
    record HtClientRef(long id, String name, String currency) { }

    record HtProjectRef(long id, String name, String code) { }

    /**
     * The user assignment as a time entry shows it (named apart from the assignments' own, so that
     * each has its schema in the OpenAPI document); use_default_rates is true while the person has
     * no rate of their own on the project.
     */
    record HtEntryUserAssignment(long id, boolean isProjectManager, boolean isActive, boolean useDefaultRates,
                                 BigDecimal budget, String createdAt, String updatedAt, BigDecimal hourlyRate) { }

    /** The task assignment as a time entry shows it. */
    record HtEntryTaskAssignment(long id, boolean billable, boolean isActive, String createdAt, String updatedAt,
                                 BigDecimal hourlyRate, BigDecimal budget) { }

    record HtInvoice(long id, String number) { }

    record HtExternalReference(String id, String groupId, String accountId, String permalink, String service,
                               String serviceIconUrl) { }

    /**
     * Harvest's time entry, every field of the document's example in its order, then {@code
     * approval_status} ({@code unsubmitted}, {@code submitted}, {@code approved}), which Harvest's
     * live API adds and its document does not show.
     */
    record HtEntry(long id, String spentDate, Ref user, HtClientRef client, HtProjectRef project, Ref task,
                   HtEntryUserAssignment userAssignment, HtEntryTaskAssignment taskAssignment, BigDecimal hours,
                   BigDecimal hoursWithoutTimer, BigDecimal roundedHours, String notes, String createdAt,
                   String updatedAt, boolean isLocked, String lockedReason, boolean isClosed, boolean isBilled,
                   String timerStartedAt, String startedTime, String endedTime, boolean isRunning, HtInvoice invoice,
                   HtExternalReference externalReference, boolean billable, boolean budgeted, BigDecimal billableRate,
                   BigDecimal costRate, String approvalStatus) { }
}
