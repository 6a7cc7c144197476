package io.timeledger.api.minutedock;

import io.timeledger.api.common.Accepts;
import io.timeledger.api.common.JsonFields;
import io.timeledger.api.common.Params;
import io.timeledger.core.account.Actor;
import io.timeledger.core.catalog.BudgetFrequency;
import io.timeledger.core.catalog.BudgetType;
import io.timeledger.core.catalog.Contact;
import io.timeledger.core.catalog.Contacts;
import io.timeledger.core.catalog.DetailChanges;
import io.timeledger.core.catalog.Project;
import io.timeledger.core.catalog.Projects;
import io.timeledger.core.catalog.Task;
import io.timeledger.core.catalog.TaskChanges;
import io.timeledger.core.catalog.Tasks;
import io.timeledger.core.common.Field;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Contacts, projects and tasks: list, create, get, update (PUT or PATCH, partial), delete. */
@RestController
@RequestMapping("/api/v1")
class MinuteDockCatalogController {

    private final Contacts contacts;
    private final Projects projects;
    private final Tasks tasks;

    MinuteDockCatalogController(Contacts contacts, Projects projects, Tasks tasks) {
        this.contacts = contacts;
        this.projects = projects;
        this.tasks = tasks;
    }

    // --- contacts

    @GetMapping("/contacts")
    List<MdContact> contacts(Actor actor, @RequestParam(required = false) String active,
                             @RequestParam(required = false) String pinned) {
        return contacts.list(actor.account(), Params.bool("active", active), Params.bool("pinned", pinned))
            .stream().map(MdContact::from).toList();
    }

    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(MdContactRequest.class)
    MdContact createContact(Actor actor, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "contact");
        var changes = detailChanges(fields);
        fields.validate();
        return MdContact.from(contacts.create(actor, changes));
    }

    @GetMapping("/contacts/{id}")
    MdContact contact(Actor actor, @PathVariable long id) {
        return MdContact.from(contacts.get(actor.account(), id));
    }

    @RequestMapping(path = "/contacts/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Accepts(MdContactRequest.class)
    MdContact updateContact(Actor actor, @PathVariable long id, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "contact");
        var changes = detailChanges(fields);
        fields.validate();
        return MdContact.from(contacts.update(actor, id, changes));
    }

    @DeleteMapping("/contacts/{id}")
    Deleted deleteContact(Actor actor, @PathVariable long id) {
        contacts.delete(actor, id);
        return Deleted.of(id);
    }

    // --- projects

    @GetMapping("/projects")
    List<MdProject> projects(Actor actor, @RequestParam(name = "contact_id", required = false) String contactId,
                             @RequestParam(required = false) String active) {
        return projects.list(actor.account(), Params.id("contact_id", contactId), Params.bool("active", active))
            .stream().map(MdProject::from).toList();
    }

    @PostMapping("/projects")
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(MdProjectRequest.class)
    MdProject createProject(Actor actor, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "project");
        var contactId = fields.id("contact_id");
        var changes = detailChanges(fields);
        fields.validate();
        return MdProject.from(projects.create(actor, contactId, changes));
    }

    @GetMapping("/projects/{id}")
    MdProject project(Actor actor, @PathVariable long id) {
        return MdProject.from(projects.get(actor.account(), id));
    }

    @RequestMapping(path = "/projects/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Accepts(MdProjectRequest.class)
    MdProject updateProject(Actor actor, @PathVariable long id, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "project");
        var contactId = fields.id("contact_id");
        var changes = detailChanges(fields);
        fields.validate();
        return MdProject.from(projects.update(actor, id, contactId, changes));
    }

    @DeleteMapping("/projects/{id}")
    Deleted deleteProject(Actor actor, @PathVariable long id) {
        projects.delete(actor, id);
        return Deleted.of(id);
    }

    // --- tasks

    @GetMapping("/tasks")
    List<MdTask> tasks(Actor actor) {
        return tasks.list(actor.account()).stream().map(MdTask::from).toList();
    }

    @PostMapping("/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(MdTaskRequest.class)
    MdTask createTask(Actor actor, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "task");
        var changes = taskChanges(fields);
        fields.validate();
        return MdTask.from(tasks.create(actor, changes));
    }

    @GetMapping("/tasks/{id}")
    MdTask task(Actor actor, @PathVariable long id) {
        return MdTask.from(tasks.get(actor.account(), id));
    }

    @RequestMapping(path = "/tasks/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Accepts(MdTaskRequest.class)
    MdTask updateTask(Actor actor, @PathVariable long id, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "task");
        var changes = taskChanges(fields);
        fields.validate();
        return MdTask.from(tasks.update(actor, id, changes));
    }

    @DeleteMapping("/tasks/{id}")
    Deleted deleteTask(Actor actor, @PathVariable long id) {
        tasks.delete(actor, id);
        return Deleted.of(id);
    }

    // --- request and response shapes

    private static DetailChanges detailChanges(JsonFields fields) {
        return DetailChanges.NONE
            .name(fields.string("name"))
            .shortCode(fields.string("short_code"))
            .active(fields.bool("active"))
            .pinned(fields.bool("pinned"))
            .budgetType(fields.oneOf("budget_type", BudgetType.class, BudgetType::wire))
            .budgetFrequency(fields.oneOf("budget_frequency", BudgetFrequency.class, BudgetFrequency::wire))
            .budgetTarget(fields.number("budget_target"))
            .defaultRate(Wire.dollars(fields, "default_rate_dollars"))
            .billable(fields.bool("billable"));
    }

    private static TaskChanges taskChanges(JsonFields fields) {
        return new TaskChanges(fields.string("name"), fields.bool("pinned"),
            Wire.dollars(fields, "default_rate_dollars"), Field.absent(), Field.absent());
    }

    /** A contact's fields, nested under {@code contact} (or sent flat). */
    record MdContactRequest(MdContactFields contact) { }

    record MdContactFields(String name, String shortCode, Boolean active, Boolean pinned, Boolean billable,
                           String budgetType, String budgetFrequency, BigDecimal budgetTarget,
                           String defaultRateDollars) { }

    /** A project's fields, nested under {@code project} (or sent flat). */
    record MdProjectRequest(MdProjectFields project) { }

    record MdProjectFields(String name, String contactId, String shortCode, Boolean active, Boolean pinned,
                           Boolean billable, String budgetType, String budgetFrequency, BigDecimal budgetTarget,
                           String defaultRateDollars) { }

    /** A task's fields, nested under {@code task} (or sent flat). */
    record MdTaskRequest(MdTaskFields task) { }

    record MdTaskFields(String name, Boolean pinned, String defaultRateDollars) { }

    record Deleted(String id, String status) {
        static Deleted of(long id) {
            return new Deleted(Wire.id(id), "deleted");
        }
    }

    record MdContact(String id, String name, String shortCode, boolean active, boolean pinned, String budgetType,
                     String budgetFrequency, BigDecimal budgetTarget, BigDecimal budgetProgress,
                     String defaultRateDollars, boolean billable) {
        static MdContact from(Contact contact) {
            var d = contact.details();
            var budget = d.budget();
            return new MdContact(Wire.id(contact.id()), d.name(), d.shortCode(), d.active(), d.pinned(),
                budget.type() == null ? null : budget.type().wire(),
                budget.frequency() == null ? null : budget.frequency().wire(),
                Wire.number(budget.target()), Wire.number(contact.budgetProgress()),
                Wire.dollars(d.defaultRate()), d.billable());
        }
    }

    record MdProject(String id, String name, String contactId, String shortCode, boolean active, boolean pinned,
                     String budgetType, String budgetFrequency, BigDecimal budgetTarget, BigDecimal budgetProgress,
                     String defaultRateDollars, boolean billable) {
        static MdProject from(Project project) {
            var d = project.details();
            var budget = d.budget();
            return new MdProject(Wire.id(project.id()), d.name(), Wire.id(project.contactId()), d.shortCode(),
                d.active(), d.pinned(),
                budget.type() == null ? null : budget.type().wire(),
                budget.frequency() == null ? null : budget.frequency().wire(),
                Wire.number(budget.target()), Wire.number(project.budgetProgress()),
                Wire.dollars(d.defaultRate()), d.billable());
        }
    }

    record MdTask(String id, String name, boolean pinned, String defaultRateDollars, long entriesCount) {
        static MdTask from(Task task) {
            return new MdTask(Wire.id(task.id()), task.name(), task.pinned(), Wire.dollars(task.defaultRate()),
                task.entriesCount());
        }
    }
}
