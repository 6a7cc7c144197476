package io.timeledger.api.harvest;

import io.timeledger.api.common.Instants;
import io.timeledger.api.common.Params;
import io.timeledger.core.account.Actor;
import io.timeledger.core.account.Member;
import io.timeledger.core.account.People;
import io.timeledger.core.account.Role;
import io.timeledger.core.common.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v2/users}: the account's people (Harvest user ids are membership ids). */
@RestController
@RequestMapping("/v2/users")
class HarvestUsersController {

    private final People people;

    HarvestUsersController(People people) {
        this.people = people;
    }

    @GetMapping("/me")
    HtUser me(Actor actor) {
        return HtUser.from(actor, actor.member());
    }

    @GetMapping
    Map<String, Object> list(Actor actor, HttpServletRequest request) {
        var page = HarvestPage.of(request);
        var all = people.members(actor.account(), Params.bool("is_active", request.getParameter("is_active")));
        var slice = all.stream().skip(page.offset()).limit(page.perPage()).map(member -> HtUser.from(actor, member)).toList();
        return page.envelope("users", slice, all.size(), request);
    }

    @GetMapping("/{id}")
    HtUser retrieve(Actor actor, @PathVariable long id) {
        if (actor.role() == Role.MEMBER && id != actor.membershipId()) {
            throw new NotFound("User", id);
        }
        return HtUser.from(actor, people.member(actor.account(), id));
    }

    /** Harvest's user. */
    record HtUser(long id, String firstName, String lastName, String email, String telephone, String timezone,
                  boolean hasAccessToAllFutureProjects, boolean isContractor, boolean isActive, int weeklyCapacity,
                  BigDecimal defaultHourlyRate, BigDecimal costRate, List<String> roles, List<String> accessRoles,
                  String avatarUrl, String createdAt, String updatedAt) {

        /** The rates are null to a caller who may not see them ({@link Actor#seesRatesOf}). */
        static HtUser from(Actor actor, Member member) {
            boolean rates = actor.seesRatesOf(member);
            var access = switch (member.role()) {
                case ADMIN -> "administrator";
                case MANAGER -> "manager";
                case MEMBER -> "member";
            };
            return new HtUser(member.id(), member.firstName(), member.lastName(), member.email(), "",
                member.timeZone().getId(), false, false, !member.archived(), 126_000,
                rates ? HarvestJson.number(member.billingRate()) : null,
                rates ? HarvestJson.number(member.costRate()) : null, List.of(),
                List.of(access), null, Instants.iso(member.createdAt()),
                Instants.iso(member.updatedAt()));
        }
    }
}
