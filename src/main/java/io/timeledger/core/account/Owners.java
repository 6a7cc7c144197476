package io.timeledger.core.account;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Remembered;
import io.timeledger.core.common.RememberedUntilChanged;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who owns the entries a page shows — each membership's user, name, email and time zone — kept
 * until a membership or a user changes, so that a page of entries needs no join to find them
 * (docs/performance.md, eighth pass). The same rules as the catalog's (decision 012): V12's
 * triggers announce every update or removal of a membership or user on {@code timeledger_actors},
 * this server's own such writes publish {@link ActorsChanged} and are forgotten as they commit,
 * nothing is kept while the server's listener is not connected nor longer than {@code
 * timeledger.catalog.cache}, and nothing is used or kept inside a transaction that writes. A
 * membership made since is simply not known yet: it is read with the rest a page does not know,
 * in one query.
 */
@Component
public class Owners extends RememberedUntilChanged {

    /** A membership's person, as entries show their owner; {@code avatarKey} names their avatar ({@link Avatars}). */
    public record Owner(long userId, String name, String email, ZoneId timeZone, UUID avatarKey) { }

    private record Key(long account, long membershipId) { }

    private final Remembered<Key, Owner> owners;
    private final PeopleRepository people;

    Owners(PeopleRepository people, @Value("${timeledger.catalog.cache:5m}") Duration ttl) {
        super(ActorsChanged.CHANNEL, "the entries' owners");
        this.people = people;
        this.owners = Remembered.forAtMost(ttl, 20_000);
    }

    /** The owners of {@code membershipIds} in {@code account}: those kept, the rest read at once. */
    public Map<Long, Owner> of(AccountId account, Collection<Long> membershipIds) {
        return owners.getAll(membershipIds, id -> new Key(account.value(), id),
            unknown -> people.owners(account, unknown));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forget(ActorsChanged change) {
        heard(change.what());
    }

    /** {@code what} changed (the table, as V12's triggers name it): people forgotten if it holds them. */
    @Override
    public void heard(String what) {
        if ("membership".equals(what) || "app_user".equals(what)) {
            forgetAll(what);
        }
    }

    @Override
    protected List<Remembered<Key, Owner>> kept() {
        return List.of(owners);
    }
}
