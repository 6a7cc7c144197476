package io.timeledger.api.harvest;

import io.timeledger.api.common.Accepts;
import io.timeledger.api.common.AvatarUrls;
import io.timeledger.api.common.Instants;
import io.timeledger.api.common.JsonFields;
import io.timeledger.api.common.Params;
import io.timeledger.api.common.RequestBodies;
import io.timeledger.core.account.Actor;
import io.timeledger.core.account.Member;
import io.timeledger.core.account.NewUser;
import io.timeledger.core.account.People;
import io.timeledger.core.account.PersonChanges;
import io.timeledger.core.account.Role;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2/users}: the account's people (Harvest user ids are membership ids), newest first.
 * Administrators create, change, archive ({@code is_active: false}) and delete them; anyone
 * changes their own name, email, time zone and telephone.
 */
@RestController
@RequestMapping("/v2/users")
class HarvestUsersController {

    /** What Harvest grants a manager beyond the role; Timeledger's managers hold all of them. */
    private static final List<String> MANAGER_PERMISSIONS = List.of("project_creator", "billable_rates_manager",
        "managed_projects_invoice_drafter", "managed_projects_invoice_manager", "client_and_task_manager",
        "time_and_expenses_manager", "estimates_manager");

    private final People people;
    private final RequestBodies bodies;

    HarvestUsersController(People people, RequestBodies bodies) {
        this.people = people;
        this.bodies = bodies;
    }

    @GetMapping("/me")
    HtUser me(Actor actor) {
        return HtUser.from(actor, actor.member());
    }

    @GetMapping
    @HarvestPageOf(key = "users", items = HtUser.class)
    Map<String, Object> list(Actor actor, HttpServletRequest request) {
        var page = HarvestPage.of(request);
        var since = HarvestCatalogController.updatedSince(request, Member::updatedAt);
        var all = people.members(actor.account(), Params.bool("is_active", request.getParameter("is_active")))
            .stream()
            .filter(since)
            .sorted(Comparator.comparing(Member::createdAt).thenComparingLong(Member::id).reversed())
            .toList();
        var avatars = AvatarUrls.ofRequest();
        var slice = all.stream().skip(page.offset()).limit(page.perPage())
            .map(member -> HtUser.from(actor, member, avatars))
            .toList();
        return page.envelope("users", slice, all.size(), request);
    }

    @GetMapping("/{id}")
    HtUser retrieve(Actor actor, @PathVariable long id) {
        if (actor.role() == Role.MEMBER && id != actor.membershipId()) {
            throw new NotFound("User", id);
        }
        return HtUser.from(actor, people.member(actor.account(), id));
    }

    /** Harvest sends an invitation email; Timeledger has no mail: the person gets a password from an admin. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(HtUserFields.class)
    HtUser create(Actor actor, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "user");
        var firstName = fields.string("first_name");
        var lastName = fields.string("last_name");
        var email = fields.string("email");
        var timeZone = fields.string("timezone");
        var changes = changes(fields);
        for (var required : List.of("first_name", "last_name", "email")) {
            if (!fields.rejected(required) && blank(required, firstName, lastName, email)) {
                fields.reject(required, "can't be blank");
            }
        }
        fields.validate();
        var profile = new NewUser(email.orElse(null), firstName.orElse(null), lastName.orElse(null),
            timeZone.orElse(actor.tenant().timeZone().getId()));
        return HtUser.from(actor, people.add(actor, profile, changes));
    }

    @PatchMapping("/{id}")
    @Accepts(HtUserFields.class)
    HtUser update(Actor actor, @PathVariable long id, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "user");
        var changes = changes(fields)
            .firstName(fields.string("first_name"))
            .lastName(fields.string("last_name"))
            .email(fields.string("email"))
            .timeZone(fields.string("timezone"));
        fields.validate();
        return HtUser.from(actor, people.change(actor, id, changes));
    }

    /** Harvest deletes only a user with no time or expenses; the rest are archived. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id) {
        people.remove(actor, id);
        return ResponseEntity.ok().build();
    }

    /**
     * A person's fields: {@code access_roles} administrator, manager (with Harvest's manager
     * permissions) or member; {@code roles} the business roles shown beside them.
     */
    record HtUserFields(String firstName, String lastName, String email, String timezone, String telephone,
                        Boolean isActive, Boolean isContractor, BigDecimal defaultHourlyRate, BigDecimal costRate,
                        Integer weeklyCapacity, Boolean hasAccessToAllFutureProjects, List<String> roles,
                        List<String> accessRoles) { }

    /** The membership's fields of a create or update, as Harvest names them. */
    private static PersonChanges changes(JsonFields fields) {
        return PersonChanges.none()
            .role(role(fields))
            .billingRate(fields.number("default_hourly_rate"))
            .costRate(fields.number("cost_rate"))
            .active(fields.bool("is_active"))
            .telephone(fields.string("telephone"))
            .contractor(fields.bool("is_contractor"))
            .weeklyCapacity(fields.integer("weekly_capacity"))
            .joinsNewProjects(fields.bool("has_access_to_all_future_projects"))
            .businessRoles(fields.strings("roles"));
    }

    /**
     * {@code access_roles}: {@code administrator}, {@code manager} (with any of Harvest's manager
     * permissions, which every Timeledger manager holds) or {@code member}.
     */
    private static Field<Role> role(JsonFields fields) {
        var given = fields.strings("access_roles");
        if (!given.isGiven()) {
            return Field.absent();
        }
        var roles = given.orElse(List.of());
        var known = new ArrayList<String>(List.of("administrator", "manager", "member"));
        known.addAll(MANAGER_PERMISSIONS);
        var unknown = roles.stream().filter(role -> !known.contains(role)).toList();
        if (!unknown.isEmpty() || roles.isEmpty()) {
            fields.reject("access_roles", "must be administrator, manager or member (a manager may add "
                + String.join(", ", MANAGER_PERMISSIONS) + ")");
            return Field.absent();
        }
        if (roles.contains("administrator")) {
            return Field.of(Role.ADMIN);
        }
        if (roles.contains("manager") || roles.stream().anyMatch(MANAGER_PERMISSIONS::contains)) {
            return Field.of(Role.MANAGER);
        }
        return Field.of(Role.MEMBER);
    }

    private static boolean blank(String name, Field<String> firstName, Field<String> lastName, Field<String> email) {
        var value = switch (name) {
            case "first_name" -> firstName.orElse(null);
            case "last_name" -> lastName.orElse(null);
            default -> email.orElse(null);
        };
        return value == null || value.isBlank();
    }

    /**
     * Harvest's user, every field of the reference's, and the permission flags of Harvest's older
     * user object that clients still read ({@code is_admin}, {@code is_project_manager},
     * {@code can_see_rates}, {@code can_create_projects}, {@code can_create_invoices}).
     */
    record HtUser(long id, String firstName, String lastName, String email, String telephone, String timezone,
                  boolean hasAccessToAllFutureProjects, boolean isContractor, boolean isActive, int weeklyCapacity,
                  BigDecimal defaultHourlyRate, BigDecimal costRate, List<String> roles, List<String> accessRoles,
                  String avatarUrl, String createdAt, String updatedAt, boolean isAdmin, boolean isProjectManager,
                  boolean canSeeRates, boolean canCreateProjects, boolean canCreateInvoices) {

        private static final Set<Role> MANAGING = Set.of(Role.ADMIN, Role.MANAGER);

        /** The rates are null to a caller who may not see them ({@link Actor#seesRatesOf}, {@link Actor#seesCosts}). */
        static HtUser from(Actor actor, Member member) {
            return from(actor, member, AvatarUrls.ofRequest());
        }

        /** {@code avatars}: the request's, made once for a page of people. */
        static HtUser from(Actor actor, Member member, AvatarUrls avatars) {
            boolean rates = actor.seesRatesOf(member);
            var access = new ArrayList<String>();
            switch (member.role()) {
                case ADMIN -> access.add("administrator");
                case MANAGER -> {
                    access.add("manager");
                    access.addAll(MANAGER_PERMISSIONS);
                }
                case MEMBER -> access.add("member");
            }
            var employment = member.employment();
            var role = member.role();
            return new HtUser(member.id(), member.firstName(), member.lastName(), member.email(),
                employment.telephone(), member.timeZone().getId(), employment.joinsNewProjects(),
                employment.contractor(), !member.archived(), employment.weeklyCapacity(),
                rates ? HarvestJson.number(zeroIfNull(member.billingRate())) : null,
                actor.seesCosts() ? HarvestJson.number(zeroIfNull(member.costRate())) : null,
                employment.businessRoles(),
                List.copyOf(access), avatars.of(member.avatarKey()), Instants.iso(member.createdAt()), Instants.iso(member.updatedAt()),
                role == Role.ADMIN, MANAGING.contains(role), MANAGING.contains(role), MANAGING.contains(role),
                role == Role.ADMIN);
        }

        /** Harvest shows 0 for a rate never set (its create example: {@code default_hourly_rate: 0}). */
        private static BigDecimal zeroIfNull(BigDecimal rate) {
            return rate == null ? BigDecimal.ZERO : rate;
        }
    }
}
