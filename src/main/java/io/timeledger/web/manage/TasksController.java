package io.timeledger.web.manage;

import io.timeledger.core.catalog.TaskChanges;
import io.timeledger.core.catalog.Tasks;
import io.timeledger.core.common.Field;
import io.timeledger.web.Forms;
import io.timeledger.web.Header;
import io.timeledger.web.SignedIn;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account's kinds of work ({@code /manage/tasks}): one list to add, rename, price, archive,
 * restore and delete them — as the APIs' tasks, with their rules. A task with time is archived
 * rather than deleted (Harvest's rule), so its time keeps its name.
 */
@Controller
class TasksController {

    private static final Map<String, String> LABELS = Map.of("default_rate_dollars", "Rate");

    private final SignedIn signedIn;
    private final Header header;
    private final Tasks tasks;

    TasksController(SignedIn signedIn, Header header, Tasks tasks) {
        this.signedIn = signedIn;
        this.header = header;
        this.tasks = tasks;
    }

    @GetMapping("/manage/tasks")
    String list(Principal principal, HttpSession session, @RequestParam(defaultValue = "false") boolean archived,
                Model model) {
        var place = signedIn.place(principal, session);
        place.actor().requireManager();
        header.show(model, place, "manage");
        model.addAttribute("page", "tasks");
        model.addAttribute("archived", archived);
        model.addAttribute("tasks", tasks.list(place.actor().account()).stream()
            .filter(task -> archived || task.active()).toList());
        return "manage/tasks";
    }

    @PostMapping("/manage/tasks")
    String create(Principal principal, HttpSession session, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String rate,
                  @RequestParam(defaultValue = "false") boolean billable, RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        return act(redirect, () -> {
            var task = tasks.create(actor, new TaskChanges(Field.of(name.strip()), Field.absent(),
                Field.of(Forms.amount("default_rate_dollars", rate)), Field.of(billable), Field.absent()));
            return "Added the task “" + task.name() + "”.";
        });
    }

    @PostMapping("/manage/tasks/{id}")
    String change(Principal principal, HttpSession session, @PathVariable long id,
                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String rate,
                  @RequestParam(defaultValue = "false") boolean billable, RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        return act(redirect, () -> {
            var task = tasks.update(actor, id, new TaskChanges(Field.of(name.strip()), Field.absent(),
                Field.of(Forms.amount("default_rate_dollars", rate)), Field.of(billable), Field.absent()));
            return "Saved the task “" + task.name() + "”.";
        });
    }

    @PostMapping("/manage/tasks/{id}/{action:archive|restore}")
    String archive(Principal principal, HttpSession session, @PathVariable long id, @PathVariable String action,
                   RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        boolean restore = "restore".equals(action);
        var task = tasks.update(actor, id, new TaskChanges(Field.absent(), Field.absent(), Field.absent(),
            Field.absent(), Field.of(restore)));
        redirect.addFlashAttribute("notice",
            (restore ? "Restored" : "Archived") + " the task “" + task.name() + "”.");
        return restore ? "redirect:/manage/tasks" : "redirect:/manage/tasks?archived=true";
    }

    @PostMapping("/manage/tasks/{id}/delete")
    String delete(Principal principal, HttpSession session, @PathVariable long id, RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        var name = tasks.get(actor.account(), id).name();
        return act(redirect, () -> {
            tasks.delete(actor, id, true);
            return "Deleted the task “" + name + "”.";
        });
    }

    private static String act(RedirectAttributes redirect, Supplier<String> action) {
        Forms.act(redirect, LABELS, action);
        return "redirect:/manage/tasks";
    }
}
