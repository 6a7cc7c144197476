package io.timeledger.api.common;

import io.timeledger.core.common.Invalid;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request body as JSON, whether it came as JSON or as a form: form fields become string
 * properties, and {@code a[b]=c} becomes {@code {"a": {"b": "c"}}}, as Rails-style clients send
 * nested objects. {@link JsonFields} reads strings for numbers and booleans, so both forms meet
 * the same rules.
 */
@Component
public class RequestBodies {

    private final JsonMapper json;

    RequestBodies(JsonMapper json) {
        this.json = json;
    }

    public JsonNode read(HttpServletRequest request) {
        var type = request.getContentType();
        if (type != null && MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            return fromForm(request);
        }
        try {
            var body = request.getInputStream().readAllBytes();
            if (body.length == 0) {
                return json.createObjectNode();
            }
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new Invalid("base", "the request body is not valid JSON");
        } catch (IOException e) {
            throw new Invalid("base", "the request body could not be read");
        }
    }

    private ObjectNode fromForm(HttpServletRequest request) {
        var root = json.createObjectNode();
        request.getParameterMap().forEach((name, values) -> {
            var value = values.length == 0 ? "" : values[values.length - 1];
            int open = name.indexOf('[');
            if (open > 0 && name.endsWith("]")) {
                var parent = name.substring(0, open);
                var child = name.substring(open + 1, name.length() - 1);
                var nested = root.get(parent) instanceof ObjectNode existing ? existing : root.putObject(parent);
                nested.put(child, value);
            } else {
                root.put(name, value);
            }
        });
        return root;
    }
}
