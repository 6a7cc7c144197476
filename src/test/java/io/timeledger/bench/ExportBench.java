package io.timeledger.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * The exports of every entry of the ledger (the reports page's "Entries: CSV, Excel", all time,
 * as the administrator), each beside its floor: PostgreSQL's own {@code COPY (…) TO STDOUT} of the
 * same rows as CSV, read by a client that discards them. Three of each, alternating, the median
 * reported, with the server's peak resident memory during its exports (its limit: 512 MB).
 */
final class ExportBench {

    private static final int ROUNDS = 3;

    /** The export's statement for account 1, everyone, all time: what EntryLineRepository reads. */
    static final String COPY = """
        COPY (SELECT e.id, e.spent_on, c.name AS client, p.name AS project,
                     (SELECT k.name FROM entry_task et JOIN task k ON k.account_id = et.account_id AND k.id = et.task_id
                       WHERE et.entry_id = e.id ORDER BY et.position LIMIT 1) AS task,
                     coalesce(nullif(trim(u.first_name || ' ' || u.last_name), ''), u.email) AS person,
                     e.description,
                     e.duration_s + CASE WHEN e.timer_started_at IS NULL THEN 0 ELSE CAST(greatest(0, floor(extract(
                         epoch FROM (now() - e.timer_started_at)))) AS bigint) END AS seconds,
                     e.billable, e.billing_rate, e.cost_rate, i.number AS invoice
                FROM entry e
                LEFT JOIN contact c ON c.account_id = e.account_id AND c.id = e.contact_id
                LEFT JOIN project p ON p.account_id = e.account_id AND p.id = e.project_id
                JOIN membership m ON m.account_id = e.account_id AND m.id = e.membership_id
                JOIN app_user u ON u.id = m.user_id
                LEFT JOIN invoice i ON i.account_id = e.account_id AND i.id = e.invoice_id
               WHERE e.account_id = 1 AND e.logged
               ORDER BY e.spent_on, e.id) TO STDOUT WITH (FORMAT csv, HEADER)""";

    /**
     * The archive's floor: its biggest file, the entries as JSON lines, as PostgreSQL writes them
     * with nothing around it (what {@code ArchivedTable.exportSql} reads, without the ZIP).
     */
    static final String COPY_JSON = """
        COPY (SELECT to_jsonb(e) - ARRAY['account_id', 'billing_cents', 'spent_month'] FROM entry e
               WHERE e.account_id = 1 ORDER BY e.id) TO STDOUT""";

    private ExportBench() {
    }

    /** One export: how long it took, and how many bytes (HTTP) or rows (COPY) it wrote. */
    private record Run(double seconds, long count) { }

    static String run(HttpClient http, BenchServer server, String session) throws Exception {
        var report = new StringBuilder("| export of every entry | rows | HTTP s | HTTP rows/s | MB sent | COPY s"
            + " | COPY rows/s | ratio | peak RSS MB |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var format : List.of("csv", "xlsx")) {
            var viaHttp = new ArrayList<Run>();
            var floor = new ArrayList<Run>();
            var peakKb = new AtomicLong();
            for (int round = 0; round < ROUNDS; round++) {
                try (var sampler = new RssSampler(server.process(), peakKb)) {
                    viaHttp.add(download(http, server.base() + "/reports/entries." + format + "?period=all_time",
                        session));
                }
                floor.add(copy(server.jdbcUrl()));
            }
            var http50 = median(viaHttp);
            var copy50 = median(floor);
            long rows = copy50.count();
            report.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %,.0f | %.1f | %,.0f | %.0f %% | %d |%n",
                format.toUpperCase(Locale.ROOT), rows, http50.seconds(), rows / http50.seconds(),
                http50.count() / 1e6, copy50.seconds(), rows / copy50.seconds(),
                100 * copy50.seconds() / http50.seconds(), peakKb.get() / 1024));
            System.out.print(report.substring(report.lastIndexOf("| " + format.toUpperCase(Locale.ROOT))));
        }
        report.append(archive(http, server, session));
        return report.toString();
    }

    /**
     * The whole account 1 as its archive (Manage → Import & export), beside COPY of its entries as
     * JSON lines: seconds, the archive's MB and MB/s, the server's peak memory.
     */
    private static String archive(HttpClient http, BenchServer server, String session) throws Exception {
        var viaHttp = new ArrayList<Run>();
        var floor = new ArrayList<Run>();
        var peakKb = new AtomicLong();
        for (int round = 0; round < ROUNDS; round++) {
            try (var sampler = new RssSampler(server.process(), peakKb)) {
                viaHttp.add(download(http, server.base() + "/manage/export/account.zip", session));
            }
            floor.add(copyBytes(server.jdbcUrl(), COPY_JSON));
        }
        var http50 = median(viaHttp);
        var copy50 = median(floor);
        var row = String.format(Locale.ROOT, "%n| export of the whole account | archive MB | s | archive MB/s"
                + " | COPY of its entries as JSON: MB | s | MB/s | ratio (time) | peak RSS MB |%n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|%n"
                + "| Manage → Import & export | %,.0f | %.1f | %.1f | %,.0f | %.1f | %.1f | %.0f %% | %d |%n",
            http50.count() / 1e6, http50.seconds(), http50.count() / 1e6 / http50.seconds(), copy50.count() / 1e6,
            copy50.seconds(), copy50.count() / 1e6 / copy50.seconds(), 100 * copy50.seconds() / http50.seconds(),
            peakKb.get() / 1024);
        System.out.print(row);
        return row;
    }

    /** COPY {@code sql} to a client that counts the bytes and discards them. */
    private static Run copyBytes(String jdbcUrl, String sql) throws Exception {
        try (var db = DriverManager.getConnection(jdbcUrl)) {
            var counted = new CountingSink();
            long t0 = System.nanoTime();
            db.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, counted);
            return new Run((System.nanoTime() - t0) / 1e9, counted.bytes);
        }
    }

    private static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    private static Run download(HttpClient http, String url, String session) throws Exception {
        long t0 = System.nanoTime();
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", session).build(),
            HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the export answered " + response.statusCode());
        }
        long bytes;
        try (InputStream body = response.body()) {
            bytes = body.transferTo(OutputStream.nullOutputStream());
        }
        return new Run((System.nanoTime() - t0) / 1e9, bytes);
    }

    private static Run copy(String jdbcUrl) throws Exception {
        try (var db = DriverManager.getConnection(jdbcUrl)) {
            long t0 = System.nanoTime();
            long rows = db.unwrap(PGConnection.class).getCopyAPI().copyOut(COPY, OutputStream.nullOutputStream());
            return new Run((System.nanoTime() - t0) / 1e9, rows);
        }
    }

    private static Run median(List<Run> runs) {
        return runs.stream().sorted(Comparator.comparingDouble(Run::seconds)).toList().get(runs.size() / 2);
    }
}
