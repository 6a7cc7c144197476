package io.timeledger.bench;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * The import of a Toggl Track report of {@link #ROWS} rows through Manage → Import (upload, then the
 * page followed to the import's end; a new
 * account's worth: new people, clients, projects and tasks), beside its floor: PostgreSQL's
 * {@code COPY} of the same file into a scratch table of text columns. Three of each, alternating,
 * the median reported, with the server's peak resident memory during its imports. Each import goes
 * to a fresh client name, so that none is skipped as imported before.
 */
final class ImportBench {

    static final int ROWS = Integer.getInteger("bench.import.rows", 100_000);
    private static final int ROUNDS = 3;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern NOTICE = Pattern.compile("id=\"notice\">([^<]+)<");

    private ImportBench() {
    }

    private record Run(double seconds, String answer) { }

    static String run(HttpClient http, BenchServer server, String session) throws Exception {
        var viaHttp = new ArrayList<Run>();
        var floor = new ArrayList<Run>();
        var peakKb = new AtomicLong();
        for (int round = 0; round < ROUNDS; round++) {
            var report = report(round);
            try (var sampler = new RssSampler(server.process(), peakKb)) {
                viaHttp.add(upload(http, server.base(), session, report));
            }
            floor.add(copy(server.jdbcUrl(), report));
        }
        var http50 = median(viaHttp);
        var copy50 = median(floor);
        var table = String.format(Locale.ROOT, "| import of a Toggl report | rows | HTTP s | HTTP rows/s | COPY s | COPY rows/s"
            + " | ratio | peak RSS MB |%n|---|---:|---:|---:|---:|---:|---:|---:|%n| Manage → Import | %,d | %.1f | %,.0f"
            + " | %.2f | %,.0f | %.0f %% | %d |%n(answer: %s)%n", ROWS, http50.seconds(), ROWS / http50.seconds(),
            copy50.seconds(), ROWS / copy50.seconds(), 100 * copy50.seconds() / http50.seconds(), peakKb.get() / 1024,
            http50.answer());
        System.out.print(table);
        return table;
    }

    /** A report of {@link #ROWS} rows: 20 people, 50 clients of 4 projects each, 30 tasks, a year of days. */
    static String report(int round) {
        var csv = new StringBuilder(ROWS * 190);
        csv.append("User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,"
            + "Duration,Tags,Amount (USD)\n");
        for (int i = 0; i < ROWS; i++) {
            int person = i % 20;
            int day = 1 + i % 28;
            int hour = 8 + i % 9;
            csv.append("Person ").append(person).append(",person").append(person).append("@example.com,Client ")
                .append(round).append('-').append(i % 50).append(",Project ").append(i % 200).append(",Task ")
                .append(i % 30).append(",Imported work item ").append(i).append(",Yes,2025-")
                .append(String.format(Locale.ROOT, "%02d-%02d", 1 + i % 12, day)).append(',')
                .append(String.format(Locale.ROOT, "%02d:00:00", hour)).append(",2025-")
                .append(String.format(Locale.ROOT, "%02d-%02d", 1 + i % 12, day)).append(',')
                .append(String.format(Locale.ROOT, "%02d:30:00", hour)).append(",00:30:00,bench,60.00\n");
        }
        return csv.toString();
    }

    private static Run upload(HttpClient http, String base, String session, String report) throws Exception {
        var page = http.send(HttpRequest.newBuilder(URI.create(base + "/manage/import")).header("Cookie", session)
            .build(), HttpResponse.BodyHandlers.ofString()).body();
        var csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("the import page has no CSRF token");
        }
        var boundary = "----bench" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        for (var field : List.of(List.of("_csrf", csrf.group(1)), List.of("source", "toggl-csv"),
                List.of("time_zone", "UTC"))) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.get(0)
                + "\"\r\n\r\n" + field.get(1) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"toggl.csv\""
            + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(report.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        var answer = http.send(HttpRequest.newBuilder(URI.create(base + "/manage/import")).header("Cookie", session)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
            HttpResponse.BodyHandlers.ofString());
        // the import runs beside the page: follow it to its end, as the page does, polling ten times a second
        var job = answer.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
            "the import answered " + answer.statusCode() + ": " + answer.body()));
        var jobPage = URI.create(base).resolve(job);
        HttpResponse<String> ended;
        do {
            Thread.sleep(100);
            ended = http.send(HttpRequest.newBuilder(jobPage).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        } while (ended.statusCode() == 200 && ended.body().contains("id=\"import-progress\""));
        double seconds = (System.nanoTime() - t0) / 1e9;
        var result = ended;
        var notice = NOTICE.matcher(result.body());
        if (result.statusCode() != 200 || !notice.find() || !notice.group(1).startsWith("Imported " + ROWS)) {
            throw new IllegalStateException("the import ended " + result.statusCode() + ": "
                + (notice.find(0) ? notice.group(1) : result.body().substring(0, Math.min(300, result.body().length()))));
        }
        return new Run(seconds, notice.group(1));
    }

    private static Run copy(String jdbcUrl, String report) throws Exception {
        try (var db = DriverManager.getConnection(jdbcUrl)) {
            db.createStatement().execute("CREATE TEMP TABLE scratch (user_name text, email text, client text,"
                + " project text, task text, description text, billable text, start_date text, start_time text,"
                + " end_date text, end_time text, duration text, tags text, amount text)");
            long t0 = System.nanoTime();
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY scratch FROM STDIN WITH (FORMAT csv, HEADER)",
                new StringReader(report));
            return new Run((System.nanoTime() - t0) / 1e9, "copied");
        }
    }

    private static Run median(List<Run> runs) {
        return runs.stream().sorted(Comparator.comparingDouble(Run::seconds)).toList().get(runs.size() / 2);
    }
}
