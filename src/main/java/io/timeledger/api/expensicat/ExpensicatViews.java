package io.timeledger.api.expensicat;

import io.timeledger.api.common.AvatarUrls;
import io.timeledger.api.common.Instants;
import io.timeledger.core.account.Actor;
import io.timeledger.core.catalog.CatalogNames;
import io.timeledger.core.catalog.Named;
import io.timeledger.core.common.Reads;
import io.timeledger.core.time.Created;
import io.timeledger.core.time.Entry;
import io.timeledger.core.time.EntryInvoice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Renders entries as Expensicat time entries, loading their customers' and projects' names once per page. */
@Component
class ExpensicatViews {

    private final CatalogNames catalogNames;
    private final Clock clock;

    ExpensicatViews(CatalogNames catalogNames, Clock clock) {
        this.catalogNames = catalogNames;
        this.clock = clock;
    }

    /** All the lookups of a page on one connection. */
    @Reads
    EcEntry render(Actor actor, Entry entry) {
        return render(actor, List.of(entry)).get(0);
    }

    /** A new entry, shown with the names its pricing read. */
    EcEntry render(Actor actor, Created created) {
        return render(actor, List.of(created.entry()), created.names()).get(0);
    }

    @Reads
    List<EcEntry> render(Actor actor, List<Entry> entries) {
        return render(actor, entries, names(actor, entries));
    }

    /** The names of the entries' customers and projects, and the projects' rates. */
    private CatalogNames.Names names(Actor actor, List<Entry> entries) {
        var projectIds = entries.stream().map(Entry::projectId).filter(Objects::nonNull).distinct().toList();
        var customerIds = entries.stream().map(Entry::contactId).filter(Objects::nonNull).distinct().toList();
        return catalogNames.of(actor.account(), customerIds, projectIds, List.of());
    }

    private List<EcEntry> render(Actor actor, List<Entry> entries, CatalogNames.Names names) {
        var currency = actor.tenant().currency();
        var projectNames = names.projects();
        var customers = names.contacts();
        var now = clock.instant();
        var avatars = AvatarUrls.ofRequest();
        return entries.stream().map(entry -> {
            EcProject project = null;
            if (entry.projectId() != null) {
                var named = projectNames.get(entry.projectId());
                var customer = customers.get(entry.contactId());
                project = new EcProject(id(entry.projectId()), named == null ? null : named.name(),
                    id(entry.contactId()), names.liveProjectRates().getOrDefault(entry.projectId(), BigDecimal.ZERO),
                    currency, entry.contactId() == null ? null
                        : new EcCustomer(id(entry.contactId()), name(customer)));
            }
            var start = entry.startedAt() != null ? entry.startedAt() : startOf(entry);
            long seconds = entry.seconds(now);
            var end = entry.running() ? null : entry.endedAt() != null ? entry.endedAt() : start.plusSeconds(seconds);
            return new EcEntry(id(entry.id()), id(entry.account().value()), id(entry.membershipId()),
                id(entry.projectId()), Instants.iso(start), Instants.iso(end), seconds, entry.description(),
                entry.billable(), id(entry.invoiceId()), Instants.iso(entry.createdAt()), Instants.iso(entry.updatedAt()),
                new EcUser(id(entry.membershipId()), entry.ownerName(), entry.ownerEmail(),
                    avatars.of(entry.owner().avatarKey())),
                project, invoice(entry.invoice()));
        }).toList();
    }

    private static EcInvoice invoice(EntryInvoice invoice) {
        return invoice == null ? null : new EcInvoice(id(invoice.id()), invoice.number(),
            invoice.sent() ? "sent" : "draft", invoice.issuedOn().toString(), invoice.dueOn().toString());
    }

    /** An entry tracked by duration has no start: it is shown starting at the beginning of its day. */
    Instant startOf(Entry entry) {
        return entry.spentOn().atStartOfDay(entry.ownerTimeZone()).toInstant();
    }

    private static String id(Long id) {
        return id == null ? null : Long.toString(id);
    }

    private static String name(Named named) {
        return named == null ? null : named.name();
    }

    record EcUser(String id, String fullName, String email, String avatarUrl) { }

    record EcCustomer(String id, String name) { }

    record EcProject(String id, String name, String customerId, BigDecimal hourlyRate, String currency,
                     EcCustomer customer) { }

    record EcInvoice(String id, String number, String status, String date, String dueDate) { }

    /** Expensicat's time entry, every field of the document's sample. */
    record EcEntry(String id, String organizationId, String userId, String projectId, String startTime,
                   String endTime, long duration, String description, boolean billable, String invoiceId,
                   String createdAt, String updatedAt, EcUser user, EcProject project, EcInvoice invoice) { }

    /** What a time entry is made or changed with, flat (or under {@code time_entry}); times are ISO 8601. */
    record EcEntryFields(String projectId, String startTime, String endTime, String description, Boolean billable) { }

    /** {@code {"data": {…}}} */
    record EcEntryBody(EcEntry data) { }

    /** {@code {"data": […], "meta": {"count", "next_cursor"}}}: a page, newest first. */
    record EcEntries(List<EcEntry> data, EcMeta meta) { }

    /** The page's size and the cursor of the next, null on the last. */
    record EcMeta(int count, String nextCursor) { }
}
