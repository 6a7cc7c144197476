package io.timeledger.api.minutedock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.timeledger.api.common.Instants;
import io.timeledger.api.minutedock.MinuteDockCatalogController.MdContact;
import io.timeledger.api.minutedock.MinuteDockCatalogController.MdProject;
import io.timeledger.api.minutedock.MinuteDockCatalogController.MdTask;
import io.timeledger.api.minutedock.MinuteDockEntriesController.MdDock;
import io.timeledger.api.minutedock.MinuteDockEntriesController.MdEntry;
import io.timeledger.api.minutedock.MinuteDockMoneyController.MdInvoiceDetail;
import io.timeledger.core.account.Accounts;
import io.timeledger.core.account.Actor;
import io.timeledger.core.account.People;
import io.timeledger.core.account.Role;
import io.timeledger.core.approval.Approval;
import io.timeledger.core.approval.Approvals;
import io.timeledger.core.catalog.Contacts;
import io.timeledger.core.catalog.Projects;
import io.timeledger.core.catalog.Tasks;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.feed.Change;
import io.timeledger.core.hooks.Webhooks;
import io.timeledger.core.money.Invoices;
import io.timeledger.core.time.Docks;
import io.timeledger.core.time.Entries;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A change as a webhook's event: {@code id} ({@code <account>-<change number>}, the same on every
 * delivery), {@code kind}, {@code occurred_at}, {@code account_id}, and {@code object} — the entry,
 * the dock, the week, the invoice, the contact, project or task as this API renders it, read as the
 * person whose time it is sees it (an invoice: as an administrator of the account does), when the
 * event is taken in. An
 * object gone by then (a deleted entry) is its {@code id} alone. The body is the same for every
 * subscription of the account, so it is rendered once for all of them: each is kept for a minute,
 * while the others take the change in.
 */
@Component
class MinuteDockEvents implements Webhooks.Bodies {

    private final Entries entries;
    private final Docks docks;
    private final Approvals approvals;
    private final Invoices invoices;
    private final Contacts contacts;
    private final Projects projects;
    private final Tasks tasks;
    private final People people;
    private final Accounts accounts;
    private final Clock clock;
    private final JsonMapper json;
    private final Cache<String, String> rendered = Caffeine.newBuilder().maximumSize(20_000)
        .expireAfterWrite(Duration.ofMinutes(1)).build();

    MinuteDockEvents(Entries entries, Docks docks, Approvals approvals, Invoices invoices, Contacts contacts,
                     Projects projects, Tasks tasks, People people, Accounts accounts, Clock clock, JsonMapper json) {
        this.entries = entries;
        this.docks = docks;
        this.approvals = approvals;
        this.invoices = invoices;
        this.contacts = contacts;
        this.projects = projects;
        this.tasks = tasks;
        this.people = people;
        this.accounts = accounts;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public String body(Change change) {
        return rendered.get(change.account().value() + "-" + change.seq(), id -> render(id, change));
    }

    private String render(String id, Change change) {
        var event = new LinkedHashMap<String, Object>();
        event.put("id", id);
        event.put("kind", change.kind());
        event.put("occurred_at", Instants.iso(change.at()));
        event.put("account_id", Wire.id(change.account().value()));
        event.put("object", object(change));
        return json.writeValueAsString(event);
    }

    private Object object(Change change) {
        var gone = Map.of("id", Wire.id(change.objectId()));
        if (change.kind().endsWith(".deleted")) {
            return gone;
        }
        var account = change.account();
        try {
            return switch (change.objectType()) {
                case "contact" -> MdContact.from(contacts.get(account, change.objectId()));
                case "project" -> MdProject.from(projects.get(account, change.objectId()));
                case "task" -> MdTask.from(tasks.get(account, change.objectId()));
                case "invoice" -> MdInvoiceDetail.from(invoices.get(administrator(account), change.objectId()));
                case "entry" -> MdEntry.from(entries.get(owner(change), change.objectId()), clock.instant());
                case "dock" -> MdDock.from(docks.get(owner(change)), clock.instant());
                default -> week(approvals.get(owner(change), change.objectId()));
            };
        } catch (NotFound e) {
            return gone;
        }
    }

    private Actor owner(Change change) {
        return new Actor(people.member(change.account(), change.person()), accounts.get(change.account()));
    }

    private Actor administrator(AccountId account) {
        var admin = people.members(account, true).stream().filter(member -> member.role() == Role.ADMIN)
            .findFirst().orElseThrow(() -> new NotFound("Administrator", account));
        return new Actor(admin, accounts.get(account));
    }

    private static Map<String, Object> week(Approval week) {
        var shown = new LinkedHashMap<String, Object>();
        shown.put("id", Wire.id(week.id()));
        shown.put("user_account_id", Wire.id(week.membershipId()));
        shown.put("period_start", week.periodStart().toString());
        shown.put("period_end", week.periodEnd().toString());
        shown.put("status", week.status().wire());
        shown.put("note", week.note());
        shown.put("submitted_at", Instants.iso(week.submittedAt()));
        shown.put("decided_at", Instants.iso(week.decidedAt()));
        return shown;
    }
}
