package io.timeledger.web;

import io.timeledger.core.account.Account;
import io.timeledger.core.account.Accounts;
import io.timeledger.core.account.Actor;
import io.timeledger.core.account.ActorsChanged;
import io.timeledger.core.account.Member;
import io.timeledger.core.account.People;
import io.timeledger.core.account.User;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Forbidden;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Remembered;
import io.timeledger.core.common.RememberedUntilChanged;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The person behind a signed-in session (its principal's name is the email they signed in with),
 * and the account their pages act in: the one they chose in this session, else their active
 * account, else the first they belong to — always one whose membership is not archived.
 *
 * <p>Where a page acts ({@link #place}) is read by three statements and remembered as an API
 * secret's actor is (decision 011): for up to {@code timeledger.auth.cache}, forgotten as this
 * server's own change to a person, membership or account commits, and within milliseconds of
 * anyone else's (V12's triggers).
 */
@Component
public class SignedIn extends RememberedUntilChanged {

    /** The session attribute holding the id of the account the pages act in. */
    static final String ACCOUNT = "timeledger.account";

    /** Who signed in, and the account their session chose (null: none yet). */
    private record Key(String email, Long chosen) { }

    private final People people;
    private final Accounts accounts;
    private final Remembered<Key, Place> places;
    /** Each account's active people, for the pages that pick one (forgotten as any membership or user changes). */
    private final Remembered<AccountId, List<Member>> teammates;

    SignedIn(People people, Accounts accounts, @Value("${timeledger.auth.cache:5s}") Duration ttl) {
        super(ActorsChanged.CHANNEL, "the signed-in places");
        this.people = people;
        this.accounts = accounts;
        this.places = Remembered.forAtMost(ttl, 10_000);
        this.teammates = Remembered.forAtMost(ttl, 1_000);
    }

    public User user(Principal principal) {
        return people.userByEmail(principal.getName()).orElseThrow(() -> new NotFound("User", principal.getName()));
    }

    /** The person, the accounts they may act in, and the one the pages act in now. */
    public record Place(User user, Actor actor, List<Account> accounts) { }

    public Place place(Principal principal, HttpSession session) {
        var key = new Key(principal.getName(), session.getAttribute(ACCOUNT) instanceof Long id ? id : null);
        return Remembered.usableHere() ? places.get(key, () -> read(key), place -> true) : read(key);
    }

    private Place read(Key key) {
        var user = people.userByEmail(key.email()).orElseThrow(() -> new NotFound("User", key.email()));
        var mine = accounts.activeOfUser(user.id());
        if (mine.isEmpty()) {
            throw new Forbidden("You belong to no active account; ask an administrator to add you to one.");
        }
        var chosen = key.chosen() != null ? key.chosen() : user.activeAccountId();
        var account = mine.stream().filter(a -> chosen != null && a.id().value() == chosen).findFirst()
            .orElse(mine.get(0));
        var member = people.membershipOf(user.id(), account.id())
            .orElseThrow(() -> new NotFound("Account", account.id().value()));
        return new Place(user, new Actor(member, account), mine);
    }

    /** The active people of the actor's account: what a page offers to pick from. */
    public List<Member> teammates(Actor actor) {
        return Remembered.usableHere()
            ? teammates.get(actor.account(), () -> people.members(actor.account(), true), list -> true)
            : people.members(actor.account(), true);
    }

    public Actor actor(Principal principal, HttpSession session) {
        return place(principal, session).actor();
    }

    /** The actor of a page that only admins and managers may use; a member is refused (403). */
    public Actor manager(Principal principal, HttpSession session) {
        var actor = actor(principal, session);
        actor.requireManager();
        return actor;
    }

    /** Makes {@code accountId} the account the pages act in, if the person may act in it. */
    public void choose(Principal principal, HttpSession session, long accountId) {
        var mine = accounts.activeOfUser(user(principal).id());
        if (mine.stream().noneMatch(a -> a.id().value() == accountId)) {
            throw new NotFound("Account", accountId);
        }
        session.setAttribute(ACCOUNT, accountId);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forget(ActorsChanged change) {
        heard(change.what());
    }

    @Override
    protected List<? extends Remembered<?, ?>> kept() {
        return List.of(places, teammates);
    }
}
