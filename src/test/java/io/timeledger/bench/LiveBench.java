package io.timeledger.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The change feed under load (decision 020), on the load bench's server after its table: how long a
 * dock change made over MinuteDock's API takes to reach a client following {@code GET /events} —
 * from the request leaving the client to the event arriving, so the write and its commit are in it
 * — with that one stream open and with a thousand; and what a thousand idle streams cost the
 * server in heap (after a full GC, via jcmd) and in threads.
 */
final class LiveBench {

    /** Changes timed per row, one at a time, 20 ms apart. */
    static final int CHANGES = 200;
    static final int STREAMS = 1_000;
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} (\\S+)$");
    private static final Pattern DIRECT = Pattern.compile("(?m)^jvm_buffer_memory_used_bytes\\{[^}]*id=\"direct\"[^}]*} (\\S+)$");
    private static final Pattern THREADS = Pattern.compile("(?m)^jvm_threads_live_threads(?:\\{[^}]*})? (\\S+)$");
    private static final Pattern OPEN = Pattern.compile("(?m)^timeledger_events_streams(?:\\{[^}]*})? (\\S+)$");

    private LiveBench() {
    }

    static String run(HttpClient http, BenchServer server, String token) throws Exception {
        var base = server.base();
        LoadBench.send(http, base + "/api/v1/entries", token, "{\"entry\": {\"description\": \"followed\"}}");
        var report = new StringBuilder();
        report.append("| live push: dock change over the API → event at a client | open streams | p50 ms | p95 ms"
            + " | p99 ms |\n|---|---:|---:|---:|---:|\n");
        // the streams that only add load: their events are read and dropped by the client's selector thread
        var idle = new ArrayList<CompletableFuture<HttpResponse<Void>>>();
        var streams = HttpClient.newHttpClient();
        try (var measured = Follower.open(base, token)) {
            // the server starts listening for the feed's announcements once a stream is open (decision 020)
            Thread.sleep(1_000);
            var alone = push(http, base, token, measured);
            report.append(row(alone, 1));
            var before = footprint(http, server);
            for (int i = 1; i < STREAMS; i++) {
                idle.add(streams.sendAsync(HttpRequest.newBuilder(URI.create(base + "/events"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()));
            }
            awaitOpen(http, server, STREAMS);
            var after = footprint(http, server);
            var crowded = push(http, base, token, measured);
            report.append(row(crowded, STREAMS));
            report.append(String.format(Locale.ROOT, "%n%,d idle open streams: heap after a full GC %+.1f MB (%.1f → %.1f"
                    + " MB), direct buffers (the connections' socket buffers, outside the heap) %+.1f MB, live threads"
                    + " %+d (%d → %d).%n", STREAMS - 1, (after[0] - before[0]) / 1e6, before[0] / 1e6, after[0] / 1e6,
                (after[2] - before[2]) / 1e6, (int) (after[1] - before[1]), (int) before[1], (int) after[1]));
        } finally {
            idle.forEach(stream -> stream.cancel(true));
        }
        return report.toString();
    }

    private static String row(long[] nanos, int open) {
        return String.format(Locale.ROOT, "| MinuteDock PUT /api/v1/entries/current | %,d | %.1f | %.1f | %.1f |%n", open,
            nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 95 / 100] / 1e6, nanos[nanos.length * 99 / 100] / 1e6);
    }

    /** {@link #CHANGES} dock changes, one at a time: each one's time from sending it to its event arriving. */
    private static long[] push(HttpClient http, String base, String token, Follower follower) throws Exception {
        var latencies = new long[CHANGES];
        for (int i = 0; i < CHANGES; i++) {
            follower.arrivals.clear();
            long sent = System.nanoTime();
            var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/entries/current"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"entry\": {\"description\": \"live " + i + "\"}}"))
                .build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the dock update answered " + response.statusCode());
            }
            Long arrived = follower.arrivals.poll(10, TimeUnit.SECONDS);
            if (arrived == null) {
                throw new IllegalStateException("no event reached the stream within 10 s");
            }
            latencies[i] = arrived - sent;
            Thread.sleep(20);
        }
        Arrays.sort(latencies);
        return latencies;
    }

    /** The server's heap after a full GC (bytes), its live threads and its direct buffers (bytes). */
    private static double[] footprint(HttpClient http, BenchServer server) throws Exception {
        var gc = new ProcessBuilder("jcmd", Long.toString(server.process().pid()), "GC.run").redirectErrorStream(true)
            .start();
        gc.getInputStream().readAllBytes();
        gc.waitFor();
        Thread.sleep(500);
        var metrics = metrics(http, server);
        double heap = 0;
        var matcher = HEAP.matcher(metrics);
        while (matcher.find()) {
            heap += Double.parseDouble(matcher.group(1));
        }
        var threads = THREADS.matcher(metrics);
        if (!threads.find()) {
            throw new IllegalStateException("the server reports no jvm_threads_live_threads");
        }
        var direct = DIRECT.matcher(metrics);
        if (!direct.find()) {
            throw new IllegalStateException("the server reports no jvm_buffer_memory_used_bytes of direct buffers");
        }
        return new double[] {heap, Double.parseDouble(threads.group(1)), Double.parseDouble(direct.group(1))};
    }

    private static void awaitOpen(HttpClient http, BenchServer server, int streams) throws Exception {
        for (int i = 0; i < 300; i++) {
            var open = OPEN.matcher(metrics(http, server));
            if (open.find() && Double.parseDouble(open.group(1)) >= streams) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not open " + streams + " event streams within 30 s");
    }

    private static String metrics(HttpClient http, BenchServer server) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.managementBase() + "/actuator/prometheus")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The stream whose events are timed: when each dock.changed arrived (System.nanoTime). */
    private static final class Follower implements AutoCloseable {
        final BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
        private final InputStream body;

        private Follower(InputStream body) {
            this.body = body;
            var reader = new Thread(this::read, "live-bench-follower");
            reader.setDaemon(true);
            reader.start();
        }

        static Follower open(String base, String token) throws Exception {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/events"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /events answered " + response.statusCode());
            }
            return new Follower(response.body());
        }

        private void read() {
            try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("event:") && line.substring(6).strip().equals("dock.changed")) {
                        arrivals.add(System.nanoTime());
                    }
                }
            } catch (IOException closed) {
                // the bench is over
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
