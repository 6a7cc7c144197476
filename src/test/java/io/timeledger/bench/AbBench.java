package io.timeledger.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two builds of the server, A and B, compared over one ledger: the ledger is written once, then
 * each round starts each build in turn over it (A then B, B then A, ...), warms each operation up
 * and measures it at one concurrency. Reported per build: the median over the rounds of the
 * throughput and of the CPU each request took in the server's JVM and in PostgreSQL. On a shared
 * machine, runs of one build differ by 10–30 %; a difference inside that needs the medians of
 * several rounds, not one run of each. Run with {@code bench/ab.sh A.jar B.jar [N]}.
 */
public final class AbBench {

    /** One measurement: requests per second, milliseconds of CPU per request in the JVM and in PostgreSQL. */
    record Sample(double perSecond, double jvmMillis, double databaseMillis) { }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: bench/ab.sh A.jar B.jar [entries]");
        }
        var jars = List.of(args[0], args[1]);
        int entries = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int rounds = Integer.getInteger("bench.rounds", 3);
        int clients = Integer.getInteger("bench.clients", 8);
        Wrk.requireInstalled();
        var dataDir = Files.createTempDirectory("timeledger-ab");
        var http = HttpClient.newHttpClient();
        try {
            String token;
            String session;
            LoadBench.Ledger ledger;
            try (var first = BenchServer.start(jars.get(0), dataDir, http)) {
                token = first.firstStartToken();
                LoadBench.fill(first.jdbcUrl(), entries);
                ledger = LoadBench.Ledger.of(first.jdbcUrl());
                LoadBench.prepareDock(http, first.base(), token, first.jdbcUrl());
                // sessions are kept in the database: this sign-in holds for every start over it
                var signIn = first.firstStartSignIn();
                session = LoadBench.signIn(first.base(), signIn[0], signIn[1]);
            }
            var operations = LoadBench.operations(ledger, session).stream().filter(LoadBench::selected).toList();
            // samples.get(operation).get(jar): one per round
            var samples = new LinkedHashMap<String, Map<String, List<Sample>>>();
            for (int round = 0; round < rounds; round++) {
                for (var jar : inTurn(jars, round)) {
                    try (var server = BenchServer.start(jar, dataDir, http)) {
                        for (var op : operations) {
                            LoadBench.warmUp(http, op.http(), server, token);
                            var sample = measure(server, op, token, clients);
                            System.out.printf(Locale.ROOT, "round %d, %s, %s: %.0f req/s, %.3f ms JVM + %.3f ms PostgreSQL"
                                + " per request%n", round + 1, name(jar), op.http().name(), sample.perSecond(),
                                sample.jvmMillis(), sample.databaseMillis());
                            samples.computeIfAbsent(op.http().name(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(jar, k -> new ArrayList<>()).add(sample);
                        }
                    }
                }
            }
            var report = report(jars, samples, entries, rounds, clients);
            Files.writeString(Path.of("target/bench-ab.md"), report);
            System.out.println(report);
        } finally {
            LoadBench.delete(dataDir);
        }
    }

    private static Sample measure(BenchServer server, LoadBench.Operation op, String token, int clients)
        throws Exception {
        var before = server.cpuMillis();
        var result = op.http().run(server.base(), token, clients, op.cell());
        var after = server.cpuMillis();
        LoadBench.settle(result);
        double requests = result.perSecond() * op.cell().toMillis() / 1000.0;
        return new Sample(result.perSecond(), (after[0] - before[0]) / requests, (after[1] - before[1]) / requests);
    }

    private static String report(List<String> jars, Map<String, Map<String, List<Sample>>> samples, int entries,
                                 int rounds, int clients) {
        var report = new StringBuilder(String.format(Locale.ROOT,
            "A = %s, B = %s; %,d entries; %d rounds at %d clients; medians over the rounds%n%n", jars.get(0),
            jars.get(1), entries, rounds, clients));
        report.append("| operation | build | req/s (each round) | req/s | JVM ms/request | PostgreSQL ms/request |"
            + " B / A req/s |\n");
        report.append("|---|---|---|---:|---:|---:|---:|\n");
        samples.forEach((operation, byJar) -> {
            double a = median(byJar.get(jars.get(0)).stream().map(Sample::perSecond).toList());
            for (var jar : jars) {
                var runs = byJar.get(jar);
                double perSecond = median(runs.stream().map(Sample::perSecond).toList());
                report.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.3f | %.3f | %s |%n", operation,
                    jar.equals(jars.get(0)) ? "A" : "B",
                    String.join(", ", runs.stream().map(s -> String.format(Locale.ROOT, "%.0f", s.perSecond())).toList()),
                    perSecond, median(runs.stream().map(Sample::jvmMillis).toList()),
                    median(runs.stream().map(Sample::databaseMillis).toList()),
                    jar.equals(jars.get(0)) ? "" : String.format(Locale.ROOT, "%+.1f %%", 100 * (perSecond / a - 1))));
            }
        });
        return report.toString();
    }

    /**
     * The builds in the order a round starts them: A then B in even rounds, B then A in odd ones, so
     * that neither always runs first (on a warmer or a cooler machine); one build alone as it is.
     */
    static List<String> inTurn(List<String> jars, int round) {
        return round % 2 == 0 || jars.size() == 1 ? jars : List.of(jars.get(1), jars.get(0));
    }

    /** The middle value, or the mean of the two middle ones. */
    static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String name(String jar) {
        return Path.of(jar).getFileName().toString();
    }
}
