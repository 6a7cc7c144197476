package io.timeledger.web;

import io.timeledger.auth.PasswordLinks;
import io.timeledger.core.common.Invalid;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a one-time link an administrator passed on leads ({@link PasswordLinks}): the person sets
 * their password — once, while the link works — and signs in with it. Nobody is signed in by the
 * link itself. A link that expired or was used says so (410).
 */
@Controller
class WelcomeController {

    private final PasswordLinks links;
    private final BrowserSessions sessions;

    WelcomeController(PasswordLinks links, BrowserSessions sessions) {
        this.links = links;
        this.sessions = sessions;
    }

    @GetMapping(PasswordLinks.PAGE)
    String welcome(@RequestParam(defaultValue = "") String link, Model model, HttpServletResponse response) {
        return links.find(link).map(found -> page(model, link, found, null)).orElseGet(() -> gone(model, response));
    }

    @PostMapping(PasswordLinks.PAGE)
    String setPassword(@RequestParam(defaultValue = "") String link, @RequestParam(defaultValue = "") String password,
                       @RequestParam(defaultValue = "") String confirmation, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        var found = links.find(link);
        if (found.isEmpty()) {
            return gone(model, response);
        }
        if (!password.equals(confirmation)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(model, link, found.get(), "The two passwords differ; type the same one twice.");
        }
        try {
            var used = links.use(link, password);
            // whoever was signed in with the old password is not any more, on any node
            sessions.endAll(used.userId(), used.email(), null);
            redirect.addFlashAttribute("welcome", "Your password is set: sign in with " + used.email()
                + " and your new password.");
            redirect.addFlashAttribute("email", used.email());
            return "redirect:" + WebSecurityConfiguration.LOGIN;
        } catch (Invalid refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(model, link, found.get(), Forms.sentence(refused, Map.of()));
        }
    }

    private static String page(Model model, String link, PasswordLinks.Link found, String problem) {
        model.addAttribute("link", link);
        model.addAttribute("email", found.email());
        model.addAttribute("accountName", found.accountName());
        model.addAttribute("invitation", found.purpose() == PasswordLinks.Purpose.INVITATION);
        model.addAttribute("problem", problem);
        return "welcome";
    }

    private static String gone(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("status", HttpStatus.GONE.value());
        model.addAttribute("message",
            "This link has expired or was used already: ask your administrator for a new one.");
        return "error";
    }
}
