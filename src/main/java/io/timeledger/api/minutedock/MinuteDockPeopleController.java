package io.timeledger.api.minutedock;

import io.timeledger.api.common.Params;
import io.timeledger.core.account.Account;
import io.timeledger.core.account.Accounts;
import io.timeledger.core.account.Actor;
import io.timeledger.core.account.Member;
import io.timeledger.core.account.People;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is and where: accounts and users. */
@RestController
@RequestMapping("/api/v1")
class MinuteDockPeopleController {

    private final Accounts accounts;
    private final People people;
    private final Clock clock;

    MinuteDockPeopleController(Accounts accounts, People people, Clock clock) {
        this.accounts = accounts;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/accounts")
    List<MdAccount> accounts(Actor actor) {
        return accounts.ofUser(actor.userId()).stream().map(MdAccount::from).toList();
    }

    @GetMapping("/accounts/current")
    MdAccount currentAccount(Actor actor) {
        return MdAccount.from(actor.tenant());
    }

    @GetMapping("/users")
    List<MdUser> users(Actor actor, @RequestParam(required = false) String active) {
        return people.members(actor.account(), Params.bool("active", active)).stream()
            .map(member -> MdUser.from(actor, member, clock))
            .toList();
    }

    @GetMapping("/users/me")
    MdUser me(Actor actor) {
        return MdUser.from(actor, actor.member(), clock);
    }

    record MdAccount(String id, String name) {
        static MdAccount from(Account account) {
            return new MdAccount(Wire.id(account.id().value()), account.name());
        }
    }

    /** MinuteDock's User: {@code user_account_id} is the membership, the legacy {@code id} the person. */
    record MdUser(String userAccountId, boolean archived, String email, String firstName, String lastName,
                  String billingRate, String id, String accountId, String timeZoneId, String timeZoneOffset,
                  String pushChannelToken) {

        private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

        /** The billing rate is null to a caller who may not see it ({@link Actor#seesRatesOf}). */
        static MdUser from(Actor actor, Member member, Clock clock) {
            var offset = member.timeZone().getRules().getOffset(clock.instant());
            return new MdUser(
                Wire.id(member.id()),
                member.archived(),
                member.email(),
                member.firstName(),
                member.lastName(),
                // the user's rate ends the rate chain: none set means time is worth nothing
                !actor.seesRatesOf(member) ? null
                    : Wire.dollars(member.billingRate() == null ? BigDecimal.ZERO : member.billingRate()),
                Wire.id(member.userId()),
                Wire.id(member.account().value()),
                member.timeZone().getId(),
                OFFSET.format(offset),
                member.pushChannel().toString());
        }
    }
}
