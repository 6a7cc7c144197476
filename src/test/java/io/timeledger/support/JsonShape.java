package io.timeledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Compares a response with a vendor document's example: the same field names, JSON types and nesting. */
public final class JsonShape {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonShape() { }

    public static void assertSameShape(String documentExample, JsonNode actual) {
        var problems = new ArrayList<String>();
        compare("$", JSON.readTree(documentExample), actual, problems);
        assertThat(problems).as("differences from the document's example in %s", actual).isEmpty();
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> problems) {
        if (actual == null) {
            problems.add(path + " is missing");
            return;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            problems.add(path + " is " + actual.getNodeType() + ", the document shows " + expected.getNodeType());
            return;
        }
        if (expected.isObject()) {
            for (var name : expected.propertyNames()) {
                compare(path + "." + name, expected.get(name), actual.get(name), problems);
            }
            for (var name : actual.propertyNames()) {
                if (!expected.has(name)) {
                    problems.add(path + "." + name + " is not in the document");
                }
            }
        } else if (expected.isArray() && !expected.isEmpty() && !actual.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                compare(path + "[" + i + "]", expected.get(0), actual.get(i), problems);
            }
        }
    }
}
