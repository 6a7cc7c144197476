package io.timeledger.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * Webhooks under load (docs/webhooks.md), on the load bench's server after its table: how long an
 * entry made over MinuteDock's API takes to reach a subscribed receiver on this host — from its
 * 201 (the change committed before it) to the post arriving — at 100 creates a second; and what ten
 * active subscriptions cost a create, against none.
 */
final class WebhookBench {

    /** Creates timed per latency row, one at a time (and made before, to warm each path). */
    static final int CREATES = 1_000;
    /** Creates at 100 a second for the delivery row: ten seconds of them. */
    static final int PACED = 1_000;
    static final int SUBSCRIPTIONS = 10;
    /** Rounds of creates without and with the subscriptions, alternating. */
    static final int ROUNDS = 4;
    private static final Pattern ENTRY_ID = Pattern.compile("\"object\":\\{\"id\":\"(\\d+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"?(\\d+)\"?");

    private WebhookBench() {
    }

    static String run(HttpClient http, BenchServer server, String token) throws Exception {
        var base = server.base();
        var arrivals = new ConcurrentHashMap<String, Long>();
        var receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        var answering = Executors.newFixedThreadPool(8);
        receiver.setExecutor(answering);
        receiver.createContext("/hooks", exchange -> {
            long now = System.nanoTime();
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var matcher = ENTRY_ID.matcher(body);
            if (exchange.getRequestURI().getPath().equals("/hooks/0") && matcher.find()) {
                arrivals.putIfAbsent(matcher.group(1), now);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        var subscriptions = new ArrayList<String>();
        try {
            var report = new StringBuilder();
            report.append("| webhooks: MinuteDock POST /api/v1/entries | active subscriptions | p50 ms | p95 ms"
                + " | p99 ms |\n|---|---:|---:|---:|---:|\n");
            // the server starts cold: both paths are warmed before either is timed, then timed in
            // alternating rounds, so that neither gains from the compiler's work on the other
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/";
            creates(http, base, token, CREATES);
            subscribeAll(http, base, token, url, subscriptions);
            creates(http, base, token, CREATES);
            awaitQuiet(arrivals);
            deleteAll(http, base, token, subscriptions);
            var without = new long[CREATES];
            var with = new long[CREATES];
            var cpuWithout = new long[3];
            var cpuWith = new long[3];
            int each = CREATES / ROUNDS;
            var roundsWithout = new long[ROUNDS];
            var roundsWith = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                var before = cpu(server);
                var plain = creates(http, base, token, each);
                System.arraycopy(plain, 0, without, round * each, each);
                roundsWithout[round] = plain[each / 2];
                awaitQuiet(arrivals);
                add(cpuWithout, before, cpu(server));
                subscribeAll(http, base, token, url, subscriptions);
                before = cpu(server);
                var subscribed = creates(http, base, token, each);
                System.arraycopy(subscribed, 0, with, round * each, each);
                roundsWith[round] = subscribed[each / 2];
                awaitQuiet(arrivals);
                add(cpuWith, before, cpu(server));
                deleteAll(http, base, token, subscriptions);
            }
            Arrays.sort(without);
            Arrays.sort(with);
            report.append(row("create's latency", 0, without));
            report.append(row("create's latency", SUBSCRIPTIONS, with));
            Arrays.sort(roundsWithout);
            Arrays.sort(roundsWith);
            report.append(String.format(Locale.ROOT, "%nEach round's p50 (%d rounds of %d creates, alternating):"
                + " %.1f–%.1f ms without, %.1f–%.1f ms with.%n", ROUNDS, each, roundsWithout[0] / 1e6,
                roundsWithout[ROUNDS - 1] / 1e6, roundsWith[0] / 1e6, roundsWith[ROUNDS - 1] / 1e6));
            var cpu = "\n| CPU per create (its posts included), ms | active subscriptions | server | PostgreSQL"
                + " | the bench (client and receiver) |\n|---|---:|---:|---:|---:|\n"
                + cpuRow(0, cpuWithout) + cpuRow(SUBSCRIPTIONS, cpuWith);
            subscriptions.add(subscribe(http, base, token, url + 0));
            arrivals.clear();
            var sent = paced(http, base, token);
            long until = System.nanoTime() + 60_000_000_000L;
            while (arrivals.size() < sent.size() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            var delays = new long[sent.size()];
            int i = 0;
            int missing = 0;
            for (var created : sent.entrySet()) {
                var arrived = arrivals.get(created.getKey());
                if (arrived == null) {
                    missing++;
                    continue;
                }
                delays[i++] = arrived - created.getValue();
            }
            var taken = Arrays.copyOf(delays, i);
            Arrays.sort(taken);
            report.append(row("201 → post at the receiver, 100 creates/s", 1, taken));
            report.append(String.format(Locale.ROOT, "%n%,d creates at 100 a second: %,d posts arrived within a"
                + " minute, %d did not.%n", sent.size(), taken.length, missing));
            report.append(cpu);
            return report.toString();
        } finally {
            for (var id : subscriptions) {
                delete(http, base, token, id);
            }
            receiver.stop(0);
            // its threads would keep the bench's JVM from ending
            answering.shutdown();
        }
    }

    /** CPU time so far, ms: the server's JVM, its PostgreSQL, this process. */
    private static long[] cpu(BenchServer server) throws Exception {
        var theirs = server.cpuMillis();
        long own = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis();
        return new long[] {theirs[0], theirs[1], own};
    }

    private static void add(long[] sum, long[] before, long[] after) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += after[i] - before[i];
        }
    }

    /** What {@link #CREATES} creates (and, with subscriptions, their posts) cost each part, per create. */
    private static String cpuRow(int subscriptions, long[] millis) {
        return String.format(Locale.ROOT, "| %d creates | %d | %.2f | %.2f | %.2f |%n", CREATES, subscriptions,
            millis[0] / (double) CREATES, millis[1] / (double) CREATES, millis[2] / (double) CREATES);
    }

    private static void subscribeAll(HttpClient http, String base, String token, String url, List<String> made)
            throws Exception {
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            made.add(subscribe(http, base, token, url + i));
        }
    }

    private static void deleteAll(HttpClient http, String base, String token, List<String> made) throws Exception {
        for (var id : made) {
            delete(http, base, token, id);
        }
        made.clear();
    }

    private static String row(String what, int subscriptions, long[] nanos) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", what, subscriptions,
            nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 95 / 100] / 1e6, nanos[nanos.length * 99 / 100] / 1e6);
    }

    /** {@code count} creates one after another: each one's latency, sorted. */
    private static long[] creates(HttpClient http, String base, String token, int count) throws Exception {
        var latencies = new long[count];
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            create(http, base, token, i);
            latencies[i] = System.nanoTime() - sent;
        }
        Arrays.sort(latencies);
        return latencies;
    }

    /** {@link #PACED} creates, one every 10 ms: when each entry's 201 came (System.nanoTime), by its id. */
    private static Map<String, Long> paced(HttpClient http, String base, String token) throws Exception {
        var answered = new ConcurrentHashMap<String, Long>();
        long start = System.nanoTime();
        for (int i = 0; i < PACED; i++) {
            LockSupport.parkNanos(start + i * 10_000_000L - System.nanoTime());
            var id = create(http, base, token, i);
            answered.put(id, System.nanoTime());
        }
        return answered;
    }

    private static String create(HttpClient http, String base, String token, int i) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/entries"))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"entry\": {\"date\": \"2026-11-02\", \"duration\": 600,"
                + " \"description\": \"hooked " + i + "\"}}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /api/v1/entries answered " + response.statusCode());
        }
        return id(response.body());
    }

    private static String subscribe(HttpClient http, String base, String token, String url) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks"))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"webhook\": {\"url\": \"" + url + "\", \"events\":"
                + " [\"entry.created\", \"entry.updated\", \"entry.deleted\", \"dock.changed\"]}}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /api/v1/webhooks answered " + response.statusCode() + ": "
                + response.body());
        }
        return id(response.body());
    }

    private static void delete(HttpClient http, String base, String token, String id) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks/" + id))
            .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    /** Waits until the receiver has heard nothing new for a second: the deliveries caught up. */
    private static void awaitQuiet(Map<String, Long> arrivals) throws InterruptedException {
        int seen = -1;
        while (arrivals.size() != seen) {
            seen = arrivals.size();
            Thread.sleep(1_000);
        }
    }

    private static String id(String body) {
        var matcher = ID.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return matcher.group(1);
    }
}
