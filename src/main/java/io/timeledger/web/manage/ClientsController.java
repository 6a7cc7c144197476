package io.timeledger.web.manage;

import io.timeledger.core.account.Role;
import io.timeledger.core.catalog.Contact;
import io.timeledger.core.catalog.Contacts;
import io.timeledger.core.catalog.DetailChanges;
import io.timeledger.core.catalog.Details;
import io.timeledger.core.catalog.Jobs;
import io.timeledger.core.catalog.Project;
import io.timeledger.core.catalog.Projects;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.money.Invoices;
import io.timeledger.core.time.RateExplanations;
import io.timeledger.web.Forms;
import io.timeledger.web.Header;
import io.timeledger.web.Periods;
import io.timeledger.web.SignedIn;
import io.timeledger.web.manage.CatalogForms.ClientForm;
import io.timeledger.web.manage.CatalogForms.ProjectForm;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Clients and their projects, for admins and managers (WEBAPP.md's {@code /manage/clients} and
 * {@code /manage/projects/{id}}): lists with search and the archived, forms to add and change them,
 * archive, restore and delete — through the same services, rules and messages as the APIs'
 * catalogs. A form the core refuses is shown again as it was typed, with what refused it.
 */
@Controller
class ClientsController {

    private final SignedIn signedIn;
    private final Header header;
    private final Contacts contacts;
    private final Projects projects;
    private final Jobs jobs;
    private final RateExplanations rates;
    private final AssignmentsView assignments;
    private final Invoices invoices;

    ClientsController(SignedIn signedIn, Header header, Contacts contacts, Projects projects, Jobs jobs,
                      RateExplanations rates, AssignmentsView assignments, Invoices invoices) {
        this.signedIn = signedIn;
        this.header = header;
        this.contacts = contacts;
        this.projects = projects;
        this.jobs = jobs;
        this.rates = rates;
        this.assignments = assignments;
        this.invoices = invoices;
    }

    /** A client's time and expenses no invoice has billed: how many, and on which days. */
    record UnbilledRow(long items, LocalDate from, LocalDate to, String sentence) {

        static UnbilledRow of(Invoices.Unbilled unbilled) {
            if (unbilled.items() == 0) {
                return new UnbilledRow(0, null, null, null);
            }
            var what = new ArrayList<String>();
            if (unbilled.entries() > 0) {
                what.add(unbilled.entries() == 1 ? "one entry" : unbilled.entries() + " entries");
            }
            if (unbilled.expenses() > 0) {
                what.add(unbilled.expenses() == 1 ? "one expense" : unbilled.expenses() + " expenses");
            }
            var sentence = String.join(" and ", what) + " not billed yet, "
                + Periods.between(unbilled.first(), unbilled.last()) + ".";
            return new UnbilledRow(unbilled.items(), unbilled.first(), unbilled.last(),
                Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1));
        }
    }

    /** A project as the lists show it: its budget as a bar (null without one). */
    record ProjectRow(Project project, BudgetBar budget) { }

    record ClientRow(Contact contact, List<ProjectRow> projects) { }

    /**
     * A line of the project's rate table: a task and who ("Everyone" when the whole team gets the
     * same rate from the same level), the rate, and the level that set it.
     */
    record RateRow(String task, String who, BigDecimal rate, boolean billable, String why) {

        static List<RateRow> of(List<RateExplanations.Explained> explained) {
            var rows = new ArrayList<RateRow>();
            var byTask = new LinkedHashMap<String, List<RateExplanations.Explained>>();
            explained.forEach(e -> byTask.computeIfAbsent(e.task() == null ? "" : e.task(), t -> new ArrayList<>())
                .add(e));
            byTask.forEach((task, people) -> {
                var first = people.get(0);
                boolean alike = people.stream().allMatch(e -> Objects.equals(e.rate(), first.rate())
                    && e.level() == first.level() && e.billable() == first.billable());
                var name = task.isEmpty() ? "No task" : task;
                if (alike) {
                    rows.add(new RateRow(name, "Everyone", first.rate(), first.billable(), first.level().words()));
                } else {
                    people.forEach(e -> rows.add(new RateRow(name, e.person().shownName(), e.rate(), e.billable(),
                        e.level().words())));
                }
            });
            return rows;
        }
    }

    // --- clients

    @GetMapping("/manage/clients")
    String clients(Principal principal, HttpSession session, @RequestParam(defaultValue = "") String q,
                   @RequestParam(defaultValue = "false") boolean archived, Model model) {
        return clientList(principal, session, q, archived, ClientForm.NEW, model);
    }

    @PostMapping("/manage/clients")
    String createClient(Principal principal, HttpSession session, @ModelAttribute ClientForm form, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        try {
            var created = contacts.create(actor, form.changes(), Field.of(form.address()));
            redirect.addFlashAttribute("notice", "Added the client “" + created.details().name() + "”.");
            return "redirect:/manage/clients/" + created.id();
        } catch (Invalid refused) {
            refused(model, response, refused);
            return clientList(principal, session, "", false, form, model);
        }
    }

    @GetMapping("/manage/clients/{id}")
    String client(Principal principal, HttpSession session, @PathVariable long id, Model model) {
        var actor = signedIn.manager(principal, session);
        return clientPage(principal, session, contacts.get(actor.account(), id), null, model);
    }

    @PostMapping("/manage/clients/{id}")
    String changeClient(Principal principal, HttpSession session, @PathVariable long id,
                        @ModelAttribute ClientForm form, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        try {
            var changed = contacts.update(actor, id, form.changes(), Field.of(form.address()));
            redirect.addFlashAttribute("notice", "Saved the client “" + changed.details().name() + "”.");
            return "redirect:/manage/clients/" + id;
        } catch (Invalid refused) {
            refused(model, response, refused);
            return clientPage(principal, session, contacts.get(actor.account(), id), form, model);
        }
    }

    @PostMapping("/manage/clients/{id}/{action:archive|restore}")
    String archiveClient(Principal principal, HttpSession session, @PathVariable long id, @PathVariable String action,
                         RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        var changed = contacts.update(actor, id, DetailChanges.NONE.active(Field.of("restore".equals(action))));
        redirect.addFlashAttribute("notice", ("restore".equals(action) ? "Restored" : "Archived") + " the client “"
            + changed.details().name() + "”" + ("restore".equals(action) ? "." : ": its projects are hidden from"
            + " the timesheet's lists until it is restored."));
        return "redirect:/manage/clients/" + id;
    }

    /** Removes a client without live projects (Harvest's rule: move or delete them first); its time stays. */
    @PostMapping("/manage/clients/{id}/delete")
    String deleteClient(Principal principal, HttpSession session, @PathVariable long id, RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        var name = contacts.get(actor.account(), id).details().name();
        boolean deleted = Forms.act(redirect, CatalogForms.LABELS, () -> {
            contacts.delete(actor, id, true);
            return "Deleted the client “" + name + "”; time tracked for it is kept.";
        });
        return deleted ? "redirect:/manage/clients" : "redirect:/manage/clients/" + id;
    }

    // --- projects

    @GetMapping("/manage/projects/new")
    String newProject(Principal principal, HttpSession session,
                      @RequestParam(name = "client_id", required = false) Long clientId, Model model) {
        signedIn.manager(principal, session);
        return projectPage(principal, session, null, ProjectForm.newFor(clientId), model);
    }

    @PostMapping("/manage/projects")
    String createProject(Principal principal, HttpSession session, @ModelAttribute ProjectForm form, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        try {
            var created = projects.create(actor, Field.of(form.clientId()), form.changes());
            redirect.addFlashAttribute("notice", "Added the project “" + created.details().name() + "”.");
            return "redirect:/manage/projects/" + created.id();
        } catch (Invalid refused) {
            refused(model, response, refused);
            return projectPage(principal, session, null, form, model);
        }
    }

    @GetMapping("/manage/projects/{id}")
    String project(Principal principal, HttpSession session, @PathVariable long id, Model model) {
        var actor = signedIn.manager(principal, session);
        var project = projects.get(actor.account(), id);
        return projectPage(principal, session, project, ProjectForm.of(project), model);
    }

    @PostMapping("/manage/projects/{id}")
    String changeProject(Principal principal, HttpSession session, @PathVariable long id,
                         @ModelAttribute ProjectForm form, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        try {
            var changed = projects.update(actor, id, Field.of(form.clientId()), form.changes());
            redirect.addFlashAttribute("notice", "Saved the project “" + changed.details().name() + "”.");
            return "redirect:/manage/projects/" + id;
        } catch (Invalid refused) {
            refused(model, response, refused);
            return projectPage(principal, session, projects.get(actor.account(), id), form, model);
        }
    }

    @PostMapping("/manage/projects/{id}/{action:archive|restore}")
    String archiveProject(Principal principal, HttpSession session, @PathVariable long id, @PathVariable String action,
                          RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        boolean restore = "restore".equals(action);
        var changed = projects.update(actor, id, Field.absent(), DetailChanges.NONE.active(Field.of(restore)));
        redirect.addFlashAttribute("notice", (restore ? "Restored" : "Archived") + " the project “"
            + changed.details().name() + "”" + (restore ? "." : ": it is no longer offered on the timesheet."));
        return "redirect:/manage/projects/" + id;
    }

    /** Removes the project from the catalog; its time is kept. */
    @PostMapping("/manage/projects/{id}/delete")
    String deleteProject(Principal principal, HttpSession session, @PathVariable long id, RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        var project = projects.get(actor.account(), id);
        projects.delete(actor, id);
        redirect.addFlashAttribute("notice", "Deleted the project “" + project.details().name()
            + "”; time tracked on it is kept.");
        return "redirect:/manage/clients/" + project.contactId();
    }

    // --- pages

    private String clientList(Principal principal, HttpSession session, String q, boolean archived, ClientForm form,
                              Model model) {
        var place = signedIn.place(principal, session);
        var actor = place.actor();
        actor.requireManager();
        var currency = actor.tenant().currency();
        var byClient = projects.list(actor.account(), null, archived ? null : true).stream()
            .collect(Collectors.groupingBy(Project::contactId));
        var needle = q.strip().toLowerCase(Locale.ROOT);
        var rows = contacts.list(actor.account(), archived ? null : true, null).stream()
            .map(contact -> {
                boolean clientMatches = matches(contact.details(), needle);
                var shown = byClient.getOrDefault(contact.id(), List.of()).stream()
                    .filter(p -> clientMatches || matches(p.details(), needle))
                    .map(p -> row(p, currency))
                    .toList();
                return clientMatches || !shown.isEmpty() ? new ClientRow(contact, shown) : null;
            })
            .filter(Objects::nonNull)
            .toList();
        header.show(model, place, "manage");
        model.addAttribute("page", "clients");
        model.addAttribute("rows", rows);
        model.addAttribute("q", q);
        model.addAttribute("archived", archived);
        model.addAttribute("form", form);
        return "manage/clients";
    }

    private String clientPage(Principal principal, HttpSession session, Contact contact, ClientForm form, Model model) {
        var place = signedIn.place(principal, session);
        var currency = place.actor().tenant().currency();
        header.show(model, place, "manage");
        model.addAttribute("page", "clients");
        model.addAttribute("title", contact.details().name());
        model.addAttribute("client", contact);
        model.addAttribute("form", form == null ? ClientForm.of(contact) : form);
        model.addAttribute("projects", projects.list(place.actor().account(), contact.id(), null).stream()
            .map(p -> row(p, currency)).toList());
        // what an invoice would bill, for those who make invoices
        model.addAttribute("unbilled", place.actor().role() != Role.ADMIN ? null
            : UnbilledRow.of(invoices.unbilled(place.actor(), contact.id(), null, null)));
        return "manage/client";
    }

    private String projectPage(Principal principal, HttpSession session, Project project, ProjectForm form,
                               Model model) {
        var place = signedIn.place(principal, session);
        var actor = place.actor();
        header.show(model, place, "manage");
        model.addAttribute("page", "clients");
        model.addAttribute("title", project == null ? "New project" : project.details().name());
        model.addAttribute("project", project);
        model.addAttribute("budget", project == null ? null
            : BudgetBar.of(project.details().budget(), project.budgetProgress(), actor.tenant().currency()));
        model.addAttribute("form", form);
        var clients = contacts.list(actor.account(), null, null).stream()
            .filter(c -> c.details().active() || project != null && c.id() == project.contactId()).toList();
        model.addAttribute("clients", clients);
        model.addAttribute("clientName", clients.stream()
            .filter(c -> form.clientId() != null && c.id() == form.clientId())
            .map(c -> c.details().name()).findFirst().orElse(null));
        model.addAttribute("currency", actor.tenant().currency());
        model.addAttribute("jobs", project == null ? List.of() : jobs.list(actor.account(), project.id()));
        model.addAttribute("rates", project == null ? List.of() : RateRow.of(rates.ofProject(actor, project.id())));
        if (project != null) {
            assignments.show(model, actor, project.id());
        }
        return "manage/project";
    }

    // --- helpers

    /** The signed-in person's actor, refused (403) unless they shape the catalog. */
    private static ProjectRow row(Project project, String currency) {
        return new ProjectRow(project, BudgetBar.of(project.details().budget(), project.budgetProgress(), currency));
    }

    private static boolean matches(Details details, String needle) {
        return needle.isEmpty() || details.name().toLowerCase(Locale.ROOT).contains(needle)
            || details.shortCode() != null && details.shortCode().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** A refused form: said on the page, answered 422 (the form is shown again as typed). */
    private static void refused(Model model, HttpServletResponse response, Invalid refused) {
        model.addAttribute("problem", Forms.sentence(refused, CatalogForms.LABELS));
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    }
}
