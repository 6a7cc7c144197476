package io.timeledger.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls against the running server, as a client script would make them. */
@TestComponent
public class Api {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Environment environment;

    Api(Environment environment) {
        this.environment = environment;
    }

    /** A caller with no credential. */
    public Caller anonymous() {
        return new Caller(Map.of());
    }

    public Caller bearer(String token) {
        return new Caller(Map.of("Authorization", "Bearer " + token));
    }

    public Caller apiKey(String key) {
        return new Caller(Map.of("X-API-Key", key));
    }

    public String json(Object value) {
        return json.writeValueAsString(value);
    }

    public final class Caller {
        private final Map<String, String> headers;

        Caller(Map<String, String> headers) {
            this.headers = headers;
        }

        public Caller header(String name, String value) {
            var more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Caller(more);
        }

        public Response get(String path) {
            return send("GET", path, null, null);
        }

        public Response delete(String path) {
            return send("DELETE", path, null, null);
        }

        public Response post(String path, String body) {
            return send("POST", path, body, "application/json");
        }

        public Response put(String path, String body) {
            return send("PUT", path, body, "application/json");
        }

        public Response patch(String path, String body) {
            return send("PATCH", path, body, "application/json");
        }

        public Response send(String method, String path, String body, String contentType) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:"
                    + environment.getProperty("local.server.port") + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            try {
                var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.body(), response.headers().map(), json);
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
