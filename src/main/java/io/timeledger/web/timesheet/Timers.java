package io.timeledger.web.timesheet;

import io.timeledger.core.account.Actor;
import io.timeledger.core.catalog.CatalogNames;
import io.timeledger.core.time.Docks;
import io.timeledger.core.time.DurationText;
import io.timeledger.core.time.Entry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The timer a person's pages show: the entry in their dock (running or paused), else a timer
 * another app started on a day (Harvest's, Expensicat's), else none.
 */
@Component
public class Timers {

    /**
     * @param work    "Project · Task", or the client, or empty
     * @param docked  whether it is the dock's (paused and logged through the dock) or a day's
     * @param version the dock's version the page names when it changes it
     * @param since   for a running timer, the epoch second its time counts from; else 0
     */
    public record Timer(long entryId, String description, String work, long seconds, boolean running,
                        boolean docked, long version, long since) {

        public String elapsed() {
            return DurationText.format(seconds);
        }
    }

    private final Docks docks;
    private final CatalogNames catalogNames;
    private final Clock clock;

    Timers(Docks docks, CatalogNames catalogNames, Clock clock) {
        this.docks = docks;
        this.catalogNames = catalogNames;
        this.clock = clock;
    }

    /** The person's timer now; null when none runs nor waits in the dock. */
    public Timer current(Actor actor) {
        var timers = docks.timers(actor);
        var dock = timers.dock();
        Entry entry = dock.empty() ? timers.runningLogged() : dock.entry();
        if (entry == null) {
            return null;
        }
        var names = catalogNames.of(actor.account(), ids(entry.contactId()), ids(entry.projectId()),
            Set.copyOf(entry.taskIds()));
        var now = clock.instant();
        long since = entry.running() ? now.getEpochSecond() - entry.seconds(now) : 0;
        return new Timer(entry.id(), entry.description(), work(entry, names), entry.seconds(now), entry.running(),
            !dock.empty(), dock.versionNumber(), since);
    }

    /** "Project · Task", or the client, or nothing. */
    private static String work(Entry entry, CatalogNames.Names names) {
        var parts = new ArrayList<String>();
        var heading = WorkNames.heading(names, entry.projectId(), entry.contactId());
        if (heading != null) {
            parts.add(heading);
        }
        for (var task : entry.taskIds()) {
            var name = WorkNames.task(names, task);
            if (name != null) {
                parts.add(name);
            }
        }
        return String.join(" · ", parts);
    }

    private static Set<Long> ids(Long id) {
        return id == null ? Set.of() : Set.of(id);
    }
}
