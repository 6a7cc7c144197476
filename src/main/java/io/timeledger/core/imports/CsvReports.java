package io.timeledger.core.imports;

import io.timeledger.core.common.Worth;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the detailed time reports Harvest, Toggl Track and Clockify export as CSV into {@link
 * ImportedRow}s: columns found by their header (any order, any case, a currency in brackets
 * ignored), comma or semicolon separated, with or without a byte order mark. A row that cannot be
 * read is said with its line and why; the others are read all the same.
 */
final class CsvReports {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT);
    /** Times of day as the sources write them: 13:05:00, 13:05, 1:05:00 PM, 1:05 PM. */
    private static final List<DateTimeFormatter> TIMES = Stream.of("h:mm:ss a", "h:mm a", "H:mm:ss", "H:mm")
        .map(pattern -> new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
            .toFormatter(Locale.ENGLISH))
        .toList();
    private static final int MAX_NOTES = 10_000;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private CsvReports() {
    }

    static SourceRows read(ImportSource source, Reader input, ZoneId zone) {
        var rows = new ArrayList<ImportedRow>();
        var problems = new ArrayList<ImportReport.Problem>();
        try (var reader = new BufferedReader(input, 1 << 16)) {
            reader.mark(1 << 20);
            int first = reader.read();
            if (first != '\uFEFF') {
                reader.reset();
            }
            reader.mark(1 << 20);
            var head = reader.readLine();
            if (head == null) {
                problems.add(new ImportReport.Problem(1, "The file is empty"));
                return new SourceRows(rows, problems);
            }
            reader.reset();
            char delimiter = count(head, ';') > count(head, ',') ? ';' : ',';
            var format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
            var parser = format.parse(reader);
            var columns = new Columns(parser.getHeaderNames());
            var missing = columns.missing(required(source));
            if (!missing.isEmpty()) {
                problems.add(new ImportReport.Problem(1, "This is not " + source.product() + "'s detailed time report:"
                    + " it has no " + String.join(", ", missing) + " column" + (missing.size() > 1 ? "s" : "")));
                return new SourceRows(rows, problems);
            }
            var seen = new HashMap<String, Integer>();
            for (var record : parser) {
                long line = parser.getCurrentLineNumber();
                try {
                    var row = switch (source) {
                        case HARVEST_CSV -> harvest(columns, record, zone, line);
                        case TOGGL_CSV -> toggl(columns, record, zone, line);
                        case CLOCKIFY_CSV -> clockify(columns, record, zone, line);
                        case HARVEST_API -> throw new IllegalArgumentException("not a file: " + source);
                    };
                    var key = row.key();
                    int occurrence = seen.merge(key, 1, Integer::sum);
                    rows.add(occurrence == 1 ? row : withKey(row, key + "#" + occurrence));
                } catch (Unreadable e) {
                    problems.add(new ImportReport.Problem(line, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // commons-csv: an unbalanced quote, a duplicate header
            problems.add(new ImportReport.Problem(rows.size() + problems.size() + 2,
                "The file stops being CSV here: " + e.getMessage()));
        }
        return new SourceRows(rows, problems);
    }

    private static List<String> required(ImportSource source) {
        return switch (source) {
            case HARVEST_CSV -> List.of("Date", "Hours");
            case TOGGL_CSV -> List.of("Start date", "Duration");
            case CLOCKIFY_CSV -> List.of("Start Date", "Duration (h)");
            case HARVEST_API -> throw new IllegalArgumentException("not a file: " + source);
        };
    }

    private static ImportedRow harvest(Columns c, CSVRecord r, ZoneId zone, long line) {
        var day = date(c.get(r, "Date"), "Date");
        var hours = decimal(c.get(r, "Hours"), "Hours");
        if (hours == null || hours.signum() < 0) {
            throw new Unreadable("Hours must be a number of hours, such as 1.5");
        }
        long seconds = hours.multiply(BigDecimal.valueOf(3600)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        var name = join(c.get(r, "First Name"), c.get(r, "Last Name"));
        return row(line, day, seconds, null, null, null, name, c, r, "Client", "Project", "Task", "Notes",
            List.of(), yes(c.get(r, "Billable?")), decimal(c.get(r, "Billable Rate"), "Billable Rate"),
            decimal(c.get(r, "Cost Rate"), "Cost Rate"), yes(c.get(r, "Approved?")), yes(c.get(r, "Invoiced?")),
            ImportSource.HARVEST_CSV, c.get(r, "Project Code"));
    }

    private static ImportedRow toggl(Columns c, CSVRecord r, ZoneId zone, long line) {
        var day = date(c.get(r, "Start date"), "Start date");
        long seconds = duration(c.get(r, "Duration"), "Duration");
        var started = instant(day, c.get(r, "Start time"), zone, "Start time");
        var ended = end(c, r, day, zone, "End date", "End time");
        boolean billable = yes(c.get(r, "Billable"));
        var amount = decimal(c.get(r, "Amount"), "Amount");
        return row(line, day, seconds, started, ended, c.get(r, "Email"), c.get(r, "User"), c, r, "Client",
            "Project", "Task", "Description", tags(c.get(r, "Tags")), billable, rateOf(amount, seconds), null, false,
            false, ImportSource.TOGGL_CSV, null);
    }

    private static ImportedRow clockify(Columns c, CSVRecord r, ZoneId zone, long line) {
        var day = date(c.get(r, "Start Date"), "Start Date");
        long seconds = duration(c.get(r, "Duration (h)"), "Duration (h)");
        var started = instant(day, c.get(r, "Start Time"), zone, "Start Time");
        var ended = end(c, r, day, zone, "End Date", "End Time");
        var rate = decimal(c.get(r, "Billable Rate"), "Billable Rate");
        return row(line, day, seconds, started, ended, c.get(r, "Email"), c.get(r, "User"), c, r, "Client",
            "Project", "Task", "Description", tags(c.get(r, "Tags")), yes(c.get(r, "Billable")),
            rate == null ? rateOf(decimal(c.get(r, "Billable Amount"), "Billable Amount"), seconds) : rate, null,
            false, false, ImportSource.CLOCKIFY_CSV, null);
    }

    /** The end of a row that began on {@code day}: its own day (else the start's) at its time, if it has one. */
    private static Instant end(Columns c, CSVRecord r, LocalDate day, ZoneId zone, String dayColumn,
                               String timeColumn) {
        var endDay = c.get(r, dayColumn) == null ? day : date(c.get(r, dayColumn), dayColumn);
        return instant(endDay, c.get(r, timeColumn), zone, timeColumn);
    }

    private static ImportedRow row(long line, LocalDate day, long seconds, Instant started, Instant ended,
                                   String email, String name, Columns c, CSVRecord r, String clientColumn,
                                   String projectColumn, String taskColumn, String notesColumn, List<String> tags,
                                   boolean billable, BigDecimal rate, BigDecimal costRate, boolean approved,
                                   boolean invoiced, ImportSource source, String projectCode) {
        if (seconds > 24 * 3600 * 7) {
            throw new Unreadable("A row of more than a week's time (" + seconds / 3600 + " hours) is not a time entry");
        }
        if (rate != null && rate.signum() < 0 || costRate != null && costRate.signum() < 0) {
            throw new Unreadable("A rate must not be negative");
        }
        var notes = c.get(r, notesColumn);
        var description = notes == null ? "" : notes;
        for (var tag : tags) {
            description = (description + " #" + SPACES.matcher(tag).replaceAll("-")).strip();
        }
        if (description.length() > MAX_NOTES) {
            throw new Unreadable("The notes are too long (" + description.length() + " characters; at most "
                + MAX_NOTES + ")");
        }
        var client = c.get(r, clientColumn);
        var project = c.get(r, projectColumn);
        var task = c.get(r, taskColumn);
        var person = email != null ? email.toLowerCase(Locale.ROOT) : name;
        var key = digest(String.join("\u001f", source.wire(), day.toString(), String.valueOf(seconds),
            String.valueOf(started), String.valueOf(client), String.valueOf(project), String.valueOf(task),
            description, String.valueOf(person)));
        return new ImportedRow(line, day, seconds, started, ended, email == null ? null : email.strip(), name, client,
            project, projectCode, task, description, tags, billable, rate == null ? null : rate.setScale(2,
            RoundingMode.HALF_UP), costRate == null ? null : costRate.setScale(2, RoundingMode.HALF_UP), approved,
            invoiced, key);
    }

    private static ImportedRow withKey(ImportedRow row, String key) {
        return new ImportedRow(row.line(), row.day(), row.seconds(), row.startedAt(), row.endedAt(), row.personEmail(),
            row.personName(), row.client(), row.project(), row.projectCode(), row.task(), row.notes(), row.tags(),
            row.billable(), row.rate(), row.costRate(), row.approved(), row.invoiced(), key);
    }

    /** The rate an amount for {@code seconds} was priced at, to the cent; null without an amount. */
    private static BigDecimal rateOf(BigDecimal amount, long seconds) {
        if (amount == null || amount.signum() == 0 || seconds == 0) {
            return null;
        }
        return amount.divide(Worth.hours(seconds), 2, RoundingMode.HALF_UP);
    }

    private static LocalDate date(String text, String column) {
        if (text == null) {
            throw new Unreadable(column + " can't be blank");
        }
        try {
            return text.contains("/") ? LocalDate.parse(text, US_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Unreadable(column + " is not a date: \"" + shortened(text) + "\"");
        }
    }

    private static Instant instant(LocalDate day, String time, ZoneId zone, String column) {
        if (time == null) {
            return null;
        }
        // the way it is written is told by its shape, so that a row costs one parse, not failed ones
        var upper = time.toUpperCase(Locale.ROOT);
        boolean twelveHour = upper.endsWith("AM") || upper.endsWith("PM");
        boolean withSeconds = time.indexOf(':') != time.lastIndexOf(':');
        try {
            return LocalTime.parse(time, TIMES.get((twelveHour ? 0 : 2) + (withSeconds ? 0 : 1))).atDate(day)
                .atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new Unreadable(column + " is not a time of day: \"" + shortened(time) + "\"");
        }
    }

    /** "1:30:00", "01:30", or decimal hours ("1.5"). */
    private static long duration(String text, String column) {
        if (text == null) {
            throw new Unreadable(column + " can't be blank");
        }
        try {
            if (text.contains(":")) {
                var parts = text.split(":");
                long seconds = Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60
                    + (parts.length > 2 ? Long.parseLong(parts[2]) : 0);
                if (parts.length > 3 || seconds < 0) {
                    throw new NumberFormatException(text);
                }
                return seconds;
            }
            return new BigDecimal(text.replace(',', '.')).multiply(BigDecimal.valueOf(3600))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Unreadable(column + " is not a duration: \"" + shortened(text) + "\"");
        }
    }

    private static BigDecimal decimal(String text, String column) {
        if (text == null) {
            return null;
        }
        try {
            var plain = text.replace(" ", "");
            // "1,234.50" and "1234,50": a comma is a decimal point only when no point follows it
            plain = plain.contains(".") ? plain.replace(",", "") : plain.replace(',', '.');
            var value = new BigDecimal(plain);
            if (value.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0) {
                throw new NumberFormatException(text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new Unreadable(column + " is not a number: \"" + shortened(text) + "\"");
        }
    }

    private static boolean yes(String text) {
        return text != null && Arrays.asList("yes", "true", "1", "y").contains(text.toLowerCase(Locale.ROOT));
    }

    private static List<String> tags(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static String join(String first, String last) {
        var name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? null : name;
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(x -> x == c).count();
    }

    private static String digest(String text) {
        try {
            var sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row that cannot be read, and why. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** A report's columns by name: any case, a bracketed currency ("Amount (USD)") ignored. */
    private static final class Columns {
        private final Map<String, Integer> index = new HashMap<>();
        /** The index by the name as the code asks for it: each name normalised once, not once a cell. */
        private final Map<String, Integer> asked = new HashMap<>();

        Columns(List<String> headers) {
            for (int i = 0; i < headers.size(); i++) {
                index.putIfAbsent(normal(headers.get(i)), i);
            }
        }

        List<String> missing(List<String> names) {
            return names.stream().filter(n -> !index.containsKey(normal(n))).toList();
        }

        /** The cell's text, null when blank or absent; a formula's leading apostrophe is kept as text. */
        String get(CSVRecord record, String name) {
            var at = asked.computeIfAbsent(name, n -> index.getOrDefault(normal(n), -1));
            if (at < 0 || at >= record.size()) {
                return null;
            }
            var value = record.get(at);
            return value == null || value.isBlank() ? null : value.strip();
        }

        private static String normal(String header) {
            var name = header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            int bracket = name.indexOf(" (");
            // "amount (usd)" → "amount", but "duration (h)" stays: its bracket names a unit
            if (bracket > 0 && name.endsWith(")") && name.length() - bracket == 6) {
                name = name.substring(0, bracket);
            }
            return name;
        }
    }
}
