package io.timeledger.web;

import io.timeledger.auth.CalendarLinks;
import io.timeledger.core.account.Accounts;
import io.timeledger.core.time.TimeCalendar;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Clock;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A person's time in their calendar app: {@code /calendar/<secret>.ics}, the last year of their
 * logged time as iCalendar events, for any app that subscribes to a calendar by its address. The
 * link is made, replaced and stopped on the profile page ({@link CalendarLinks}).
 */
@Controller
class CalendarController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final CalendarLinks links;
    private final TimeCalendar calendar;
    private final Accounts accounts;
    private final SignedIn signedIn;
    private final Clock clock;

    CalendarController(CalendarLinks links, TimeCalendar calendar, Accounts accounts, SignedIn signedIn, Clock clock) {
        this.links = links;
        this.calendar = calendar;
        this.accounts = accounts;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    @GetMapping(CalendarLinks.PATH + "{secret}.ics")
    ResponseEntity<String> feed(@PathVariable String secret) {
        var owner = links.owner(secret).orElse(null);
        if (owner == null) {
            return ResponseEntity.status(404).contentType(MediaType.TEXT_PLAIN)
                .body("No such calendar: the link was stopped or replaced. Make a new one on your profile page.\n");
        }
        var account = accounts.get(owner.account());
        var entries = calendar.recent(owner.account(), owner.membershipId(), account.timeZone());
        var host = ServletUriComponentsBuilder.fromCurrentContextPath().build().getHost();
        return ResponseEntity.ok().contentType(CALENDAR)
            .cacheControl(CacheControl.noCache().cachePrivate())
            .body(ICalendar.of("Time in " + account.name(), host == null ? "timeledger" : host, entries,
                clock.instant()));
    }

    /** A new link (any earlier one stops working), shown once on the profile page. */
    @PostMapping("/profile/calendar")
    String make(Principal principal, HttpSession session, RedirectAttributes redirect) {
        var secret = links.make(signedIn.actor(principal, session));
        redirect.addFlashAttribute("calendarLink", ServletUriComponentsBuilder.fromCurrentContextPath()
            .path(CalendarLinks.PATH + secret + ".ics").toUriString());
        return "redirect:/profile#calendar";
    }

    @PostMapping("/profile/calendar/stop")
    String stop(Principal principal, HttpSession session, RedirectAttributes redirect) {
        links.revoke(signedIn.actor(principal, session));
        redirect.addFlashAttribute("notice", "Your calendar link was stopped; calendars that follow it get nothing more.");
        return "redirect:/profile";
    }
}
