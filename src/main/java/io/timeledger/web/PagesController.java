package io.timeledger.web;

import io.timeledger.auth.Credential;
import io.timeledger.auth.CredentialKind;
import io.timeledger.auth.CalendarLinks;
import io.timeledger.auth.Credentials;
import io.timeledger.auth.OAuthAuthorizations;
import io.timeledger.core.account.Account;
import io.timeledger.core.account.Accounts;
import io.timeledger.core.account.Avatars;
import io.timeledger.core.account.User;
import io.timeledger.core.audit.AuditTrail;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-in and the profile page: "Manage access tokens", "Picture", "Connected apps", "Signed-in browsers"
 * and "Security activity" (its "You" and "Password" are {@link ProfileDetailsController}'s).
 */
@Controller
class PagesController {

    /** A personal access token as the profile page lists it. */
    record TokenRow(long id, String name, String prefix, String account, java.time.Instant createdAt,
                    java.time.Instant lastUsedAt) { }

    /** The profile, scrolled to the card with the secret it shows this once (below "You" and "Password", out of sight else). */
    private static final String REVEALED = "redirect:/profile#tokens-heading";

    /** How many of one's own security events the profile page shows. */
    static final int ACTIVITY_SHOWN = 20;

    private final SignedIn signedIn;
    private final Accounts accounts;
    private final Credentials credentials;
    private final OAuthAuthorizations authorizations;
    private final AuditTrail audit;
    private final Avatars avatars;
    private final Header header;
    private final CalendarLinks calendarLinks;
    private final BrowserSessions browserSessions;

    PagesController(SignedIn signedIn, Accounts accounts, Credentials credentials,
                    OAuthAuthorizations authorizations, AuditTrail audit, Avatars avatars, Header header,
                    CalendarLinks calendarLinks, BrowserSessions browserSessions) {
        this.signedIn = signedIn;
        this.browserSessions = browserSessions;
        this.calendarLinks = calendarLinks;
        this.accounts = accounts;
        this.credentials = credentials;
        this.authorizations = authorizations;
        this.audit = audit;
        this.avatars = avatars;
        this.header = header;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/timesheet";
    }

    @GetMapping(WebSecurityConfiguration.LOGIN)
    String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
        if (error != null && session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e) {
            model.addAttribute("error", e instanceof org.springframework.security.authentication.LockedException
                ? e.getMessage() : "That email and password do not match.");
        } else if (error != null) {
            model.addAttribute("error", "That email and password do not match.");
        }
        return "login";
    }

    @GetMapping("/profile")
    String profile(Principal principal, HttpSession session, Model model) {
        var user = signedIn(principal);
        var mine = accounts.activeOfUser(user.id());
        Map<Long, String> names = accounts.ofUser(user.id()).stream()
            .collect(Collectors.toMap(a -> a.id().value(), Account::name, (a, b) -> a));
        var live = credentials.ofUser(user.id()).stream().filter(c -> !c.revoked()).toList();
        List<TokenRow> tokens = live.stream()
            .filter(c -> c.kind() == CredentialKind.PERSONAL_ACCESS_TOKEN)
            .map(c -> row(c, names::get))
            .toList();
        if (mine.isEmpty()) {
            model.addAttribute("section", "profile");
            model.addAttribute("user", user);
            model.addAttribute("accounts", mine);
        } else {
            // the timer is one click away from every page: here, in the header
            var place = signedIn.place(principal, session);
            header.show(model, place, "profile");
            model.addAttribute("hasCalendar", calendarLinks.has(place.actor()));
        }
        model.addAttribute("moments", new Periods.Moments(user.timeZone()));
        model.addAttribute("zones", Forms.timeZones(user.timeZone().getId()));
        model.addAttribute("tokens", tokens);
        model.addAttribute("apiKey", live.stream()
            .filter(c -> c.kind() == CredentialKind.API_KEY)
            .map(c -> row(c, names::get))
            .findFirst().orElse(null));
        model.addAttribute("apps", authorizations.grantsOf(user.id()));
        model.addAttribute("browsers", browserSessions.of(user.email(), session.getId()));
        model.addAttribute("activity", audit.ofUser(user.id(), ACTIVITY_SHOWN));
        model.addAttribute("accountNames", names);
        model.addAttribute("hasPicture", avatars.hasPicture(user.id()));
        return "profile";
    }

    @PostMapping("/profile/tokens")
    String createToken(Principal principal, @RequestParam(defaultValue = "") String name,
                       @RequestParam(name = "account_id", required = false) Long accountId,
                       RedirectAttributes redirect) {
        var user = signedIn(principal);
        if (name.isBlank()) {
            redirect.addFlashAttribute("problem", "Give the token a name you will recognise later.");
            return "redirect:/profile";
        }
        if (accountId == null) {
            redirect.addFlashAttribute("problem", "Choose the account the token acts in.");
            return "redirect:/profile";
        }
        try {
            var issued = credentials.issuePersonalAccessToken(user.id(), new AccountId(accountId), name);
            redirect.addFlashAttribute("revealed", issued.secret());
            redirect.addFlashAttribute("revealedName", "token “" + issued.credential().name() + "”");
            return REVEALED;
        } catch (Invalid | NotFound e) {
            redirect.addFlashAttribute("problem", e instanceof NotFound
                ? "You do not belong to that account." : "The name " + e.getMessage() + ".");
            return "redirect:/profile";
        }
    }

    /** The legacy API key (X-API-Key): a new one replaces any earlier one, shown once. */
    @PostMapping("/profile/api-key")
    String regenerateApiKey(Principal principal, RedirectAttributes redirect) {
        var issued = credentials.regenerateApiKey(signedIn(principal).id());
        redirect.addFlashAttribute("revealed", issued.secret());
        redirect.addFlashAttribute("revealedName", "API key");
        return REVEALED;
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revokeToken(Principal principal, @PathVariable long id, RedirectAttributes redirect) {
        credentials.revokeOwn(signedIn(principal).id(), id);
        redirect.addFlashAttribute("notice", "The token was revoked; it stops working at once.");
        return "redirect:/profile";
    }

    @PostMapping("/profile/sessions/end-others")
    String endOtherSessions(Principal principal, HttpSession session, RedirectAttributes redirect) {
        var user = signedIn(principal);
        int ended = browserSessions.endOthers(user.id(), user.email(), session.getId());
        redirect.addFlashAttribute("notice", ended == 0 ? "You were signed in on no other browser."
            : "Signed out of " + (ended == 1 ? "1 other browser" : ended + " other browsers")
                + "; they are asked to sign in again.");
        return "redirect:/profile";
    }

    @PostMapping("/profile/apps/{id}/revoke")
    String revokeApp(Principal principal, @PathVariable long id, RedirectAttributes redirect) {
        authorizations.revoke(signedIn(principal).id(), id);
        redirect.addFlashAttribute("notice", "The app's access was revoked; its tokens stop working at once.");
        return "redirect:/profile";
    }

    private User signedIn(Principal principal) {
        return signedIn.user(principal);
    }

    private static TokenRow row(Credential credential, Function<Long, String> accountName) {
        return new TokenRow(credential.id(), credential.name() == null ? "(unnamed)" : credential.name(),
            credential.prefix(), accountName.apply(credential.accountId()), credential.createdAt(),
            credential.lastUsedAt());
    }
}
