package io.timeledger.api.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Examples in a dialect's document: for each GET route, the answer a real account gets
 * (recorded by {@code OpenApiTests}, which also fails when an answer's fields no longer match its
 * example), in {@code openapi/examples/<dialect>.json} as {@code {"<path>": <answer>}}; and for
 * each write, the fields of its body that the answer of the record it writes shows, with that
 * answer's values — what Swagger UI's "Try it out" starts from.
 */
final class OpenApiExamples implements OpenApiCustomizer {

    static final String RESOURCE = "openapi/examples/%s.json";

    private final JsonNode answers;

    private OpenApiExamples(JsonNode answers) {
        this.answers = answers;
    }

    /** The dialect's recorded answers; none when they have not been recorded. */
    static OpenApiExamples of(String dialect) {
        try (InputStream in = OpenApiExamples.class.getClassLoader()
                .getResourceAsStream(RESOURCE.formatted(dialect))) {
            return new OpenApiExamples(in == null ? Json31.mapper().createObjectNode() : Json31.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the examples of " + dialect, e);
        }
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            var answer = answers.get(path);
            var ok = item.getGet() == null || item.getGet().getResponses() == null ? null
                : item.getGet().getResponses().get("200");
            var answered = ok == null ? null : json(ok.getContent());
            if (answer != null && !answer.isNull() && answered != null) {
                answered.setExample(answer);
            }
            // a write's fields as the record it writes shows them: a record's path, its own answer;
            // a collection's, one of its records' (their path's answer, else the list's first); a
            // path of one record without an id (Harvest's company), its answer
            var shown = path.endsWith("}") ? answer
                : answers.has(path + "/{id}") ? answers.get(path + "/{id}")
                : first(answer) != null ? first(answer) : answer;
            for (var write : new Operation[] {item.getPost(), item.getPut(), item.getPatch()}) {
                if (write != null && write.getRequestBody() != null && shown != null && shown.isObject()) {
                    var json = json(write.getRequestBody().getContent());
                    if (json != null) {
                        var example = fill(json.getSchema(), api, shown);
                        if (example != null) {
                            json.setExample(example);
                        }
                    }
                }
            }
        });
    }

    /**
     * The body {@code schema} describes, with each field {@code shown} has — {@code x_id} also from
     * {@code shown}'s {@code x.id} — and, for a body that wraps its fields ({@code {"contact": {…}}}),
     * wrapped the same way; null when {@code shown} has none of its fields.
     */
    static JsonNode fill(Schema<?> schema, OpenAPI api, JsonNode shown) {
        var fields = resolved(schema, api);
        if (fields == null || fields.getProperties() == null) {
            return null;
        }
        if (fields.getProperties().size() == 1) {
            var only = fields.getProperties().entrySet().iterator().next();
            if (only.getValue().get$ref() != null) {
                var inner = fill(only.getValue(), api, shown);
                return inner == null ? null : Json31.mapper().createObjectNode().set(only.getKey(), inner);
            }
        }
        // an answer that wraps its record ({"job": {…}}) shows the fields inside
        if (shown.size() == 1 && shown.iterator().next().isObject()) {
            shown = shown.iterator().next();
        }
        var example = Json31.mapper().createObjectNode();
        for (var field : fields.getProperties().keySet()) {
            var value = shown.get(field);
            if (value == null && field.endsWith("_id")) {
                value = shown.path(field.substring(0, field.length() - 3)).get("id");
            }
            if (value != null && !value.isNull()) {
                example.set(field, value);
            }
        }
        return example.isEmpty() ? null : example;
    }

    private static Schema<?> resolved(Schema<?> schema, OpenAPI api) {
        if (schema == null || schema.get$ref() == null) {
            return schema;
        }
        var components = api.getComponents();
        return components == null || components.getSchemas() == null ? null
            : components.getSchemas().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
    }

    private static MediaType json(io.swagger.v3.oas.models.media.Content content) {
        return content == null ? null : content.get("application/json");
    }

    /** The first record of a list answer, however the dialect wraps the list. */
    private static JsonNode first(JsonNode list) {
        if (list == null) {
            return null;
        }
        if (list.isArray()) {
            return list.isEmpty() ? null : list.get(0);
        }
        for (var value : list) {
            if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                return value.get(0);
            }
        }
        return null;
    }
}
