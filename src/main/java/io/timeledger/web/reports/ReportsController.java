package io.timeledger.web.reports;

import io.timeledger.core.account.People;
import io.timeledger.core.catalog.CatalogChoices;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.report.SavedReports;
import io.timeledger.web.Forms;
import io.timeledger.web.Header;
import io.timeledger.web.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the time went ({@code /reports}): filters, one or two groupings, the totals, a chart over
 * time, the table, its exports, and the account's saved reports. Everyone may report: members on
 * their own time without money, managers and administrators on everyone's with amounts and costs
 * (as the MinuteDock API's reports decide, through the same core service).
 */
@Controller
class ReportsController {

    private static final Map<String, String> LABELS = Map.of("then", "The second grouping", "to", "The end");

    private final SignedIn signedIn;
    private final Header header;
    private final ReportMaker maker;
    private final SavedReports saved;
    private final CatalogChoices catalog;
    private final People people;
    private final JsonMapper json = JsonMapper.builder().build();

    ReportsController(SignedIn signedIn, Header header, ReportMaker maker, SavedReports saved, CatalogChoices catalog,
                      People people) {
        this.signedIn = signedIn;
        this.header = header;
        this.maker = maker;
        this.saved = saved;
        this.catalog = catalog;
        this.people = people;
    }

    @GetMapping("/reports")
    String page(Principal principal, HttpSession session, HttpServletRequest request, HttpServletResponse response,
                @ModelAttribute ReportForm form, Model model) {
        var place = signedIn.place(principal, session);
        var actor = place.actor();
        if (request.getQueryString() == null) {
            form = ReportForm.FIRST;
        }
        header.show(model, place, "reports");
        var account = actor.account();
        model.addAttribute("form", form);
        model.addAttribute("periods", Period.values());
        model.addAttribute("groupings", Grouping.values());
        model.addAttribute("everyone", !actor.seesOnlyOwnTime());
        var choices = catalog.of(account);
        model.addAttribute("clients", choices.clients());
        model.addAttribute("projects", choices.projects());
        model.addAttribute("tasks", choices.tasks());
        model.addAttribute("people", actor.seesOnlyOwnTime() ? List.of() : people.members(account, null));
        model.addAttribute("saved", saved.list(actor));
        model.addAttribute("query", form.queryString());
        var today = maker.today(actor);
        var range = form.range(actor, today);
        model.addAttribute("range", range);
        try {
            var made = maker.table(actor, form);
            model.addAttribute("table", made.table());
            model.addAttribute("chart", json.writeValueAsString(maker.chart(actor, made).data()));
        } catch (Invalid refused) {
            response.setStatus(422);
            model.addAttribute("problem", Forms.sentence(refused, LABELS));
        }
        return "reports";
    }

    /** Keeps the report the page shows (its query string) under a name. */
    @PostMapping("/reports/saved")
    String save(Principal principal, HttpSession session, @ModelAttribute ReportForm form,
                @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        var query = form.queryString();
        Forms.act(redirect, Map.of(), () -> {
            var report = saved.save(actor, name, form.query(actor, maker.today(actor)));
            return "Saved the report “" + report.name() + "”.";
        });
        return "redirect:/reports?" + query;
    }

    /** Runs a saved report: its own days, filters and grouping. */
    @GetMapping("/reports/saved/{id}")
    String run(Principal principal, HttpSession session, @PathVariable long id) {
        var actor = signedIn.actor(principal, session);
        return "redirect:/reports?" + ReportForm.of(saved.get(actor, id).query()).queryString();
    }

    @PostMapping("/reports/saved/{id}/delete")
    String delete(Principal principal, HttpSession session, @PathVariable long id, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        var report = saved.get(actor, id);
        saved.delete(actor, id);
        redirect.addFlashAttribute("notice", "Deleted the saved report “" + report.name() + "”.");
        return "redirect:/reports";
    }
}
