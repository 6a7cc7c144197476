package io.timeledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP response with its body parsed as JSON. */
public record Response(int status, String text, Map<String, List<String>> headers, JsonMapper mapper) {

    public JsonNode json() {
        return mapper.readTree(text);
    }

    /** Asserts the status, showing the body when it differs. */
    public Response expect(int expected) {
        assertThat(status).as("status of a response with body %s", text).isEqualTo(expected);
        return this;
    }

    public String header(String name) {
        return headers.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(e -> e.getValue().get(0))
            .findFirst().orElse(null);
    }
}
