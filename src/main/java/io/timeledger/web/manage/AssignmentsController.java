package io.timeledger.web.manage;

import io.timeledger.core.catalog.AssignmentChanges;
import io.timeledger.core.catalog.Assignments;
import io.timeledger.core.common.Field;
import io.timeledger.web.Forms;
import io.timeledger.web.SignedIn;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tasks and the people of a project (Harvest's task and user assignments), on the project's
 * page: a task's rate and billability on this project, a person's rate on it and whether they
 * manage it — what the rate table above them explains. Through the service Harvest's API uses.
 */
@Controller
class AssignmentsController {

    private static final Map<String, String> LABELS = Map.of("task_id", "Task", "user_id", "Person",
        "hourly_rate", "Rate");

    private final SignedIn signedIn;
    private final Assignments assignments;

    AssignmentsController(SignedIn signedIn, Assignments assignments) {
        this.signedIn = signedIn;
        this.assignments = assignments;
    }

    @PostMapping("/manage/projects/{projectId}/assignments/{kind:tasks|people}")
    String assign(Principal principal, HttpSession session, @PathVariable long projectId, @PathVariable String kind,
                  @RequestParam(name = "subject_id", required = false) Long subject,
                  @RequestParam(defaultValue = "") String rate, @RequestParam(defaultValue = "false") boolean flag,
                  RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        return act(redirect, projectId, () -> {
            var changes = changes(rate, flag);
            if ("tasks".equals(kind)) {
                assignments.assignTask(actor, projectId, subject, changes);
                return "The task is on the project.";
            }
            assignments.assignUser(actor, projectId, subject, changes);
            return "The person is on the project.";
        });
    }

    @PostMapping("/manage/projects/{projectId}/assignments/{kind:tasks|people}/{id}")
    String change(Principal principal, HttpSession session, @PathVariable long projectId, @PathVariable String kind,
                  @PathVariable long id, @RequestParam(defaultValue = "") String rate,
                  @RequestParam(defaultValue = "false") boolean flag, RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        return act(redirect, projectId, () -> {
            if ("tasks".equals(kind)) {
                assignments.changeTaskAssignment(actor, projectId, id, changes(rate, flag));
            } else {
                assignments.changeUserAssignment(actor, projectId, id, changes(rate, flag));
            }
            return "Saved.";
        });
    }

    @PostMapping("/manage/projects/{projectId}/assignments/{kind:tasks|people}/{id}/remove")
    String remove(Principal principal, HttpSession session, @PathVariable long projectId, @PathVariable String kind,
                  @PathVariable long id, RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        return act(redirect, projectId, () -> {
            if ("tasks".equals(kind)) {
                assignments.unassignTask(actor, projectId, id);
                return "The task is off the project; its time keeps its rate.";
            }
            assignments.unassignUser(actor, projectId, id);
            return "The person is off the project; their time keeps its rate.";
        });
    }

    private static AssignmentChanges changes(String rate, boolean flag) {
        return new AssignmentChanges(Field.of(flag), Field.absent(), Field.of(Forms.amount("hourly_rate", rate)),
            Field.absent());
    }

    private static String act(RedirectAttributes redirect, long projectId, Supplier<String> action) {
        Forms.act(redirect, LABELS, action);
        return "redirect:/manage/projects/" + projectId + "#assignments";
    }
}
