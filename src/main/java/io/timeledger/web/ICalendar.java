package io.timeledger.web;

import io.timeledger.core.time.CalendarEntry;
import io.timeledger.core.time.DurationText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Time entries as an iCalendar document (RFC 5545): an entry with a start and an end is an event at
 * those times (UTC); one with a duration only is an event of its day, its hours in the title. Text
 * is escaped (§3.3.11) and lines folded at 75 octets (§3.1), never inside a character.
 */
final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
        .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd");

    private final StringBuilder out = new StringBuilder();

    private ICalendar() {
    }

    /** The calendar named {@code name} of {@code entries}; {@code host} makes their UIDs unique. */
    static String of(String name, String host, List<CalendarEntry> entries, Instant now) {
        var calendar = new ICalendar();
        calendar.line("BEGIN:VCALENDAR");
        calendar.line("VERSION:2.0");
        calendar.line("PRODID:-//Timeledger//Time entries//EN");
        calendar.line("CALSCALE:GREGORIAN");
        calendar.line("METHOD:PUBLISH");
        calendar.line("X-WR-CALNAME:" + text(name));
        // calendar apps that honour it look again every hour
        calendar.line("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        calendar.line("X-PUBLISHED-TTL:PT1H");
        for (var entry : entries) {
            calendar.line("BEGIN:VEVENT");
            calendar.line("UID:entry-" + entry.id() + "@" + host);
            calendar.line("DTSTAMP:" + UTC.format(entry.updatedAt() == null ? now : entry.updatedAt()));
            if (entry.startedAt() != null && entry.endedAt() != null && entry.endedAt().isAfter(entry.startedAt())) {
                calendar.line("DTSTART:" + UTC.format(entry.startedAt()));
                calendar.line("DTEND:" + UTC.format(entry.endedAt()));
            } else {
                calendar.line("DTSTART;VALUE=DATE:" + DAY.format(entry.day()));
                calendar.line("DTEND;VALUE=DATE:" + DAY.format(entry.day().plusDays(1)));
                calendar.line("TRANSP:TRANSPARENT");
            }
            calendar.line("SUMMARY:" + text(summary(entry)));
            if (entry.description() != null && !entry.description().isBlank()) {
                calendar.line("DESCRIPTION:" + text(entry.description()));
            }
            calendar.line("END:VEVENT");
        }
        calendar.line("END:VCALENDAR");
        return calendar.out.toString();
    }

    /** "1:30 Website (Acme): Wireframes": the time, what it was for, and the notes' first line. */
    static String summary(CalendarEntry entry) {
        var summary = new StringBuilder(DurationText.format(entry.seconds()));
        if (entry.project() != null) {
            summary.append(' ').append(entry.project());
            if (entry.client() != null) {
                summary.append(" (").append(entry.client()).append(')');
            }
        } else if (entry.client() != null) {
            summary.append(' ').append(entry.client());
        }
        var notes = entry.description() == null ? "" : entry.description().strip().lines().findFirst().orElse("");
        if (!notes.isEmpty()) {
            summary.append(entry.project() == null && entry.client() == null ? " " : ": ").append(notes);
        }
        return summary.toString();
    }

    /** TEXT as RFC 5545 writes it: backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
            .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Writes a content line, folded into lines of at most 75 octets, each continuation begun with a space. */
    private void line(String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
