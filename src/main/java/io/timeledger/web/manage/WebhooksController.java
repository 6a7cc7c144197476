package io.timeledger.web.manage;

import io.timeledger.core.hooks.Webhook;
import io.timeledger.core.hooks.WebhookDelivery;
import io.timeledger.core.hooks.Webhooks;
import io.timeledger.web.Forms;
import io.timeledger.web.Header;
import io.timeledger.web.SignedIn;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Manage → Webhooks (administrators): subscribe an address to kinds of change, see each
 * subscription's latest deliveries and why one is paused, pause, resume, redeliver and delete — as
 * {@code /api/v1/webhooks} does, through the same {@link Webhooks}.
 */
@Controller
class WebhooksController {

    /** Each kind of change as the page names it, in the order it lists them. */
    static final Map<String, String> KINDS = kinds();
    private static final Map<String, String> LABELS = Map.of("url", "The address", "events", "The changes");
    private static final int SHOWN_DELIVERIES = 10;

    private final SignedIn signedIn;
    private final Header header;
    private final Webhooks webhooks;

    WebhooksController(SignedIn signedIn, Header header, Webhooks webhooks) {
        this.signedIn = signedIn;
        this.header = header;
        this.webhooks = webhooks;
    }

    /** A subscription with its latest deliveries, as the page shows it. */
    record Shown(Webhook webhook, List<WebhookDelivery> deliveries) { }

    @GetMapping("/manage/webhooks")
    String list(Principal principal, HttpSession session, Model model) {
        var place = signedIn.place(principal, session);
        var actor = place.actor();
        actor.requireAdmin();
        header.show(model, place, "manage");
        model.addAttribute("page", "webhooks");
        model.addAttribute("kinds", KINDS);
        model.addAttribute("zone", actor.member().timeZone());
        model.addAttribute("webhooks", webhooks.list(actor).stream()
            .map(webhook -> new Shown(webhook, webhooks.deliveries(actor, webhook.id(), SHOWN_DELIVERIES))).toList());
        return "manage/webhooks";
    }

    @PostMapping("/manage/webhooks")
    String create(Principal principal, HttpSession session, @RequestParam(defaultValue = "") String url,
                  @RequestParam(defaultValue = "") List<String> events, RedirectAttributes redirect) {
        var actor = signedIn.place(principal, session).actor();
        Forms.act(redirect, LABELS, () -> {
            var made = webhooks.subscribe(actor, url, events);
            redirect.addFlashAttribute("secret", made.secret());
            redirect.addFlashAttribute("secretFor", made.webhook().id());
            return "Subscribed " + made.webhook().url() + ": its changes are posted there from now on.";
        });
        return "redirect:/manage/webhooks";
    }

    @PostMapping("/manage/webhooks/{id}/{action:pause|resume}")
    String pause(Principal principal, HttpSession session, @PathVariable long id, @PathVariable String action,
                 RedirectAttributes redirect) {
        var actor = signedIn.place(principal, session).actor();
        boolean resume = action.equals("resume");
        var webhook = webhooks.change(actor, id, null, null, resume);
        redirect.addFlashAttribute("notice", resume
            ? "Resumed " + webhook.url() + ": what changed while it was paused is posted first, in order."
            : "Paused " + webhook.url() + ": nothing is posted until you resume it.");
        return "redirect:/manage/webhooks";
    }

    @PostMapping("/manage/webhooks/{id}/deliveries/{delivery}/redeliver")
    String redeliver(Principal principal, HttpSession session, @PathVariable long id, @PathVariable long delivery,
                     RedirectAttributes redirect) {
        var actor = signedIn.place(principal, session).actor();
        var again = webhooks.redeliver(actor, id, delivery);
        redirect.addFlashAttribute("notice", "Event " + again.eventId() + " is posted again, after those waiting.");
        return "redirect:/manage/webhooks";
    }

    @PostMapping("/manage/webhooks/{id}/delete")
    String delete(Principal principal, HttpSession session, @PathVariable long id, RedirectAttributes redirect) {
        var actor = signedIn.place(principal, session).actor();
        var url = webhooks.get(actor, id).url();
        webhooks.remove(actor, id);
        redirect.addFlashAttribute("notice", "Deleted the webhook to " + url + " and its deliveries.");
        return "redirect:/manage/webhooks";
    }

    private static Map<String, String> kinds() {
        var names = Map.ofEntries(
            Map.entry("entry.created", "Time added"),
            Map.entry("entry.updated", "Time changed"),
            Map.entry("entry.deleted", "Time deleted"),
            Map.entry("dock.changed", "Timer started, paused or stopped"),
            Map.entry("approval.changed", "Week submitted, approved or sent back"),
            Map.entry("invoice.drafted", "Invoice drafted"),
            Map.entry("invoice.sent", "Invoice sent"),
            Map.entry("invoice.paid", "Invoice paid in full"),
            Map.entry("invoice.voided", "Invoice voided"),
            Map.entry("catalog.changed", "Client, project or task added, changed or deleted"));
        var kinds = new LinkedHashMap<String, String>();
        Webhooks.KINDS.forEach(kind -> kinds.put(kind, names.get(kind)));
        return kinds;
    }
}
