package io.timeledger.web.manage;

import io.timeledger.auth.PasswordLinks;
import io.timeledger.core.account.Member;
import io.timeledger.core.account.NewUser;
import io.timeledger.core.account.People;
import io.timeledger.core.account.PersonChanges;
import io.timeledger.core.account.Role;
import io.timeledger.core.common.Field;
import io.timeledger.web.Forms;
import io.timeledger.web.Header;
import io.timeledger.web.SignedIn;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The people of the account ({@code /manage/team}): admins and managers see them (rates and costs
 * as their role allows, as the APIs decide); administrators invite a person — who gets a one-time
 * link to set a password, shown here to pass on, since no mail is sent — change roles and rates,
 * archive, restore and remove them, and make a link to reset a lost password. Nothing about people
 * needs the admin command line any more.
 */
@Controller
class TeamController {

    private static final Map<String, String> LABELS = Map.of("first_name", "First name", "last_name", "Last name",
        "default_hourly_rate", "Billable rate", "billing_rate", "Billable rate", "cost_rate", "Cost rate");

    private final SignedIn signedIn;
    private final Header header;
    private final People people;
    private final PasswordLinks links;

    TeamController(SignedIn signedIn, Header header, People people, PasswordLinks links) {
        this.signedIn = signedIn;
        this.header = header;
        this.people = people;
        this.links = links;
    }

    /** A person as the list shows them; rates null where the viewer may not see them. */
    record Person(Member member, BigDecimal billingRate, BigDecimal costRate, boolean invited) { }

    @GetMapping("/manage/team")
    String team(Principal principal, HttpSession session, @RequestParam(defaultValue = "false") boolean archived,
                Model model) {
        var place = signedIn.place(principal, session);
        var actor = place.actor();
        actor.requireManager();
        var invited = links.invitedUsers(actor.account());
        header.show(model, place, "manage");
        model.addAttribute("archived", archived);
        model.addAttribute("admin", actor.role() == Role.ADMIN);
        model.addAttribute("seesCosts", actor.seesCosts());
        model.addAttribute("people", people.members(actor.account(), archived ? null : true).stream()
            .map(m -> new Person(m, actor.seesRatesOf(m) ? m.billingRate() : null,
                actor.seesCosts() ? m.costRate() : null, invited.contains(m.userId())))
            .toList());
        return "manage/team";
    }

    @PostMapping("/manage/team")
    String invite(Principal principal, HttpSession session, @RequestParam(defaultValue = "") String email,
                  @RequestParam(name = "first_name", defaultValue = "") String firstName,
                  @RequestParam(name = "last_name", defaultValue = "") String lastName,
                  @RequestParam(defaultValue = "member") String role, @RequestParam(defaultValue = "") String rate,
                  RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, "/manage/team", () -> {
            var invited = links.invite(actor, new NewUser(email.strip(), firstName.strip(), lastName.strip(),
                    actor.tenant().timeZone().getId()),
                PersonChanges.none().role(Field.of(Role.parse("role", role)))
                    .billingRate(Field.of(Forms.amount("billing_rate", rate))));
            var who = invited.member().shownName();
            if (invited.secret() == null) {
                return "Added " + who + "; they sign in with the password they already have.";
            }
            reveal(redirect, invited.secret(), who);
            return "Added " + who + ".";
        });
    }

    @GetMapping("/manage/team/{id}")
    String person(Principal principal, HttpSession session, @PathVariable long id, Model model) {
        var place = signedIn.place(principal, session);
        place.actor().requireAdmin();
        var member = people.member(place.actor().account(), id);
        header.show(model, place, "manage");
        model.addAttribute("title", member.shownName());
        model.addAttribute("person", member);
        model.addAttribute("self", member.id() == place.actor().membershipId());
        model.addAttribute("invited", links.invitedUsers(place.actor().account()).contains(member.userId()));
        return "manage/person";
    }

    @PostMapping("/manage/team/{id}")
    String change(Principal principal, HttpSession session, @PathVariable long id,
                  @RequestParam(defaultValue = "member") String role,
                  @RequestParam(name = "billing_rate", defaultValue = "") String billingRate,
                  @RequestParam(name = "cost_rate", defaultValue = "") String costRate, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, "/manage/team/" + id, () -> {
            var changed = people.change(actor, id, PersonChanges.none()
                .role(Field.of(Role.parse("role", role)))
                .billingRate(Field.of(Forms.amount("billing_rate", billingRate)))
                .costRate(Field.of(Forms.amount("cost_rate", costRate))));
            return "Saved " + changed.name() + ".";
        });
    }

    @PostMapping("/manage/team/{id}/{action:archive|restore}")
    String archive(Principal principal, HttpSession session, @PathVariable long id, @PathVariable String action,
                   RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        boolean restore = "restore".equals(action);
        return act(redirect, "/manage/team/" + id, () -> {
            var changed = people.change(actor, id, PersonChanges.none().active(Field.of(restore)));
            return restore ? "Restored " + changed.name() + "."
                : "Archived " + changed.name() + ": they can no longer track time here; their time stays.";
        });
    }

    /** A one-time link for the person to set a new password, shown once to pass on. */
    @PostMapping("/manage/team/{id}/password-link")
    String passwordLink(Principal principal, HttpSession session, @PathVariable long id, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        var member = people.member(actor.account(), id);
        reveal(redirect, links.reset(actor, id), member.shownName());
        return "redirect:/manage/team/" + id;
    }

    @PostMapping("/manage/team/{id}/remove")
    String remove(Principal principal, HttpSession session, @PathVariable long id, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        var name = people.member(actor.account(), id).name();
        boolean removed = Forms.act(redirect, LABELS, () -> {
            people.remove(actor, id);
            return "Removed " + name + " from the account.";
        });
        return removed ? "redirect:/manage/team" : "redirect:/manage/team/" + id;
    }

    /** Shows the link once, on the next page. */
    private static void reveal(RedirectAttributes redirect, String secret, String who) {
        redirect.addFlashAttribute("revealed", ServletUriComponentsBuilder.fromCurrentContextPath()
            .path(PasswordLinks.PAGE).queryParam("link", secret).toUriString());
        redirect.addFlashAttribute("revealedFor", who);
    }

    private static String act(RedirectAttributes redirect, String back, Supplier<String> action) {
        Forms.act(redirect, LABELS, action);
        return "redirect:" + back;
    }
}
