package io.timeledger.web.manage;

import io.timeledger.core.catalog.JobChanges;
import io.timeledger.core.catalog.Jobs;
import io.timeledger.core.catalog.PriceType;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import io.timeledger.web.Forms;
import io.timeledger.web.SignedIn;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's jobs (Paydirt's priced pieces of work), added, completed, reopened and deleted from
 * the project's page — through the service and rules Paydirt's API uses.
 */
@Controller
class JobsController {

    private static final Map<String, String> LABELS = Map.of("price_type", "Pricing", "estimate", "Estimate");

    private final SignedIn signedIn;
    private final Jobs jobs;

    JobsController(SignedIn signedIn, Jobs jobs) {
        this.signedIn = signedIn;
        this.jobs = jobs;
    }

    @PostMapping("/manage/projects/{projectId}/jobs")
    String create(Principal principal, HttpSession session, @PathVariable long projectId,
                  @RequestParam(defaultValue = "") String name,
                  @RequestParam(name = "price_type", defaultValue = "per_hour") String priceType,
                  @RequestParam(defaultValue = "") String price, @RequestParam(defaultValue = "") String estimate,
                  RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        Forms.act(redirect, LABELS, () -> {
            var job = jobs.create(actor, new JobChanges(Field.of(projectId), Field.of(name.strip()),
                Field.of(priceType(priceType)), Field.of(Forms.amount("price", price)),
                Field.of(seconds(Forms.amount("estimate", estimate))), Field.of(false)));
            return "Added the job “" + job.name() + "”.";
        });
        return "redirect:/manage/projects/" + projectId + "#jobs";
    }

    @PostMapping("/manage/jobs/{id}/{action:complete|reopen}")
    String complete(Principal principal, HttpSession session, @PathVariable long id, @PathVariable String action,
                    RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        boolean completing = "complete".equals(action);
        var job = jobs.update(actor, id, new JobChanges(Field.absent(), Field.absent(), Field.absent(), Field.absent(),
            Field.absent(), Field.of(completing)));
        redirect.addFlashAttribute("notice",
            (completing ? "Completed" : "Reopened") + " the job “" + job.name() + "”.");
        return "redirect:/manage/projects/" + job.projectId() + "#jobs";
    }

    @PostMapping("/manage/jobs/{id}/delete")
    String delete(Principal principal, HttpSession session, @PathVariable long id, RedirectAttributes redirect) {
        var job = jobs.delete(signedIn.manager(principal, session), id);
        redirect.addFlashAttribute("notice", "Deleted the job “" + job.name() + "”; time logged to it is kept.");
        return "redirect:/manage/projects/" + job.projectId() + "#jobs";
    }

    private static PriceType priceType(String value) {
        return switch (value) {
            case "per_hour" -> PriceType.PER_HOUR;
            case "fixed" -> PriceType.FIXED;
            case "per_user" -> PriceType.PER_USER;
            default -> throw new Invalid("price_type", "must be per hour, fixed or per person");
        };
    }

    /** An estimate typed in hours ("12", "1.5"), in seconds; null when left blank. */
    private static Long seconds(BigDecimal hours) {
        if (hours == null) {
            return null;
        }
        if (hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(100_000)) > 0) {
            throw new Invalid("estimate", "must be a number of hours from 0 to 100000");
        }
        return hours.multiply(BigDecimal.valueOf(3600)).longValue();
    }
}
