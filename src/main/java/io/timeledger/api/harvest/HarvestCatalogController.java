package io.timeledger.api.harvest;

import io.timeledger.api.common.Accepts;
import io.timeledger.api.common.Instants;
import io.timeledger.api.common.JsonFields;
import io.timeledger.api.common.Params;
import io.timeledger.api.common.RequestBodies;
import io.timeledger.core.account.Actor;
import io.timeledger.core.catalog.BudgetFrequency;
import io.timeledger.core.catalog.BudgetType;
import io.timeledger.core.catalog.Contact;
import io.timeledger.core.catalog.Contacts;
import io.timeledger.core.catalog.DetailChanges;
import io.timeledger.core.catalog.Named;
import io.timeledger.core.catalog.Project;
import io.timeledger.core.catalog.Projects;
import io.timeledger.core.catalog.Task;
import io.timeledger.core.catalog.TaskChanges;
import io.timeledger.core.catalog.Tasks;
import io.timeledger.core.common.Field;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
 * {@code /v2/clients}, {@code /v2/projects} and {@code /v2/tasks}: the same contacts, projects
 * and tasks the MinuteDock dialect shows, in Harvest's shapes, newest first, in pages.
 */
@RestController
@RequestMapping("/v2")
class HarvestCatalogController {

    private final Contacts contacts;
    private final Projects projects;
    private final Tasks tasks;
    private final RequestBodies bodies;

    HarvestCatalogController(Contacts contacts, Projects projects, Tasks tasks,
                             RequestBodies bodies) {
        this.contacts = contacts;
        this.projects = projects;
        this.tasks = tasks;
        this.bodies = bodies;
    }

    // --- clients

    @GetMapping("/clients")
    @HarvestPageOf(key = "clients", items = HtClient.class)
    Map<String, Object> clients(Actor actor, HttpServletRequest request) {
        var currency = currency(actor);
        var found = contacts.list(actor.account(), Params.bool("is_active", request.getParameter("is_active")), null)
            .stream()
            .filter(updatedSince(request, Contact::updatedAt))
            .sorted(Comparator.comparingLong(Contact::id).reversed())
            .map(contact -> HtClient.from(contact, currency))
            .toList();
        return page(request, "clients", found);
    }

    @GetMapping("/clients/{id}")
    HtClient client(Actor actor, @PathVariable long id) {
        return HtClient.from(contacts.get(actor.account(), id), currency(actor));
    }

    @PostMapping("/clients")
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(HtClientFields.class)
    HtClient createClient(Actor actor, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "client");
        var changes = clientChanges(fields);
        var address = fields.string("address");
        fields.validate();
        return HtClient.from(contacts.create(actor, changes, address), currency(actor));
    }

    @PatchMapping("/clients/{id}")
    @Accepts(HtClientFields.class)
    HtClient updateClient(Actor actor, @PathVariable long id, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "client");
        var changes = clientChanges(fields);
        var address = fields.string("address");
        fields.validate();
        return HtClient.from(contacts.update(actor, id, changes, address), currency(actor));
    }

    /** Harvest deletes a client only when no project belongs to it. */
    @DeleteMapping("/clients/{id}")
    ResponseEntity<Void> deleteClient(Actor actor, @PathVariable long id) {
        contacts.delete(actor, id, true);
        return ResponseEntity.ok().build();
    }

    // --- projects

    @GetMapping("/projects")
    @HarvestPageOf(key = "projects", items = HtProject.class)
    Map<String, Object> projects(Actor actor, HttpServletRequest request) {
        var found = projects.list(actor.account(), Params.id("client_id", request.getParameter("client_id")),
                Params.bool("is_active", request.getParameter("is_active")))
            .stream()
            .filter(updatedSince(request, Project::updatedAt))
            .sorted(Comparator.comparingLong(Project::id).reversed())
            .toList();
        var clients = contacts.names(actor.account(), found.stream().map(Project::contactId).toList());
        var currency = currency(actor);
        return page(request, "projects", found.stream().map(p -> HtProject.from(p, clients, currency)).toList());
    }

    @GetMapping("/projects/{id}")
    HtProject project(Actor actor, @PathVariable long id) {
        return render(actor, projects.get(actor.account(), id));
    }

    @PostMapping("/projects")
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(HtProjectFields.class)
    HtProject createProject(Actor actor, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "project");
        var clientId = fields.id("client_id");
        var changes = projectChanges(fields);
        fields.validate();
        return render(actor, projects.create(actor, clientId, changes));
    }

    @PatchMapping("/projects/{id}")
    @Accepts(HtProjectFields.class)
    HtProject updateProject(Actor actor, @PathVariable long id, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "project");
        var clientId = fields.id("client_id");
        var changes = projectChanges(fields);
        fields.validate();
        return render(actor, projects.update(actor, id, clientId, changes));
    }

    /** Removes the project from the catalog; unlike Harvest, the time tracked to it is kept. */
    @DeleteMapping("/projects/{id}")
    ResponseEntity<Void> deleteProject(Actor actor, @PathVariable long id) {
        projects.delete(actor, id);
        return ResponseEntity.ok().build();
    }

    // --- tasks

    @GetMapping("/tasks")
    @HarvestPageOf(key = "tasks", items = HtTask.class)
    Map<String, Object> tasks(Actor actor, HttpServletRequest request) {
        var active = Params.bool("is_active", request.getParameter("is_active"));
        var found = tasks.list(actor.account()).stream()
            .filter(task -> active == null || task.active() == active)
            .filter(updatedSince(request, Task::updatedAt))
            .sorted(Comparator.comparingLong(Task::id).reversed())
            .map(HtTask::from)
            .toList();
        return page(request, "tasks", found);
    }

    @GetMapping("/tasks/{id}")
    HtTask task(Actor actor, @PathVariable long id) {
        return HtTask.from(tasks.get(actor.account(), id));
    }

    @PostMapping("/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(HtTaskFields.class)
    HtTask createTask(Actor actor, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "task");
        var changes = taskChanges(fields);
        fields.validate();
        return HtTask.from(tasks.create(actor, changes));
    }

    @PatchMapping("/tasks/{id}")
    @Accepts(HtTaskFields.class)
    HtTask updateTask(Actor actor, @PathVariable long id, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "task");
        var changes = taskChanges(fields);
        fields.validate();
        return HtTask.from(tasks.update(actor, id, changes));
    }

    /** Harvest deletes a task only when no time entry uses it; archive it (is_active false) otherwise. */
    @DeleteMapping("/tasks/{id}")
    ResponseEntity<Void> deleteTask(Actor actor, @PathVariable long id) {
        tasks.delete(actor, id, true);
        return ResponseEntity.ok().build();
    }

    // --- mapping

    private HtProject render(Actor actor, Project project) {
        var clients = contacts.names(actor.account(), Set.of(project.contactId()));
        return HtProject.from(project, clients, currency(actor));
    }

    private String currency(Actor actor) {
        return actor.tenant().currency();
    }

    private static Map<String, Object> page(HttpServletRequest request, String key, List<?> all) {
        var page = HarvestPage.of(request);
        var slice = all.stream().skip(page.offset()).limit(page.perPage()).toList();
        return page.envelope(key, slice, all.size(), request);
    }

    static <T> java.util.function.Predicate<T> updatedSince(HttpServletRequest request,
                                                    Function<T, Instant> updatedAt) {
        var since = Params.instant("updated_since", request.getParameter("updated_since"));
        return item -> since == null || updatedAt.apply(item).isAfter(since);
    }

    private static DetailChanges clientChanges(JsonFields fields) {
        return DetailChanges.NONE.name(fields.string("name")).active(fields.bool("is_active"));
    }

    /**
     * Harvest's budget_by maps onto the budget's type: "project" (hours) and "project_cost"
     * (money); "none" clears it. budget_is_monthly picks a monthly period, else the total.
     */
    private static DetailChanges projectChanges(JsonFields fields) {
        var budgetBy = fields.string("budget_by");
        var monthly = fields.bool("budget_is_monthly");
        Field<BudgetType> type = budgetBy.map(by -> {
            if (by == null || by.equals("none")) {
                return null;
            }
            return switch (by) {
                case "project", "task", "person" -> BudgetType.HOURS;
                case "project_cost", "task_fees" -> BudgetType.BILLABLE;
                default -> {
                    fields.reject("budget_by", "must be one of project, project_cost, task, task_fees, person, none");
                    yield null;
                }
            };
        });
        Field<BudgetFrequency> frequency = monthly.map(m -> Boolean.TRUE.equals(m) ? BudgetFrequency.MONTHLY
            : BudgetFrequency.TOTAL);
        return DetailChanges.NONE.name(fields.string("name")).shortCode(fields.string("code"))
            .active(fields.bool("is_active")).budgetType(type).budgetFrequency(frequency)
            .budgetTarget(fields.number("budget")).defaultRate(fields.number("hourly_rate"))
            .billable(fields.bool("is_billable"));
    }

    private static TaskChanges taskChanges(JsonFields fields) {
        return new TaskChanges(fields.string("name"), Field.absent(), fields.number("default_hourly_rate"),
            fields.bool("billable_by_default"), fields.bool("is_active"));
    }

    /** A client's fields, flat as Harvest sends them. */
    record HtClientFields(String name, Boolean isActive, String address) { }

    /**
     * A project's fields: {@code budget_by} one of project, project_cost, task, task_fees, person or
     * none; {@code budget_is_monthly} a monthly budget instead of a total.
     */
    record HtProjectFields(Long clientId, String name, String code, Boolean isActive, Boolean isBillable,
                           BigDecimal hourlyRate, String budgetBy, BigDecimal budget, Boolean budgetIsMonthly) { }

    /** A task's fields. */
    record HtTaskFields(String name, Boolean billableByDefault, BigDecimal defaultHourlyRate, Boolean isActive) { }

    record HtClient(long id, String name, boolean isActive, String address, String statementKey, String currency,
                    String createdAt, String updatedAt) {
        static HtClient from(Contact contact, String currency) {
            return new HtClient(contact.id(), contact.details().name(), contact.details().active(), contact.address(),
                null,
                currency, Instants.iso(contact.createdAt()), Instants.iso(contact.updatedAt()));
        }
    }

    record HtProjectClient(long id, String name, String currency) { }

    /** Harvest's project. bill_by names the rate that applies first: none, the project's, or the people's. */
    record HtProject(long id, String name, String code, boolean isActive, String billBy, BigDecimal budget,
                     String budgetBy, boolean budgetIsMonthly, boolean notifyWhenOverBudget,
                     BigDecimal overBudgetNotificationPercentage, String overBudgetNotificationDate,
                     boolean showBudgetToAll, String createdAt, String updatedAt, String startsOn, String endsOn,
                     boolean isBillable, boolean isFixedFee, String notes, HtProjectClient client,
                     BigDecimal costBudget, boolean costBudgetIncludeExpenses, BigDecimal hourlyRate, BigDecimal fee) {

        static HtProject from(Project project, Map<Long, Named> clients, String currency) {
            var d = project.details();
            var budget = d.budget();
            var client = clients.get(project.contactId());
            String billBy = !d.billable() ? "none" : d.defaultRate() != null ? "Project" : "People";
            String budgetBy = budget.type() == null ? "none"
                : budget.type() == BudgetType.HOURS ? "project" : "project_cost";
            return new HtProject(project.id(), d.name(), d.shortCode(), d.active(), billBy,
                HarvestJson.number(budget.target()), budgetBy, budget.frequency() == BudgetFrequency.MONTHLY, false,
                HarvestJson.number(new BigDecimal("80")), null, false, Instants.iso(project.createdAt()),
                Instants.iso(project.updatedAt()), null, null, d.billable(), false, "",
                new HtProjectClient(project.contactId(), client == null ? null : client.name(), currency), null, false,
                HarvestJson.number(d.defaultRate()), null);
        }
    }

    record HtTask(long id, String name, boolean billableByDefault, BigDecimal defaultHourlyRate, boolean isDefault,
                  boolean isActive, String createdAt, String updatedAt) {
        static HtTask from(Task task) {
            return new HtTask(task.id(), task.name(), task.billable(), HarvestJson.number(task.defaultRate()), false,
                task.active(), Instants.iso(task.createdAt()), Instants.iso(task.updatedAt()));
        }
    }
}
