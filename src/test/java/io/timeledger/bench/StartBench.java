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
 * First starts of one build, or of two compared: each start is {@code bin/timeledger} over an
 * empty data directory (initdb, the migrations, the first account) to health UP, as the load
 * bench's start figure is; two builds alternate (A, B, then B, A, ...). Reported per build: the
 * median and every start's wall time, and the CPU the start took — the whole machine's, the
 * server's JVM's and its PostgreSQL's. This machine's speed swings within the hour (one build's
 * first start took 9.9 s and 13.8 s an hour apart, 2026-12-02), so builds are compared by
 * alternating and by their CPU more than by one wall time each. Run with
 * {@code bench/start.sh A.jar [B.jar]}; {@code -Dbench.rounds} (default 5) starts per build.
 */
public final class StartBench {

    /** One start: seconds to health UP, and CPU seconds the machine, the JVM and PostgreSQL spent on it. */
    record Sample(double seconds, double machineCpu, double jvmCpu, double databaseCpu) { }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: bench/start.sh A.jar [B.jar]");
        }
        var jars = List.of(args);
        int rounds = Integer.getInteger("bench.rounds", 5);
        var http = HttpClient.newHttpClient();
        var samples = new LinkedHashMap<String, List<Sample>>();
        jars.forEach(jar -> samples.put(jar, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (var jar : AbBench.inTurn(jars, round)) {
                var sample = start(jar, http);
                samples.get(jar).add(sample);
                System.out.printf(Locale.ROOT, "round %d, %s: %.2f s; CPU %.1f s (JVM %.1f, PostgreSQL %.1f)%n",
                    round + 1, Path.of(jar).getFileName(), sample.seconds(), sample.machineCpu(), sample.jvmCpu(),
                    sample.databaseCpu());
            }
        }
        var report = report(jars, samples, rounds);
        Files.writeString(Path.of("target/bench-start.md"), report);
        System.out.println(report);
    }

    private static Sample start(String jar, HttpClient http) throws Exception {
        var dataDir = Files.createTempDirectory("timeledger-start");
        try (var server = BenchServer.start(jar, dataDir, http)) {
            var cpu = server.cpuMillis();
            return new Sample(server.startSeconds(), server.startCpuSeconds(), cpu[0] / 1000.0, cpu[1] / 1000.0);
        } finally {
            LoadBench.delete(dataDir);
        }
    }

    private static String report(List<String> jars, Map<String, List<Sample>> samples, int rounds) {
        var report = new StringBuilder(String.format(Locale.ROOT,
            "First starts over an empty data directory, %d per build%s; medians%n%n", rounds,
            jars.size() == 2 ? ", alternating" : ""));
        report.append("| build | seconds (each start) | seconds | machine CPU s | JVM CPU s | PostgreSQL CPU s |"
            + " against A |\n");
        report.append("|---|---|---:|---:|---:|---:|---:|\n");
        double a = AbBench.median(samples.get(jars.get(0)).stream().map(Sample::seconds).toList());
        for (var jar : jars) {
            var runs = samples.get(jar);
            double seconds = AbBench.median(runs.stream().map(Sample::seconds).toList());
            report.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.1f | %.1f | %.1f | %s |%n",
                Path.of(jar).getFileName(),
                String.join(", ", runs.stream().map(s -> String.format(Locale.ROOT, "%.2f", s.seconds())).toList()),
                seconds, AbBench.median(runs.stream().map(Sample::machineCpu).toList()),
                AbBench.median(runs.stream().map(Sample::jvmCpu).toList()),
                AbBench.median(runs.stream().map(Sample::databaseCpu).toList()),
                jar.equals(jars.get(0)) ? "" : String.format(Locale.ROOT, "%+.1f %%", 100 * (seconds / a - 1))));
        }
        return report.toString();
    }
}
