package io.timeledger.web;

import io.timeledger.auth.OAuthAuthorizations;
import io.timeledger.core.account.Accounts;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The consent page Spring Authorization Server sends a signed-in person to: which app asks, for
 * what, and in which of their accounts it may act. The form posts back to {@code /oauth/authorize}.
 */
@Controller
class ConsentController {

    private final RegisteredClientRepository clients;
    private final SignedIn signedIn;
    private final Accounts accounts;

    ConsentController(RegisteredClientRepository clients, SignedIn signedIn, Accounts accounts) {
        this.clients = clients;
        this.signedIn = signedIn;
        this.accounts = accounts;
    }

    @GetMapping(OAuthAuthorizations.CONSENT_PAGE)
    String consent(Principal principal, @RequestParam(name = "client_id") String clientId,
                   @RequestParam(defaultValue = "") String scope, @RequestParam String state, Model model) {
        var client = clients.findByClientId(clientId);
        if (client == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown client_id");
        }
        var user = signedIn.user(principal);
        var scopes = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
        scopes.removeIf(String::isEmpty);
        model.addAttribute("client", client.getClientName());
        model.addAttribute("clientId", clientId);
        model.addAttribute("state", state);
        model.addAttribute("canRead", scopes.contains("read"));
        model.addAttribute("canWrite", scopes.contains("write"));
        model.addAttribute("scopes", scopes);
        model.addAttribute("accounts", accounts.activeOfUser(user.id()));
        model.addAttribute("user", user);
        return "consent";
    }
}
