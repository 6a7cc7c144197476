package io.timeledger.web.timesheet;

import io.timeledger.core.account.Actor;
import io.timeledger.core.account.Member;
import io.timeledger.core.account.People;
import io.timeledger.core.account.Role;
import io.timeledger.core.approval.Approval;
import io.timeledger.core.approval.Approvals;
import io.timeledger.core.catalog.BudgetType;
import io.timeledger.core.catalog.CatalogNames;
import io.timeledger.core.catalog.Project;
import io.timeledger.core.catalog.Projects;
import io.timeledger.core.catalog.Tasks;
import io.timeledger.core.common.Conflict;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Forbidden;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.Locked;
import io.timeledger.core.time.DockChanges;
import io.timeledger.core.time.Docks;
import io.timeledger.core.time.DurationText;
import io.timeledger.core.time.Entries;
import io.timeledger.core.time.Entry;
import io.timeledger.core.time.EntryChanges;
import io.timeledger.core.time.EntryQuery;
import io.timeledger.core.time.TimeOfDay;
import io.timeledger.web.Forms;
import io.timeledger.web.Header;
import io.timeledger.web.Periods;
import io.timeledger.web.SignedIn;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The timesheet: the timer bar, the week's days with their totals, and one day's entries to add,
 * change, restart and delete. Every action is a plain form post that answers with a redirect back
 * to the day (so it works without JavaScript) and calls the services the four APIs call: the
 * timer is the person's dock, the same one MinuteDock's clients see.
 */
@Controller
class TimesheetController {

    private static final DateTimeFormatter DAY_TITLE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);

    private final SignedIn signedIn;
    private final Entries entries;
    private final Docks docks;
    private final Projects projects;
    private final Tasks tasks;
    private final CatalogNames catalogNames;
    private final Timers timers;
    private final Header header;
    private final Approvals approvals;
    private final People people;
    private final Clock clock;

    TimesheetController(SignedIn signedIn, Entries entries, Docks docks, Projects projects, Tasks tasks,
                        CatalogNames catalogNames, Timers timers, Header header, Approvals approvals, People people,
                        Clock clock) {
        this.signedIn = signedIn;
        this.entries = entries;
        this.docks = docks;
        this.projects = projects;
        this.tasks = tasks;
        this.catalogNames = catalogNames;
        this.timers = timers;
        this.header = header;
        this.approvals = approvals;
        this.people = people;
        this.clock = clock;
    }

    /** @param overBudget what the entry's project spent past its budget ("45.50 of 40.00 hours"); null when not over */
    record Row(long id, String description, String project, String task, Long projectId, Long taskId,
               String duration, boolean running, String locked, String overBudget) { }

    record Day(LocalDate date, String name, String label, String total, boolean selected, boolean today) { }

    /**
     * The day or the week of the signed-in person — or, for a manager or an administrator, of anyone
     * in the account ({@code /timesheet/people/{person}}, reached from Manage → Approvals): a manager
     * looks at it; an administrator changes it too, as the APIs let administrators track time for
     * anyone (the running timer stays its owner's own).
     */
    @GetMapping({"/timesheet", "/timesheet/people/{person}"})
    String day(Principal principal, HttpSession session, @RequestParam(required = false) LocalDate date,
               @RequestParam(required = false) String view, @RequestParam(name = "row", required = false)
               List<String> addedRows, @RequestParam(required = false) Long edit,
               @PathVariable(required = false) Long person, Model model) {
        var place = signedIn.place(principal, session);
        var actor = place.actor();
        long whose = whose(actor, person);
        boolean other = whose != actor.membershipId();
        Member viewed = null;
        if (other) {
            if (actor.seesOnlyOwnTime()) {
                throw new Forbidden("Only managers and administrators see others' time");
            }
            viewed = people.member(actor.account(), whose);
        }
        var zone = actor.member().timeZone();
        var today = LocalDate.now(clock.withZone(zone));
        var day = date == null ? today : date;
        var weekStart = day.with(TemporalAdjusters.previousOrSame(actor.tenant().weekStart()));
        var week = entries.search(actor, EntryQuery.upTo(EntryQuery.MAX_LIMIT).from(weekStart).to(weekStart.plusDays(6))
            .memberships(List.of(whose)));
        var names = catalogNames.of(actor.account(), ids(week, Entry::contactId), ids(week, Entry::projectId),
            week.stream().flatMap(e -> e.taskIds().stream()).collect(Collectors.toSet()));
        var now = clock.instant();

        var days = new ArrayList<Day>();
        long weekSeconds = 0;
        for (int i = 0; i < 7; i++) {
            var date1 = weekStart.plusDays(i);
            long seconds = week.stream().filter(e -> date1.equals(e.spentOn())).mapToLong(e -> e.seconds(now)).sum();
            weekSeconds += seconds;
            days.add(new Day(date1, date1.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                Periods.dayInYear(date1), DurationText.format(seconds), date1.equals(day), date1.equals(today)));
        }
        var liveProjects = projects.active(actor.account());
        var overBudget = overBudget(actor, liveProjects, week.stream().filter(e -> day.equals(e.spentOn())).toList());
        var rows = week.stream()
            .filter(e -> day.equals(e.spentOn()))
            .sorted(Comparator.comparing(Entry::createdAt).thenComparingLong(Entry::id))
            .map(e -> row(e, names, now, overBudget))
            .toList();

        header.showWithoutTimer(model, place, "timesheet");
        model.addAttribute("timestamps", actor.tenant().preferences().timestampTimers());
        model.addAttribute("timer", timers.current(actor));
        model.addAttribute("day", day);
        model.addAttribute("dayTitle", DAY_TITLE.format(day));
        model.addAttribute("isToday", day.equals(today));
        model.addAttribute("days", days);
        model.addAttribute("weekTotal", DurationText.format(weekSeconds));
        model.addAttribute("dayTotal", DurationText.format(rows.isEmpty() ? 0
            : week.stream().filter(e -> day.equals(e.spentOn())).mapToLong(e -> e.seconds(now)).sum()));
        model.addAttribute("previousWeek", day.minusWeeks(1));
        model.addAttribute("nextWeek", day.plusWeeks(1));
        model.addAttribute("today", today);
        model.addAttribute("rows", rows);
        // an administrator changes another's time; a manager only looks at it, shown as a locked sheet
        boolean onlyLooking = other && actor.role() != Role.ADMIN;
        model.addAttribute("editing", onlyLooking ? null : edit);
        model.addAttribute("base", base(other ? whose : null));
        model.addAttribute("viewed", viewed);
        model.addAttribute("person", other ? whose : null);
        // managers and administrators pick whose sheet to open; the active people, the viewer first
        var team = actor.seesOnlyOwnTime() ? null : signedIn.teammates(actor);
        model.addAttribute("teammates", team == null ? null : team.stream()
            .sorted(Comparator.comparing((Member m) -> m.id() != actor.membershipId())
                .thenComparing(Member::shownName, String.CASE_INSENSITIVE_ORDER))
            .map(m -> new Choices.Choice(m.id(), m.id() == actor.membershipId() ? "You" : m.shownName()))
            .toList());
        model.addAttribute("whose", whose);
        model.addAttribute("onlyLooking", onlyLooking);
        var approval = approvals.of(actor, whose, weekStart);
        boolean weekLocked = onlyLooking || approval.status() == Approval.Status.APPROVED;
        model.addAttribute("weekLocked", weekLocked);
        boolean weekView = "week".equals(view);
        model.addAttribute("weekView", weekView);
        if (weekView) {
            var added = addedRows == null ? List.<WeekGrid.Key>of() : addedRows.stream().map(WeekGrid.Key::parse)
                .filter(Objects::nonNull).toList();
            var addedNames = catalogNames.of(actor.account(),
                added.stream().map(WeekGrid.Key::contactId).filter(Objects::nonNull).toList(),
                added.stream().map(WeekGrid.Key::projectId).filter(Objects::nonNull).toList(),
                added.stream().map(WeekGrid.Key::taskId).filter(Objects::nonNull).toList());
            addedNames.contacts().forEach(names.contacts()::putIfAbsent);
            addedNames.projects().forEach(names.projects()::putIfAbsent);
            addedNames.tasks().forEach(names.tasks()::putIfAbsent);
            model.addAttribute("grid", WeekGrid.of(weekStart, week, added, names, now, weekLocked));
            model.addAttribute("addedRows", added.stream().map(WeekGrid.Key::text).toList());
        }
        // someone alone in their account has no one to submit a week to: no prompt to (a freelancer's sheet)
        boolean alone = team != null && team.size() <= 1;
        var bar = approvalBar(actor, approval, weekSeconds > 0 && !alone);
        model.addAttribute("approval", other ? bar.withoutActions() : bar);
        model.addAttribute("choices", new Choices(
            liveProjects.stream()
                .map(p -> new Choices.Choice(p.id(), p.details().name())).toList(),
            tasks.active(actor.account()).stream().map(t -> new Choices.Choice(t.id(), t.name())).toList()));
        return "timesheet";
    }

    /** The person picker's answer: that person's sheet (or one's own) on the same day and view. */
    @GetMapping("/timesheet/people")
    String pick(Principal principal, HttpSession session, @RequestParam long person,
                @RequestParam(required = false) LocalDate date, @RequestParam(defaultValue = "") String view) {
        var actor = signedIn.actor(principal, session);
        var url = UriComponentsBuilder.fromPath(base(person == actor.membershipId() ? null : person));
        if (date != null) {
            url.queryParam("date", date);
        }
        if (view.equals("week")) {
            url.queryParam("view", "week");
        }
        return "redirect:" + url.toUriString();
    }

    /**
     * Where the week stands, in words, and what the person may do about it: submit it (when it
     * has time and is open or was sent back), or withdraw it while it waits.
     */
    record ApprovalBar(String status, String words, String note, boolean submit, boolean withdraw) {

        /** The bar as another's week shows it: where it stands, nothing to do from here. */
        ApprovalBar withoutActions() {
            return new ApprovalBar(status, words, note, false, false);
        }
    }

    /** The week's approval as the page shows it; an open week is offered for submission only when {@code offered}. */
    private ApprovalBar approvalBar(Actor actor, Approval approval, boolean offered) {
        var by = approval.decidedBy() == null ? null : people.findMember(actor.account(), approval.decidedBy())
            .map(Member::shownName).orElse("someone who has left");
        var on = approval.decidedAt() == null ? null
            : Periods.dayInYear(approval.decidedAt().atZone(actor.member().timeZone()));
        return switch (approval.status()) {
            case OPEN -> new ApprovalBar("open", offered ? "This week has not been submitted for approval." : null,
                null, offered, false);
            case SUBMITTED -> new ApprovalBar("submitted", "Submitted for approval — waiting for a manager.", null,
                false, true);
            case APPROVED -> new ApprovalBar("approved", "Approved by " + by + " on " + on
                + ": this week's time is locked.", approval.note(), false, false);
            case REJECTED -> new ApprovalBar("rejected", "Sent back by " + by + " on " + on + ":", approval.note(),
                true, false);
        };
    }

    @PostMapping("/timesheet/approval/{action:submit|withdraw}")
    String approval(Principal principal, HttpSession session, @PathVariable String action,
                    @RequestParam LocalDate date, @RequestParam(defaultValue = "") String view,
                    RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        act(redirect, date, null, () -> {
            if ("submit".equals(action)) {
                approvals.submit(actor, date);
                return "The week is submitted for approval.";
            }
            approvals.withdraw(actor, date);
            return "The week is withdrawn: change it and submit it again.";
        });
        return "week".equals(view) ? "redirect:/timesheet?view=week&date=" + date : "redirect:/timesheet?date=" + date;
    }

    // --- the timer

    @PostMapping("/timesheet/timer/start")
    String start(Principal principal, HttpSession session, @RequestParam(defaultValue = "") String description,
                 @RequestParam(name = "project_id", required = false) Long projectId,
                 @RequestParam(name = "task_id", required = false) Long taskId,
                 @RequestParam(required = false) LocalDate date, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, date, null, () -> {
            entries.create(actor, work(description, projectId, taskId));
            return "The timer is running.";
        });
    }

    /** Pauses, resumes or logs the docked entry, naming the dock version the page showed. */
    @PostMapping("/timesheet/timer/{action}")
    String timer(Principal principal, HttpSession session, @PathVariable String action,
                 @RequestParam(required = false) Long version, @RequestParam(required = false) LocalDate date,
                 RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, date, null, () -> {
            var change = switch (action) {
                case "pause" -> new DockChanges(EntryChanges.NONE, Field.of(false), Field.absent(), version, null, "web");
                case "resume" -> new DockChanges(EntryChanges.NONE, Field.of(true), Field.absent(), version, null, "web");
                case "stop" -> new DockChanges(EntryChanges.NONE, Field.absent(), Field.of(true), version, null, "web");
                default -> throw new Invalid("action", "must be pause, resume or stop");
            };
            docks.update(actor, change);
            return switch (action) {
                case "pause" -> "The timer is paused.";
                case "resume" -> "The timer is running again.";
                default -> "The time is logged for today.";
            };
        });
    }

    /** Stops a timer another app started on a day (Harvest's, Expensicat's): it keeps its day. */
    @PostMapping("/timesheet/entries/{id}/stop")
    String stopEntry(Principal principal, HttpSession session, @PathVariable long id,
                     @RequestParam(required = false) LocalDate date, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, date, null, () -> {
            entries.stop(actor, id);
            return "The timer is stopped.";
        });
    }

    // --- entries

    /**
     * Adds time to a day: a duration, or (where the account tracks start and end times, Harvest's
     * {@code wants_timestamp_timers}) a start and an end in the person's time zone.
     */
    @PostMapping("/timesheet/entries")
    String add(Principal principal, HttpSession session, @RequestParam LocalDate date,
               @RequestParam(defaultValue = "") String duration, @RequestParam(defaultValue = "") String description,
               @RequestParam(defaultValue = "") String started, @RequestParam(defaultValue = "") String ended,
               @RequestParam(name = "project_id", required = false) Long projectId,
               @RequestParam(name = "task_id", required = false) Long taskId,
               @RequestParam(required = false) Long person, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, date, person, () -> {
            var changes = work(description, projectId, taskId).date(Field.of(date)).membershipId(Field.of(person));
            if (!started.isBlank() || !ended.isBlank()) {
                var zone = person == null ? actor.member().timeZone()
                    : people.member(actor.account(), person).timeZone();
                changes = changes.startedAt(Field.of(TimeOfDay.on(date, "started_time", started, zone)))
                    .endedAt(Field.of(TimeOfDay.on(date, "ended_time", ended, zone)));
            } else {
                changes = changes.duration(Field.of(DurationText.parse("duration", duration)));
            }
            var made = entries.create(actor, changes).entry();
            return "Added " + DurationText.format(made.durationSeconds()) + ".";
        });
    }

    @PostMapping("/timesheet/entries/{id}")
    String change(Principal principal, HttpSession session, @PathVariable long id, @RequestParam LocalDate date,
                  @RequestParam(defaultValue = "") String duration, @RequestParam(defaultValue = "") String description,
                  @RequestParam(name = "project_id", required = false) Long projectId,
                  @RequestParam(name = "task_id", required = false) Long taskId,
                  @RequestParam(required = false) Long person, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, date, person, () -> {
            entries.update(actor, id, work(description, projectId, taskId)
                .duration(Field.of(DurationText.parse("duration", duration))));
            return "Saved.";
        });
    }

    /** Deletes the entry and offers to put it back (the undo re-creates it from the fields kept here). */
    @PostMapping("/timesheet/entries/{id}/delete")
    String delete(Principal principal, HttpSession session, @PathVariable long id,
                  @RequestParam(required = false) LocalDate date, @RequestParam(required = false) Long person,
                  RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, date, person, () -> {
            var deleted = entries.delete(actor, id);
            redirect.addFlashAttribute("undo", new Undo(deleted.spentOn(), DurationText.format(deleted.seconds(
                clock.instant())), deleted.description(), deleted.projectId(),
                deleted.taskIds().isEmpty() ? null : deleted.taskIds().get(0)));
            return "Deleted “" + (deleted.description().isBlank() ? DurationText.format(deleted.durationSeconds())
                : deleted.description()) + "”.";
        });
    }

    /** What an undo puts back. */
    record Undo(LocalDate date, String duration, String description, Long projectId, Long taskId)
        implements Serializable { }

    /** Restarts the entry as the running timer (MinuteDock's redock): what the dock held is logged first. */
    @PostMapping("/timesheet/entries/{id}/restart")
    String restart(Principal principal, HttpSession session, @PathVariable long id,
                   @RequestParam(required = false) LocalDate date, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, date, null, () -> {
            entries.redock(actor, id);
            return "The timer is running on it again.";
        });
    }

    /**
     * Saves the week grid's changed cells: typed into an empty cell, a new entry of the row's work on
     * that day; a cell of one entry changed, that entry's time; cleared, the entry deleted. Each cell
     * is its own change (a refused one leaves the others saved and is named).
     */
    @PostMapping("/timesheet/week")
    String saveWeek(Principal principal, HttpSession session, @RequestParam LocalDate date,
                    @RequestParam(required = false) Long person, @RequestParam java.util.Map<String, String> form,
                    RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        var weekStart = date.with(TemporalAdjusters.previousOrSame(actor.tenant().weekStart()));
        var week = entries.search(actor, EntryQuery.upTo(EntryQuery.MAX_LIMIT).from(weekStart).to(weekStart.plusDays(6))
            .memberships(List.of(whose(actor, person))));
        var problems = new ArrayList<String>();
        int saved = 0;
        for (var field : form.entrySet()) {
            var cell = WeekGrid.Posted.parse(field.getKey());
            var typed = field.getValue().strip();
            if (cell == null || typed.equals(form.getOrDefault("was:" + field.getKey(), "").strip())) {
                continue;
            }
            var inCell = week.stream().filter(e -> cell.date().equals(e.spentOn()) && WeekGrid.keyOf(e).equals(cell.key()))
                .toList();
            try {
                if (inCell.size() > 1) {
                    throw new Invalid("base", "a day with several entries is changed on its own page");
                }
                if (inCell.isEmpty()) {
                    entries.create(actor, work("", cell.key().projectId(), cell.key().taskId())
                        .contactId(Field.of(cell.key().contactId())).date(Field.of(cell.date()))
                        .membershipId(Field.of(person))
                        .duration(Field.of(DurationText.parse("duration", typed))));
                } else if (typed.isEmpty()) {
                    entries.delete(actor, inCell.get(0).id());
                } else {
                    entries.update(actor, inCell.get(0).id(), EntryChanges.NONE
                        .duration(Field.of(DurationText.parse("duration", typed))));
                }
                saved++;
            } catch (Invalid | Locked e) {
                problems.add(cell.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + ": "
                    + (e instanceof Invalid invalid ? invalid.violations().get(0).message() : e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problem", "Not saved — " + String.join("; ", problems) + ".");
        }
        redirect.addFlashAttribute("notice", saved == 0 ? "Nothing changed." : saved == 1 ? "Saved one day."
            : "Saved " + saved + " days.");
        return "redirect:" + base(person) + "?view=week&date=" + date;
    }

    /** Adds an empty row of this work to the week grid (it stays as long as the page's URL names it). */
    @PostMapping("/timesheet/week/rows")
    String addRow(@RequestParam LocalDate date, @RequestParam(name = "project_id", required = false) Long projectId,
                  @RequestParam(name = "task_id", required = false) Long taskId,
                  @RequestParam(name = "row", required = false) List<String> rows,
                  @RequestParam(required = false) Long person) {
        return weekWith(person, date, rows, List.of(new WeekGrid.Key(projectId, taskId, null)));
    }

    /** Adds the rows of last week's work, empty, as Harvest's "copy rows from last week" does. */
    @PostMapping("/timesheet/week/copy")
    String copyLastWeek(Principal principal, HttpSession session, @RequestParam LocalDate date,
                        @RequestParam(name = "row", required = false) List<String> rows,
                        @RequestParam(required = false) Long person) {
        var actor = signedIn.actor(principal, session);
        var weekStart = date.with(TemporalAdjusters.previousOrSame(actor.tenant().weekStart()));
        var lastWeek = entries.search(actor, EntryQuery.upTo(EntryQuery.MAX_LIMIT).from(weekStart.minusWeeks(1))
            .to(weekStart.minusDays(1)).memberships(List.of(whose(actor, person))));
        return weekWith(person, date, rows, lastWeek.stream().map(WeekGrid::keyOf).distinct().toList());
    }

    /** Whose time a page or a form is about: {@code person}'s, or without one the actor's own. */
    private static long whose(Actor actor, Long person) {
        return person == null ? actor.membershipId() : person;
    }

    /** The timesheet's address: the signed-in person's, or another's ({@code person}). */
    private static String base(Long person) {
        return person == null ? "/timesheet" : "/timesheet/people/" + person;
    }

    private static String weekWith(Long person, LocalDate date, List<String> rows, List<WeekGrid.Key> more) {
        var url = UriComponentsBuilder.fromPath(base(person))
            .queryParam("view", "week").queryParam("date", date);
        var all = new java.util.LinkedHashSet<String>(rows == null ? List.of() : rows);
        more.forEach(key -> all.add(key.text()));
        all.forEach(row -> url.queryParam("row", row));
        return "redirect:" + url.toUriString();
    }

    @PostMapping("/account")
    String chooseAccount(Principal principal, HttpSession session, @RequestParam(name = "account_id") long accountId) {
        signedIn.choose(principal, session, accountId);
        return "redirect:/timesheet";
    }

    /**
     * Runs an action and goes back to the day: its sentence as a notice, or what refused it — a
     * rule's words, a lock's reason, or a change made meanwhile on another device — as a problem.
     */
    private static String act(RedirectAttributes redirect, LocalDate date, Long person, Supplier<String> action) {
        try {
            Forms.act(redirect, Map.of(), action);
        } catch (Locked e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", "The timer was changed on another device meanwhile; "
                + "this is how it stands now.");
        }
        return "redirect:" + base(person) + (date == null ? "" : "?date=" + date);
    }

    private static EntryChanges work(String description, Long projectId, Long taskId) {
        return EntryChanges.NONE.description(Field.of(description.strip()))
            .projectId(Field.of(projectId))
            .taskIds(Field.of(taskId == null ? List.of() : List.of(taskId)));
    }

    /**
     * The projects of {@code shown} that are past their budgets, and by how much: their progress is
     * read for the budgeted projects on the page only (each sums its own time).
     */
    private Map<Long, String> overBudget(Actor actor, List<Project> live, List<Entry> shown) {
        var onPage = shown.stream().map(Entry::projectId).filter(Objects::nonNull).collect(Collectors.toSet());
        return live.stream()
            .filter(p -> onPage.contains(p.id()) && p.details().budget().tracked())
            .map(p -> projects.get(actor.account(), p.id()))
            .filter(Project::overBudget)
            .collect(Collectors.toMap(Project::id, p -> overBudget(p, actor.tenant().currency())));
    }

    /** How far past its budget a project is, for the flag on its entries. */
    private static String overBudget(Project project, String currency) {
        var budget = project.details().budget();
        return project.budgetProgress().toPlainString() + " of " + budget.target().toPlainString()
            + (budget.type() == BudgetType.HOURS ? " hours" : " " + currency) + " this budget period";
    }

    private static Row row(Entry entry, CatalogNames.Names names, java.time.Instant now, Map<Long, String> overBudget) {
        var task = entry.taskIds().isEmpty() ? null : entry.taskIds().get(0);
        var locked = entry.invoice() != null ? "On invoice " + entry.invoice().number()
            : entry.lockedReason() != null ? entry.lockedReason() : entry.closed() ? "Approved" : null;
        return new Row(entry.id(), entry.description(), WorkNames.heading(names, entry.projectId(), entry.contactId()),
            WorkNames.task(names, task), entry.projectId(), task, DurationText.format(entry.seconds(now)),
            entry.running(), locked, entry.projectId() == null ? null : overBudget.get(entry.projectId()));
    }

    private static java.util.Set<Long> ids(List<Entry> entries, java.util.function.Function<Entry, Long> id) {
        return entries.stream().map(id).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
