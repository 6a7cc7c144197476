package io.timeledger.web.manage;

import io.timeledger.core.account.Member;
import io.timeledger.core.account.People;
import io.timeledger.core.account.Role;
import io.timeledger.core.approval.Approval;
import io.timeledger.core.approval.Approvals;
import io.timeledger.core.time.DurationText;
import io.timeledger.web.Forms;
import io.timeledger.web.Header;
import io.timeledger.web.Periods;
import io.timeledger.web.SignedIn;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team's weeks for those who approve them ({@code /manage/approvals}): each active person's
 * hours by day and where their week stands, with approve and reject (a note says what to change)
 * for a submitted week and reopen (administrators) for an approved one; and the other weeks still
 * waiting, oldest first.
 */
@Controller
class ApprovalsController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d", Locale.ENGLISH);

    private final SignedIn signedIn;
    private final Header header;
    private final Approvals approvals;
    private final People people;
    private final Clock clock;

    ApprovalsController(SignedIn signedIn, Header header, Approvals approvals, People people,
                        Clock clock) {
        this.signedIn = signedIn;
        this.header = header;
        this.approvals = approvals;
        this.people = people;
        this.clock = clock;
    }

    /** A person's line: their name, hours by day and in all, and their week's status. */
    record Line(long membershipId, String name, List<String> days, String total, String status, String note,
                boolean decide, boolean reopen) { }

    /** Another week waiting: whose, which. */
    record Waiting(String name, LocalDate start, String week) { }

    @GetMapping("/manage/approvals")
    String week(Principal principal, HttpSession session, @RequestParam(required = false) LocalDate date,
                Model model) {
        var place = signedIn.place(principal, session);
        var actor = place.actor();
        actor.requireManager();
        var day = date != null ? date : LocalDate.now(clock.withZone(actor.member().timeZone()));
        var team = approvals.team(actor, day);
        boolean admin = actor.role() == Role.ADMIN;
        var lines = new ArrayList<Line>();
        for (var person : team.people()) {
            var status = person.approval().status();
            lines.add(new Line(person.member().id(), person.member().shownName(),
                Arrays.stream(person.seconds()).mapToObj(s -> s == 0 ? "" : DurationText.format(s)).toList(),
                DurationText.format(person.total()), status.wire(), person.approval().note(),
                status == Approval.Status.SUBMITTED && (admin || person.member().id() != actor.membershipId()),
                status == Approval.Status.APPROVED && admin));
        }
        var names = new HashMap<Long, String>();
        team.people().forEach(p -> names.put(p.member().id(), p.member().shownName()));
        var waiting = approvals.waiting(actor).stream()
            .filter(a -> !a.periodStart().equals(team.start()))
            .map(a -> new Waiting(names.computeIfAbsent(a.membershipId(), id -> people.findMember(actor.account(), id)
                .map(Member::shownName).orElse("someone who has left")),
                a.periodStart(), Periods.day(a.periodStart())))
            .toList();
        header.show(model, place, "manage");
        model.addAttribute("start", team.start());
        model.addAttribute("weekTitle", "Week of " + Periods.day(team.start()));
        model.addAttribute("days", IntStream.range(0, 7)
            .mapToObj(i -> DAY.format(team.start().plusDays(i))).toList());
        model.addAttribute("lines", lines);
        model.addAttribute("waiting", waiting);
        model.addAttribute("previousWeek", team.start().minusWeeks(1));
        model.addAttribute("nextWeek", team.start().plusWeeks(1));
        return "manage/approvals";
    }

    @PostMapping("/manage/approvals/{membershipId}/{action:approve|reject|reopen}")
    String decide(Principal principal, HttpSession session, @PathVariable long membershipId,
                  @PathVariable String action, @RequestParam LocalDate date,
                  @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        var actor = signedIn.manager(principal, session);
        var name = people.member(actor.account(), membershipId).shownName();
        Forms.act(redirect, Map.of(), () -> switch (action) {
            case "approve" -> {
                approvals.approve(actor, membershipId, date, note);
                yield "Approved the week of " + name + ": its time is locked.";
            }
            case "reject" -> {
                approvals.reject(actor, membershipId, date, note);
                yield "Sent the week back to " + name + ".";
            }
            default -> {
                approvals.reopen(actor, membershipId, date);
                yield "Reopened the week of " + name + ": its time can change again.";
            }
        });
        return "redirect:/manage/approvals?date=" + date;
    }
}
