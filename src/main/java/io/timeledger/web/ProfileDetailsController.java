package io.timeledger.web;

import io.timeledger.auth.Passwords;
import io.timeledger.core.account.People;
import io.timeledger.core.account.PersonChanges;
import io.timeledger.core.common.Field;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The profile's "You" and "Password": a person changes their own name, email and time zone, and
 * their password, which signs them out of every other browser. A new email, like a new password, needs
 * the current password; it is the one they sign in with from then on: this browser stays signed in
 * under it, the others are signed out.
 */
@Controller
class ProfileDetailsController {

    private static final Map<String, String> LABELS = Map.of("first_name", "First name", "last_name", "Last name",
        "email", "Email", "time_zone", "Time zone", "current_password", "Your current password",
        "password", "The new password");

    private final SignedIn signedIn;
    private final People people;
    private final Passwords passwords;
    private final BrowserSessions browserSessions;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ProfileDetailsController(SignedIn signedIn, People people, Passwords passwords, BrowserSessions browserSessions) {
        this.signedIn = signedIn;
        this.people = people;
        this.passwords = passwords;
        this.browserSessions = browserSessions;
    }

    @PostMapping("/profile/details")
    String details(Principal principal, HttpSession session, HttpServletRequest request, HttpServletResponse response,
                   @RequestParam(name = "first_name", defaultValue = "") String firstName,
                   @RequestParam(name = "last_name", defaultValue = "") String lastName,
                   @RequestParam(defaultValue = "") String email,
                   @RequestParam(name = "time_zone", defaultValue = "") String timeZone,
                   @RequestParam(name = "current_password", defaultValue = "") String current,
                   RedirectAttributes redirect) {
        var place = signedIn.place(principal, session);
        var before = place.user();
        Forms.act(redirect, LABELS, () -> {
            if (!email.strip().equalsIgnoreCase(before.email())) {
                // whoever holds this browser could otherwise take the account: the new email signs in
                passwords.confirm(before.id(), before.email(), current, "to change the email");
            }
            var changes = PersonChanges.none().firstName(Field.of(firstName)).lastName(Field.of(lastName))
                .email(Field.of(email)).timeZone(Field.of(timeZone.strip()));
            var after = people.change(place.actor(), place.actor().membershipId(), changes);
            if (after.email().equals(before.email())) {
                return "Saved your details.";
            }
            int ended = browserSessions.endOthers(before.id(), before.email(), session.getId());
            signInAs(after.email(), request, response);
            return "Saved. Sign in with " + after.email() + " from now on"
                + (ended == 0 ? "." : "; your other browsers were signed out.");
        });
        return "redirect:/profile";
    }

    @PostMapping("/profile/password")
    String password(Principal principal, HttpSession session,
                    @RequestParam(name = "current_password", defaultValue = "") String current,
                    @RequestParam(defaultValue = "") String password,
                    @RequestParam(defaultValue = "") String confirmation, RedirectAttributes redirect) {
        var user = signedIn.user(principal);
        if (!password.equals(confirmation)) {
            redirect.addFlashAttribute("problem", "The new password and its repetition differ; type it twice alike.");
            return "redirect:/profile";
        }
        Forms.act(redirect, LABELS, () -> {
            passwords.change(user.id(), user.email(), current, password);
            int ended = browserSessions.endAll(user.id(), user.email(), session.getId());
            return "Your password was changed" + (ended == 0 ? "." : "; your other browsers were signed out.");
        });
        return "redirect:/profile";
    }

    /** This browser's session goes on under the email the person now signs in with. */
    private void signInAs(String email, HttpServletRequest request, HttpServletResponse response) {
        var current = SecurityContextHolder.getContext().getAuthentication();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(email, null,
            current == null ? java.util.List.of() : current.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
