package io.timeledger.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The load benchmark: the server as its own process (java -jar, embedded PostgreSQL), a ledger
 * of N entries, then each hot path at 1, 8 and 32 concurrent clients over HTTP, beside the same
 * work as plain SQL over JDBC against the same PostgreSQL (the floor). Also the server's start
 * time and its resident memory under the 32-client load. Run with {@code bench/load.sh [N]}.
 */
public final class LoadBench {

    private static final Duration CELL = Duration.ofSeconds(Integer.getInteger("bench.seconds", 4));
    /** The cell of an operation whose request takes seconds at 32 clients ({@link #operations}). */
    private static final Duration SLOW_CELL = CELL.multipliedBy(6);
    private static final int[] CLIENTS = {1, 8, 32};
    private static final Pattern COMPILATION = Pattern.compile("(?m)^jvm_compilation_time_ms_total\\{[^}]*} (\\S+)$");
    private static final java.util.concurrent.atomic.AtomicReference<String> FIRST_ERROR =
        new java.util.concurrent.atomic.AtomicReference<>();

    /** The Monday of the administrator's full week (written by {@link #fill}): next week's. */
    static final LocalDate WEEK = LocalDate.now(ZoneOffset.UTC)
        .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Signs in through the form, as a browser does; answers the session's cookie ("timeledger_session=…"). */
    static String signIn(String base, String email, String password) throws Exception {
        var cookies = new CookieManager();
        var browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        var form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        var csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("the sign-in form has no CSRF token");
        }
        var fields = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.discarding());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("signing in as " + email + " failed");
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("timeledger_session"))
            .map(c -> "timeledger_session=" + c.getValue()).findFirst()
            .orElseThrow(() -> new IllegalStateException("no session cookie after signing in"));
    }

    /** The floor's side of an operation: plain SQL over JDBC. */
    interface Call {
        /** One unit of work on client {@code client}'s connection; true when it succeeded. */
        boolean run(int client) throws Exception;
    }

    /** One measurement: throughput over the window, latencies in milliseconds, failed calls. */
    record Result(double perSecond, double p50, double p99, long errors) { }

    /** Alternating windows of HTTP and of its floor per cell; each side's median is reported. */
    static final int WINDOWS = 3;

    /** The window of median throughput (its latencies with it); errors summed over all windows. */
    static Result median(List<Result> windows) {
        var sorted = windows.stream().sorted(java.util.Comparator.comparingDouble(Result::perSecond)).toList();
        var middle = sorted.get(sorted.size() / 2);
        return new Result(middle.perSecond(), middle.p50(), middle.p99(),
            windows.stream().mapToLong(Result::errors).sum());
    }

    /**
     * HTTP against its floor, or why there is no ratio: a floor that finished a handful of requests
     * in its window says nothing, and one that fell below its own 1-client rate at more clients
     * stalled (PostgreSQL was slow in that window, not the server fast).
     */
    static String ratio(Result viaHttp, Result floor, double floorAtOne, int clients, Duration cell) {
        if (floor.perSecond() * cell.toNanos() / 1e9 < MIN_FLOOR_REQUESTS) {
            return "—";
        }
        if (clients > 1 && floor.perSecond() < floorAtOne) {
            return "floor stalled";
        }
        return String.format(Locale.ROOT, "%.0f %%", 100 * viaHttp.perSecond() / floor.perSecond());
    }

    /** The fewest requests a floor must finish in its window for its ratio to be printed. */
    static final int MIN_FLOOR_REQUESTS = 10;

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Wrk.requireInstalled();
        var dataDir = Files.createTempDirectory("timeledger-bench");
        var http = HttpClient.newHttpClient();
        try (var server = BenchServer.start("target/timeledger.jar", dataDir, http)) {
            fill(server.jdbcUrl(), entries);
            run(http, server, server.firstStartToken(), entries, syncLatency(dataDir));
        } finally {
            delete(dataDir);
        }
    }

    /** The ledger's database (~1.8 GB at 1M entries) goes with the run. */
    static void delete(Path dataDir) throws java.io.IOException {
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    static void fill(String jdbcUrl, int entries) throws Exception {
        try (var db = DriverManager.getConnection(jdbcUrl)) {
            var sql = db.createStatement();
            long t0 = System.nanoTime();
            sql.execute("""
                INSERT INTO app_user (email, first_name, last_name)
                SELECT 'bench' || g || '@example.com', 'Bench', 'User ' || g FROM generate_series(1, 19) g""");
            sql.execute("""
                INSERT INTO membership (account_id, user_id, role, billing_rate)
                SELECT 1, id, 'member', 100 FROM app_user WHERE email LIKE 'bench%'""");
            BenchLedger.fill(db, 1, entries);
            // a full week for the week page: the administrator's next week, eight hours a day on four
            // projects, Monday to Friday (the ledger's own days are all in the past)
            sql.execute("""
                INSERT INTO entry (account_id, membership_id, contact_id, project_id, description, spent_on,
                                   duration_s, logged, logged_at, billable, billing_rate)
                SELECT 1, 1, p.contact_id, p.id, 'Week work ' || d || '.' || k, DATE '%s' + d, 3600, true, now(),
                       true, 120
                  FROM generate_series(0, 4) d, generate_series(1, 8) k,
                       LATERAL (SELECT id, contact_id FROM project WHERE account_id = 1 ORDER BY id
                                OFFSET k %% 4 LIMIT 1) p""".formatted(WEEK));
            sql.execute("""
                INSERT INTO entry_task (account_id, entry_id, task_id, position)
                SELECT 1, e.id, (SELECT min(id) FROM task WHERE account_id = 1), 0
                  FROM entry e WHERE e.account_id = 1 AND e.spent_on >= DATE '%s'""".formatted(WEEK));
            sql.execute("VACUUM ANALYZE");
            System.out.printf("filled %,d entries in %.1f s%n", entries, (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * How long the disk under the data directory takes to make 8 KB durable (fdatasync; p50 and p99 of
     * 2,000, in microseconds) — what each commit waits for, alone or shared with the commits of other
     * clients. Printed with the table because it is the part of a create's floor that is not CPU: a
     * 1-client insert of 0.6 ms waited ~0.15 ms for it on 2026-12-02.
     */
    static String syncLatency(Path dataDir) throws IOException {
        var probe = dataDir.resolve("sync-probe");
        var latencies = new long[2000];
        try (var file = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            var page = ByteBuffer.allocate(8192);
            for (int i = 0; i < latencies.length; i++) {
                file.write(page.clear(), (i % 128) * 8192L);
                long t0 = System.nanoTime();
                file.force(false);
                latencies[i] = System.nanoTime() - t0;
            }
        } finally {
            Files.deleteIfExists(probe);
        }
        Arrays.sort(latencies);
        return String.format(Locale.ROOT, "p50 %d µs, p99 %d µs", latencies[latencies.length / 2] / 1000,
            latencies[latencies.length * 99 / 100] / 1000);
    }

    private static void run(HttpClient http, BenchServer server, String token, int entries, String sync)
            throws Exception {
        var base = server.base();
        var jdbcUrl = server.jdbcUrl();
        var ledger = Ledger.of(jdbcUrl);
        var report = new StringBuilder();
        report.append("| operation | clients | HTTP req/s | p50 ms | p99 ms | errors | SQL floor req/s | floor p50 ms |"
            + " ratio |\n");
        report.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        var peakRss = new AtomicLong();
        // one connection per client, reused by every floor measurement
        var connections = new Connection[32];
        for (int i = 0; i < connections.length; i++) {
            connections[i] = DriverManager.getConnection(jdbcUrl);
            connections[i].setAutoCommit(false);
        }
        // the floor of each operation, in the order of operations()
        var floors = new ArrayList<Call>();
        // the week page's entries: the administrator's week, with their tasks
        floors.add(c -> select(connections[c], "SELECT e.*, ARRAY(SELECT et.task_id FROM entry_task et"
            + " WHERE et.entry_id = e.id ORDER BY et.position) FROM entry e WHERE e.account_id = 1"
            + " AND e.membership_id = 1 AND e.logged AND e.spent_on BETWEEN DATE '" + WEEK + "' AND DATE '"
            + WEEK.plusDays(6) + "' ORDER BY e.spent_on DESC, e.id DESC"));
        floors.addAll(List.<Call>of(
            // Harvest's page and MinuteDock's search both show each entry's tasks; Harvest's counts the pages
            c -> select(connections[c], newestWithTasks(", (SELECT count(*) FROM entry WHERE account_id = 1"
                + " AND logged)", 2000)),
            c -> select(connections[c], newestWithTasks("", 500)),
            c -> select(connections[c], "SELECT e.* FROM entry e WHERE e.account_id = 1"
                + " AND e.logged ORDER BY e.id DESC LIMIT 101"),
            c -> insert(connections[c], ledger.project(), ledger.contact()),
            c -> insert(connections[c], ledger.project(), ledger.contact()),
            // the dock update's write in one statement: the docked entry changed and read back, the dock's
            // version moved on (its change logged at commit, V25) — without the server's lock and read
            // before it, which check the version a device names
            c -> select(connections[c], "WITH bumped AS (UPDATE dock SET version_number = version_number + 1,"
                + " version_id = gen_random_uuid() WHERE account_id = 1 AND membership_id = 1 RETURNING"
                + " version_number) UPDATE entry e SET description = 'floor ' || (SELECT version_number FROM bumped),"
                + " updated_at = now() WHERE e.account_id = 1 AND e.membership_id = 1 AND NOT e.logged RETURNING e.*"),
            // the least SQL for the report's answer: the rate in cents (V15), each entry's hours to
            // two places times it, to the cent (decision 019), the stored month (V16)
            c -> select(connections[c], REPORT_FLOOR.formatted("contact_id, spent_month", "1, 2"))));
        // the reports page grouped twice: the same aggregate, then the first grouping's own totals
        floors.add(c -> select(connections[c], REPORT_FLOOR.formatted("contact_id, spent_month", "1, 2"))
            && select(connections[c], REPORT_FLOOR.formatted("contact_id", "1")));
        var signIn = server.firstStartSignIn();
        var session = signIn(base, signIn[0], signIn[1]);
        var operations = operations(ledger, session);
        if (floors.size() != operations.size()) {
            throw new IllegalStateException("an operation without its floor, or a floor without its operation");
        }
        prepareDock(http, base, token, jdbcUrl);
        for (int i = 0; i < operations.size(); i++) {
            var op = operations.get(i);
            var floorOf = floors.get(i);
            if (!selected(op)) {
                continue;
            }
            warmUp(http, op.http(), server, token);
            double floorAtOne = 0;
            for (int clients : CLIENTS) {
                var sampler = clients == 32 ? new RssSampler(server.process(), peakRss) : null;
                // HTTP and its floor in alternating windows, three each: an hour's drift on this
                // machine falls on both sides alike, and the median of three drops one odd window
                var httpWindows = new ArrayList<Result>();
                var floorWindows = new ArrayList<Result>();
                for (int window = 0; window < WINDOWS; window++) {
                    var viaHttp = op.http().run(base, token, clients, op.cell());
                    settle(viaHttp);
                    httpWindows.add(viaHttp);
                    var floor = measure(floorOf, clients, op.cell());
                    if (floor.errors() > 0) {
                        throw new IllegalStateException("the floor of " + op.http().name() + " failed: "
                            + FIRST_ERROR.get());
                    }
                    floorWindows.add(floor);
                }
                if (sampler != null) {
                    sampler.close();
                }
                var viaHttp = median(httpWindows);
                var floor = median(floorWindows);
                if (clients == 1) {
                    floorAtOne = floor.perSecond();
                }
                var ratio = ratio(viaHttp, floor, floorAtOne, clients, op.cell());
                report.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f | %.1f | %d | %s | %.2f | %s |%n",
                    op.http().name(), clients, rate(viaHttp.perSecond()), viaHttp.p50(), viaHttp.p99(),
                    viaHttp.errors(), rate(floor.perSecond()), floor.p50(), ratio));
                System.out.print(report.substring(report.lastIndexOf("| " + op.http().name())));
            }
        }
        for (var connection : connections) {
            connection.close();
        }
        if (Arrays.stream(System.getProperty("bench.only", "").toLowerCase(Locale.ROOT).split(","))
                .anyMatch("import of a toggl report"::contains)) {
            report.append('\n').append(ImportBench.run(http, server, session));
        }
        if (Arrays.stream(System.getProperty("bench.only", "").toLowerCase(Locale.ROOT).split(","))
                .anyMatch("export of every entry"::contains)) {
            var exports = ExportBench.run(http, server, session);
            report.append('\n').append(exports);
        }
        if (Arrays.stream(System.getProperty("bench.only", "").toLowerCase(Locale.ROOT).split(","))
                .anyMatch("live push"::contains)) {
            var live = LiveBench.run(http, server, token);
            System.out.print(live);
            report.append('\n').append(live);
        }
        if (Arrays.stream(System.getProperty("bench.only", "").toLowerCase(Locale.ROOT).split(","))
                .anyMatch("webhook delivery"::contains)) {
            var webhooks = WebhookBench.run(http, server, token);
            System.out.print(webhooks);
            report.append('\n').append(webhooks);
        }
        report.append(String.format(Locale.ROOT, "%nEntries: %,d. Start with embedded PostgreSQL (process start to"
            + " health UP): %.1f s. Peak resident memory under 32 clients: %d MB. The data directory's disk makes 8 KB"
            + " durable (fdatasync) in %s.%n", entries, server.startSeconds(), peakRss.get() / 1024, sync));
        Files.writeString(Path.of("target/bench-load.md"), report.toString());
        System.out.println(report);
    }

    /** The least SQL for a report's rows, grouped by the columns of its first argument (decision 019). */
    static final String REPORT_FLOOR = "SELECT %s, count(*), sum(duration_s), sum(duration_s) FILTER (WHERE billable),"
        + " sum(((CAST(duration_s AS bigint) * 100 + 1800) / 3600 * billing_cents + 50) / 100)"
        + " FILTER (WHERE billable) FROM entry WHERE account_id = 1 AND logged GROUP BY %s";

    /** The ledger's ids the operations use: its first project, that project's contact, its first task. */
    record Ledger(long project, long contact, long task) {

        static Ledger of(String jdbcUrl) throws Exception {
            try (var db = DriverManager.getConnection(jdbcUrl)) {
                var rs = db.createStatement().executeQuery(
                    "SELECT min(p.id), min(p.contact_id), (SELECT min(id) FROM task) FROM project p");
                rs.next();
                return new Ledger(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    /** An operation's HTTP side and how long one measurement of it runs. */
    record Operation(Wrk http, Duration cell) { }

    /**
     * The measured operations, reads first: the creates add tens of thousands of entries by one person
     * on one project, and Expensicat's newest-first page would then measure those instead of the
     * ledger's. A cell of a slow operation runs longer, six times as long (24 s): where a request takes
     * seconds at 32 clients — a report, a page of 2,000 entries — a window of one or two of them counts
     * the first batch, begun all at once and answered together, rather than a rate.
     */
    static List<Operation> operations(Ledger ledger, String session) {
        var operations = new ArrayList<Operation>();
        if (session != null) {
            operations.add(new Operation(Wrk.page("Week page, signed in (40 entries)", "/timesheet?view=week&date="
                + WEEK, session), CELL));
        }
        operations.addAll(List.of(
            new Operation(Wrk.get("Harvest list, per_page=2000", "/v2/time_entries?per_page=2000"), SLOW_CELL),
            new Operation(Wrk.get("MinuteDock search, 500 rows", "/api/v1/entries?user_accounts=all"), CELL),
            new Operation(Wrk.get("Expensicat cursor page (100)", "/v1/time-entries?limit=100"), CELL),
            new Operation(Wrk.send("MinuteDock entry create", "POST", "/api/v1/entries",
                "'{\"entry\": {\"date\": \"2026-01-0' .. (1 + n % 9) .. '\", \"duration\": 1800, \"project_id\": \""
                    + ledger.project() + "\", \"description\": \"load\"}}'", 201), CELL),
            new Operation(Wrk.send("Harvest time entry create", "POST", "/v2/time_entries",
                "'{\"project_id\": " + ledger.project() + ", \"task_id\": " + ledger.task()
                    + ", \"spent_date\": \"2026-01-02\", \"hours\": 0.5}'", 201), CELL),
            // every connection is a device editing the one running timer; 409 (a stale version) is an answer
            new Operation(Wrk.send("Dock update, one person, many devices", "PUT", "/api/v1/entries/current",
                "'{\"entry\": {\"description\": \"device ' .. id .. ' edit ' .. n .. '\"}}'", 200, 409), CELL),
            new Operation(Wrk.send("Report by contact and month, whole ledger", "POST", "/api/v1/reports/generate",
                "'{\"user_accounts\": \"all\", \"group_by\": [\"contact\", \"month\"]}'", 200),
                SLOW_CELL)));
        if (session != null) {
            operations.add(new Operation(Wrk.page("Reports page, client then month, whole ledger",
                "/reports?period=all_time&group=client&then=month", session), SLOW_CELL));
        }
        return operations;
    }

    /**
     * Whether -Dbench.only selects the operation: its name contains one of the property's
     * comma-separated words (-Dbench.only=create,Expensicat), ignoring case; all without it.
     */
    static boolean selected(Operation op) {
        var name = op.http().name().toLowerCase(Locale.ROOT);
        return Arrays.stream(System.getProperty("bench.only", "").toLowerCase(Locale.ROOT).split(","))
            .anyMatch(name::contains);
    }

    /** The dock the dock update edits: the administrator's running timer, and the dock of person 1. */
    static void prepareDock(HttpClient http, String base, String token, String jdbcUrl) throws Exception {
        send(http, base + "/api/v1/entries", token, "{\"entry\": {\"description\": \"the dock\"}}");
        try (var setup = DriverManager.getConnection(jdbcUrl)) {
            setup.createStatement().execute("INSERT INTO dock (membership_id, account_id) VALUES (1, 1)"
                + " ON CONFLICT DO NOTHING");
        }
    }

    /** The account's newest logged entries with their tasks' ids, and {@code more} columns. */
    private static String newestWithTasks(String more, int limit) {
        return "SELECT e.*, ARRAY(SELECT task_id FROM entry_task t WHERE t.entry_id = e.id)" + more
            + " FROM entry e WHERE e.account_id = 1 AND e.logged ORDER BY e.spent_on DESC, e.id DESC LIMIT " + limit;
    }

    /** Requests per second, to a tenth where there are few: a report at 32 clients finishes ~0.3 a second. */
    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 10 ? "%.1f" : "%.0f", perSecond);
    }

    private static boolean insert(Connection db, long project, long contact) throws Exception {
        try (var statement = db.prepareStatement("INSERT INTO entry (account_id, membership_id, contact_id, project_id,"
                + " description, spent_on, duration_s, logged, logged_at, billable, billing_rate)"
                + " VALUES (1, 1, ?, ?, 'load', DATE '2026-01-02', 1800, true, now(), true, 120)")) {
            statement.setLong(1, contact);
            statement.setLong(2, project);
            statement.executeUpdate();
        }
        db.commit();
        return true;
    }

    /** The select, every column of every row read (decoded) as the server must read them. */
    private static boolean select(Connection db, String sql) throws Exception {
        try (var rs = db.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int column = 1; column <= columns; column++) {
                    rs.getObject(column);
                }
            }
        }
        db.commit();
        return true;
    }

    /**
     * The floor: {@code clients} connections calling in a loop; after half a second, the answers that
     * come within {@code length}. Until 2026-12-01 it counted the calls begun in the window instead,
     * crediting a report begun in its last second with seconds of work after it, where wrk (the HTTP
     * side) counts only what was answered in time.
     */
    private static Result measure(Call call, int clients, Duration length) throws Exception {
        var pool = Executors.newFixedThreadPool(clients);
        var latencies = new ConcurrentLinkedQueue<Double>();
        var errors = new AtomicInteger();
        long warmupEnd = System.nanoTime() + 500_000_000L;
        long end = warmupEnd + length.toNanos();
        var futures = new ArrayList<CompletableFuture<Void>>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(CompletableFuture.runAsync(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.run(client);
                    } catch (Exception e) {
                        ok = false;
                        if (FIRST_ERROR.compareAndSet(null, e.toString())) {
                            System.err.println("first failure: " + e);
                        }
                    }
                    // counted as wrk counts: an answer that came within the window, whenever it was asked
                    long t1 = System.nanoTime();
                    if (t1 > warmupEnd && t1 <= end) {
                        latencies.add((t1 - t0) / 1e6);
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                }
            }, pool));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
        var sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return new Result(0, 0, 0, errors.get());
        }
        return new Result(sorted.size() / (length.toNanos() / 1e9), sorted.get(sorted.size() / 2),
            sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))), errors.get());
    }

    /**
     * A server just started runs interpreted code, and on two cores the JIT compiler competes with
     * the requests: MinuteDock's search spent 31 % of the server's CPU compiling in its second 20
     * seconds, 16 % in its fourth and 4 % in its sixth, its throughput rising all the while. So each
     * operation runs at 8 clients in 5-second windows until the server's JIT compiled for less than
     * 2 % of a window (its {@code jvm_compilation_time_ms_total}), or until twelve windows in a row
     * are within 5 % of each other while it keeps recompiling (Harvest's 2000-row page does, at a
     * steady rate); at least 30 s and at most -Dbench.warmup seconds (default 240). Right before the
     * operation's own cells, so that the creates' warm-up adds nothing to the ledger the reads
     * measure.
     */
    static void warmUp(HttpClient http, Wrk op, BenchServer server, String token) throws Exception {
        var base = server.base();
        var window = Duration.ofSeconds(5);
        int most = Integer.getInteger("bench.warmup", 240) / 5;
        var rates = new ArrayList<Double>();
        var log = new StringJoiner(", ", "warmed " + op.name() + ", req/s per 5 s window: ", "");
        double compiled = compilationMillis(http, server.managementBase());
        while (rates.size() < most) {
            var measured = op.run(base, token, 8, window);
            settle(measured);
            double now = compilationMillis(http, server.managementBase());
            rates.add(measured.perSecond());
            log.add(String.format(Locale.ROOT, "%.0f (%.0f ms JIT)", measured.perSecond(), now - compiled));
            if (rates.size() >= 6 && (now - compiled < 0.02 * window.toMillis() || flat(rates))) {
                break;
            }
            compiled = now;
        }
        System.out.println(log);
    }

    /** Whether the last twelve windows' throughputs are within 5 % of each other. */
    private static boolean flat(List<Double> rates) {
        if (rates.size() < 12) {
            return false;
        }
        var last = rates.subList(rates.size() - 12, rates.size());
        return Collections.max(last) <= 1.05 * Collections.min(last);
    }

    /** How long the server's JIT has compiled, from its Prometheus metrics (served on the management port). */
    private static double compilationMillis(HttpClient http, String base) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build();
        var matcher = COMPILATION.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        if (!matcher.find()) {
            throw new IllegalStateException("the server reports no jvm_compilation_time_ms_total");
        }
        return Double.parseDouble(matcher.group(1));
    }

    /**
     * wrk stops at the end of its window, but the server finishes the requests it had begun: a
     * report at 32 clients runs for seconds after. Whatever is measured next waits for them.
     */
    static void settle(Result previous) throws InterruptedException {
        Thread.sleep((long) Math.min(10_000, previous.p99() + 250));
    }

    /** One request outside the measurements (the dock's running timer); fails the run unless it succeeds. */
    static void send(HttpClient http, String url, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
