package io.timeledger.web;

import io.timeledger.core.account.Account;
import io.timeledger.core.account.Accounts;
import io.timeledger.core.account.Actor;
import io.timeledger.core.account.People;
import io.timeledger.core.account.User;
import io.timeledger.core.common.Forbidden;
import io.timeledger.core.common.NotFound;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The person behind a signed-in session (its principal's name is the email they signed in with),
 * and the account their pages act in: the one they chose in this session, else their active
 * account, else the first they belong to — always one whose membership is not archived.
 */
@Component
public class SignedIn {

    /** The session attribute holding the id of the account the pages act in. */
    static final String ACCOUNT = "timeledger.account";

    private final People people;
    private final Accounts accounts;

    SignedIn(People people, Accounts accounts) {
        this.people = people;
        this.accounts = accounts;
    }

    public User user(Principal principal) {
        return people.userByEmail(principal.getName()).orElseThrow(() -> new NotFound("User", principal.getName()));
    }

    /** The person, the accounts they may act in, and the one the pages act in now. */
    public record Place(User user, Actor actor, List<Account> accounts) { }

    public Place place(Principal principal, HttpSession session) {
        var user = user(principal);
        var mine = accounts.activeOfUser(user.id());
        if (mine.isEmpty()) {
            throw new Forbidden("You belong to no active account; ask an administrator to add you to one.");
        }
        var chosen = session.getAttribute(ACCOUNT) instanceof Long id ? id : user.activeAccountId();
        var account = mine.stream().filter(a -> chosen != null && a.id().value() == chosen).findFirst()
            .orElse(mine.get(0));
        var member = people.membershipOf(user.id(), account.id())
            .orElseThrow(() -> new NotFound("Account", account.id().value()));
        return new Place(user, new Actor(member, account), mine);
    }

    public Actor actor(Principal principal, HttpSession session) {
        return place(principal, session).actor();
    }

    /** Makes {@code accountId} the account the pages act in, if the person may act in it. */
    public void choose(Principal principal, HttpSession session, long accountId) {
        var mine = accounts.activeOfUser(user(principal).id());
        if (mine.stream().noneMatch(a -> a.id().value() == accountId)) {
            throw new NotFound("Account", accountId);
        }
        session.setAttribute(ACCOUNT, accountId);
    }
}
