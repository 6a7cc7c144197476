package io.timeledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every request body the four OpenAPI documents show as an example, sent again with one field at a
 * time made wrong — missing its value, of another type, out of range, finer than a cent — is answered
 * with a 4xx naming the problem (or accepted): never a 500. Fuzzing found a price of {@code -0.001}
 * failing the server this way; this keeps every field of every example under the same watch.
 */
@ApiTest
class ExamplesMutatedTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What each field is made in turn: absent, empty, of another type, absurd, finer than a cent. */
    private static final List<String> WRONG = List.of("null", "\"\"", "\"abc\"", "-1", "-0.001", "1e300",
        "100000000000000000000", "true", "[]", "{}", "\"9999-12-31\"", "\"2026-02-30\"", "\"25:99\"",
        "\"" + "x".repeat(3000) + "\"");

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    @Test
    void noExampleBodyWithOneFieldMadeWrongFailsTheServer() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token()).header("User-Agent", "Timeledger tests (tests@example.com)");
        var failures = new ArrayList<String>();
        int sent = 0;
        for (var dialect : OpenApiTests.DIALECTS) {
            var document = api.anonymous().get("/openapi/" + dialect + ".json").expect(200).json();
            for (var route : document.get("paths").properties()) {
                for (var operation : route.getValue().properties()) {
                    var method = operation.getKey().toUpperCase(Locale.ROOT);
                    var example = operation.getValue().path("requestBody").path("content")
                        .path("application/json").path("example");
                    if (!List.of("POST", "PUT", "PATCH").contains(method) || !(example.isObject() || example.isArray())) {
                        continue;
                    }
                    // ids in the path name nothing of this account: creates reach the rules, changes a 404
                    var path = route.getKey().replaceAll("\\{[^}]+}", "1");
                    for (var field : leaves(example, "")) {
                        for (var wrong : WRONG) {
                            var body = example.deepCopy();
                            set(body, field, JSON.readTree(wrong));
                            var answer = caller.send(method, path, JSON.writeValueAsString(body), "application/json");
                            sent++;
                            if (answer.status() >= 500) {
                                failures.add(answer.status() + " " + method + " " + path + " " + field + " = "
                                    + (wrong.length() > 20 ? wrong.substring(0, 20) + "…" : wrong));
                            }
                        }
                    }
                }
            }
        }
        assertThat(sent).as("the documents show request bodies").isGreaterThan(500);
        assertThat(failures).isEmpty();
    }

    /** The JSON pointers of the values in {@code node} (a list's first two items). */
    private static List<String> leaves(JsonNode node, String at) {
        var found = new ArrayList<String>();
        if (node.isObject() && !node.isEmpty()) {
            for (var property : node.properties()) {
                found.addAll(leaves(property.getValue(), at + "/" + property.getKey()));
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < Math.min(2, node.size()); i++) {
                found.addAll(leaves(node.get(i), at + "/" + i));
            }
        } else if (!at.isEmpty()) {
            found.add(at);
        }
        return found;
    }

    private static void set(JsonNode root, String pointer, JsonNode value) {
        var parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
        var last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }
}
