package io.timeledger.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client of {@code GET /events}, reading the stream as EventSource does: each event's id, name
 * and data, and the comments (heartbeats) between them, in the order they arrive.
 */
public final class EventStream implements AutoCloseable {

    /** One event; a comment line arrives as an event named {@code :} with the comment as its data. */
    public record Event(String id, String name, String data) {

        public boolean isComment() {
            return ":".equals(name);
        }
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile Long reconnectMillis;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code url} with these request headers (name, value, name, value …). */
    public static EventStream open(HttpClient http, String url, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            // a stream whose first bytes never come fails the test instead of hanging the build
            return new EventStream(http.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("GET " + url + " answered nothing within 10 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a stream with a bearer token, after {@code lastEventId} unless null. */
    public static EventStream withToken(String base, String path, String token, String lastEventId) {
        var headers = new ArrayList<>(List.of("Authorization", "Bearer " + token));
        if (lastEventId != null) {
            headers.addAll(List.of("Last-Event-ID", lastEventId));
        }
        return open(HttpClient.newHttpClient(), base + path, headers.toArray(String[]::new));
    }

    public int status() {
        return response.statusCode();
    }

    public Map<String, List<String>> headers() {
        return response.headers().map();
    }

    /** How long the server asked the client to wait before reconnecting ({@code retry:}), if it did. */
    public Long reconnectMillis() {
        return reconnectMillis;
    }

    /** Whether the server ends the stream within {@code wait}. */
    public boolean endsWithin(Duration wait) {
        try {
            reader.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !reader.isAlive();
    }

    /** The next event (comments skipped) within {@code wait}; fails when none comes. */
    public Event next(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            var event = poll(deadline);
            if (!event.isComment()) {
                return event;
            }
        }
    }

    /** The next comment (a heartbeat) within {@code wait}, events before it skipped; fails when none comes. */
    public Event nextComment(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            var event = poll(deadline);
            if (event.isComment()) {
                return event;
            }
        }
    }

    /** The events (not comments) that arrive within {@code wait}. */
    public List<Event> during(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        var heard = new ArrayList<Event>();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                var event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
                if (event == null) {
                    return heard;
                }
                if (!event.isComment()) {
                    heard.add(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return heard;
        }
    }

    private Event poll(long deadline) {
        try {
            var event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no event arrived in time");
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for an event");
        }
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            var data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0 || name != null) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, ":", line.substring(1).strip()));
                } else if (line.startsWith("retry:")) {
                    reconnectMillis = Long.valueOf(line.substring(6).strip());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // the stream was closed
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing
        }
        reader.interrupt();
    }
}
