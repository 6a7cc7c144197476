package io.timeledger.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A webhook receiver on this host for a test: it keeps every post, and answers each with
 * {@link #status} (a 302 sends the poster elsewhere). Stop it with {@link #close}.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** What the receiver answers now. */
    public final AtomicInteger status = new AtomicInteger(200);
    /** Every post received, in order, with what it was answered. */
    public final List<Taken> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    /** One post: its headers (by lower-case name), body and the status it was answered with. */
    public record Taken(Map<String, String> headers, String body, int status) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public WebhookReceiver() {
        this(0);
    }

    /** A receiver on {@code port} (0: any free one), as one back up where it was down. */
    public WebhookReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = status.get();
            requests.add(new Taken(exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
                header -> header.getKey().toLowerCase(Locale.ROOT), header -> header.getValue().get(0))), body, answer));
            // no connection kept for the next post: one left open when the receiver stops would hang it
            exchange.getResponseHeaders().add("Connection", "close");
            if (answer == 302) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The posts answered 2xx: the events taken. */
    public List<Taken> taken() {
        return requests.stream().filter(request -> request.status() / 100 == 2).toList();
    }

    /** Waits, up to 20 s, until {@code condition} holds; fails the test when it does not. */
    public static void awaitThat(BooleanSupplier condition) {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for what did not happen");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
