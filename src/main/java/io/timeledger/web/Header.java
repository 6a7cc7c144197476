package io.timeledger.web;

import io.timeledger.core.account.Role;
import io.timeledger.web.timesheet.Timers;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the header of a signed-in page shows (layout.html's {@code bar}): the person, the accounts
 * they may switch between, the section they are in, the sections their role opens (Manage for
 * admins and managers), and the running timer, one click away from every page but the timesheet,
 * whose timer bar shows it in full.
 */
@Component
public class Header {

    private final Timers timers;

    Header(Timers timers) {
        this.timers = timers;
    }

    /** The header of a page in {@code section}, with the person's running timer. */
    public void show(Model model, SignedIn.Place place, String section) {
        showWithoutTimer(model, place, section);
        model.addAttribute("headerTimer", timers.current(place.actor()));
    }

    /** The header of the timesheet, whose own timer bar shows the timer. */
    public void showWithoutTimer(Model model, SignedIn.Place place, String section) {
        model.addAttribute("section", section);
        model.addAttribute("user", place.user());
        model.addAttribute("accounts", place.accounts());
        model.addAttribute("account", place.actor().tenant());
        model.addAttribute("manages", place.actor().managesCatalog());
        model.addAttribute("administers", place.actor().role() == Role.ADMIN);
        model.addAttribute("tracksExpenses", place.actor().tenant().preferences().expensesEnabled());
    }
}
