package io.timeledger.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The packaged server run as its own process, as people run it, on a data directory and port of
 * the test's: the personal access token its first start prints, and when it answers health.
 */
public record ServerProcess(Process process, int port, CompletableFuture<String> token, StringBuffer output) {

    private static final Pattern TOKEN = Pattern.compile("tlp_[A-Za-z0-9_-]{43}");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Starts {@code builder} on {@code dataDir} and {@code port}, reading its output as it comes. */
    public static ServerProcess start(ProcessBuilder builder, Path dataDir, int port) throws IOException {
        builder.redirectErrorStream(true);
        builder.environment().put("TIMELEDGER_DATA_DIR", dataDir.toString());
        builder.environment().put("PORT", Integer.toString(port));
        var process = builder.start();
        var token = new CompletableFuture<String>();
        var output = new StringBuffer();
        var reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    var matcher = TOKEN.matcher(line);
                    if (matcher.find()) {
                        token.complete(matcher.group());
                    }
                }
            } catch (IOException ended) {
                // the process is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new ServerProcess(process, port, token, output);
    }

    /** The packaged jar, as {@code java -Xmx256m -jar target/timeledger.jar} runs it. */
    public static ProcessBuilder jar(String... arguments) {
        var command = new java.util.ArrayList<String>(java.util.List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
            "target/timeledger.jar"));
        command.addAll(java.util.List.of(arguments));
        return new ProcessBuilder(command);
    }

    /** Waits (90 s at most) until {@code /actuator/health} on {@code port} answers 200. */
    public static void awaitHealth(int port) throws Exception {
        awaitAnswer(port, "/actuator/health");
    }

    /** Waits (90 s at most) until {@code path} on {@code port} answers 200. */
    public static void awaitAnswer(int port, String path) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (send(port, "GET", path, null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nothing answered " + path + " on port " + port);
    }

    public static HttpResponse<String> send(int port, String method, String path, String token, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The administrator's password, as the first start prints it under "with that email and the password". */
    public String password() {
        var lines = output.toString().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("with that email and the password")) {
                return lines.stream().skip(i + 1).map(String::strip).filter(line -> !line.isEmpty()).findFirst()
                    .orElseThrow();
            }
        }
        throw new AssertionError("no password printed:\n" + output);
    }

    /** Stops the server as a service manager would (SIGTERM) and waits for it. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
