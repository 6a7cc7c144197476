package io.timeledger.web.timesheet;

import io.timeledger.core.catalog.CatalogNames;
import io.timeledger.core.time.DurationText;
import io.timeledger.core.time.Entry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A week as Harvest's week timesheet shows it: a row per project × task, a cell per day holding the
 * total of that day's entries of the row. A cell of none or one entry is edited as a duration
 * (typing into an empty cell makes the entry, changing a cell changes it, clearing it deletes it);
 * a cell of several entries, or of one that is locked or running, only links to its day.
 */
record WeekGrid(List<Row> rows, List<String> dayTotals, String total) {

    private static final Pattern CELL = Pattern.compile("cell:(\\d+:\\d+:\\d+):(\\d{4}-\\d{2}-\\d{2})");

    /**
     * A row's work: its project and task, and its client when it has no project (a project brings
     * its own); any of them absent (0 in a cell's name).
     */
    record Key(Long projectId, Long taskId, Long contactId) {

        /** "12:3:0" as the add-a-row form and the page's URL carry it. */
        static Key parse(String text) {
            var parts = text.split(":");
            if (parts.length != 3) {
                return null;
            }
            try {
                var project = id(Long.parseLong(parts[0]));
                return new Key(project, id(Long.parseLong(parts[1])), project == null ? id(Long.parseLong(parts[2])) : null);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        String text() {
            return (projectId == null ? 0 : projectId) + ":" + (taskId == null ? 0 : taskId) + ":"
                + (contactId == null ? 0 : contactId);
        }

        private static Long id(long value) {
            return value <= 0 ? null : value;
        }
    }

    /**
     * @param name     the form field of the cell, {@code cell:<project>:<task>:<date>}
     * @param editable whether it is typed into (else it links to its day)
     */
    record Cell(String name, LocalDate date, String value, boolean editable) { }

    /** {@code project}: the project's name, else the client's, else null. */
    record Row(Key key, String project, String task, List<Cell> cells, String total) { }

    /** A cell's field name read back: its row and day; null when it is no cell's. */
    record Posted(Key key, LocalDate date) {

        static Posted parse(String name) {
            var matcher = CELL.matcher(name);
            if (!matcher.matches()) {
                return null;
            }
            try {
                var key = Key.parse(matcher.group(1));
                return key == null ? null : new Posted(key, LocalDate.parse(matcher.group(2)));
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    static Key keyOf(Entry entry) {
        return new Key(entry.projectId(), entry.taskIds().isEmpty() ? null : entry.taskIds().get(0),
            entry.projectId() == null ? entry.contactId() : null);
    }

    /**
     * The week from {@code weekStart}: a row per work the entries hold, then the rows {@code added};
     * nothing typed into when the week is {@code locked} (approved).
     */
    static WeekGrid of(LocalDate weekStart, List<Entry> entries, List<Key> added, CatalogNames.Names names,
                       Instant now, boolean locked) {
        var byRow = new LinkedHashMap<Key, List<Entry>>();
        entries.stream()
            .sorted(Comparator.comparing((Entry e) -> name(names, keyOf(e))).thenComparingLong(Entry::id))
            .forEach(e -> byRow.computeIfAbsent(keyOf(e), key -> new ArrayList<>()).add(e));
        added.forEach(key -> byRow.putIfAbsent(key, new ArrayList<>()));
        var rows = new ArrayList<Row>();
        long[] perDay = new long[7];
        for (var row : byRow.entrySet()) {
            var cells = new ArrayList<Cell>();
            long rowSeconds = 0;
            for (int i = 0; i < 7; i++) {
                var day = weekStart.plusDays(i);
                var ofDay = row.getValue().stream().filter(e -> day.equals(e.spentOn())).toList();
                long seconds = ofDay.stream().mapToLong(e -> e.seconds(now)).sum();
                rowSeconds += seconds;
                perDay[i] += seconds;
                boolean editable = !locked && ofDay.isEmpty()
                    || !locked && ofDay.size() == 1 && !ofDay.get(0).running() && ofDay.get(0).lockedReason() == null
                        && ofDay.get(0).invoice() == null && !ofDay.get(0).closed();
                cells.add(new Cell("cell:" + row.getKey().text() + ":" + day, day,
                    ofDay.isEmpty() ? "" : DurationText.format(seconds), editable));
            }
            var key = row.getKey();
            rows.add(new Row(key, projectName(names, key), taskName(names, key), cells, DurationText.format(rowSeconds)));
        }
        var totals = new ArrayList<String>();
        long week = 0;
        for (long seconds : perDay) {
            totals.add(DurationText.format(seconds));
            week += seconds;
        }
        return new WeekGrid(rows, totals, DurationText.format(week));
    }

    /**
     * The grid's body rows as HTML, written here rather than by the template: its cells were most of
     * the elements Thymeleaf processed for the week page (docs/performance.md), as the pickers' options
     * were ({@link Choices}). Names are escaped; a cell that is not typed into links to its day.
     */
    public String body() {
        var html = new StringBuilder(256 + rows.size() * 1_600);
        for (var row : rows) {
            var heading = row.project() == null ? "No project" : row.project();
            html.append("<tr>\n<th scope=\"row\"><strong>").append(escape(heading)).append("</strong>");
            if (row.task() != null) {
                html.append(" <span>· ").append(escape(row.task())).append("</span>");
            }
            if (row.key().projectId() == null && row.key().contactId() != null) {
                html.append(" <span class=\"muted\">(no project)</span>");
            }
            html.append("</th>\n");
            for (var cell : row.cells()) {
                html.append("<td>");
                if (cell.editable()) {
                    html.append("<input type=\"text\" name=\"").append(cell.name()).append("\" value=\"")
                        .append(cell.value()).append("\" size=\"5\" inputmode=\"decimal\" aria-label=\"")
                        .append(escape(heading)).append(", ").append(cell.date()).append("\">")
                        .append("<input type=\"hidden\" name=\"was:").append(cell.name()).append("\" value=\"")
                        .append(cell.value()).append("\">");
                } else {
                    // relative to the page (/timesheet), whatever path the server is mounted under
                    html.append("<a href=\"?date=").append(cell.date())
                        .append("\" title=\"Several or locked entries: change them on their day\">")
                        .append(cell.value()).append("</a>");
                }
                html.append("</td>\n");
            }
            html.append("<td class=\"num\">").append(row.total()).append("</td>\n</tr>\n");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    private static String name(CatalogNames.Names names, Key key) {
        return Objects.requireNonNullElse(projectName(names, key), "") + " " + Objects.requireNonNullElse(taskName(names, key), "");
    }

    private static String projectName(CatalogNames.Names names, Key key) {
        return WorkNames.heading(names, key.projectId(), key.contactId());
    }

    private static String taskName(CatalogNames.Names names, Key key) {
        return WorkNames.task(names, key.taskId());
    }
}
