package io.timeledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.AccountRecords;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dialects' OpenAPI documents: each is a 3.1 document of its own paths with the credentials
 * they take, and every GET route whose answer has a schema answers, for an account that has one of
 * everything, exactly the fields its schema declares, with the declared types — so the documents
 * cannot drift from the behaviour. (The schemas do not say which fields may be null; a null is
 * taken as any type.)
 */
@ApiTest
class OpenApiTests {

    static final List<String> DIALECTS = List.of("minutedock", "harvest", "paydirt", "expensicat");
    private static final String RECORD_PROPERTY = "openapi.examples.record";
    /** How the documents' examples are made again from real answers, after a change to an answer. */
    private static final String RECORD = "./mvnw test -Dtest=OpenApiTests -D" + RECORD_PROPERTY + "=true";
    private static final Path EXAMPLES = Path.of("src/main/resources/openapi/examples");
    /** What the examples show for the test server's address, the test account's and person's generated names. */
    private static final Map<Pattern, String> EXAMPLE_VALUES = Map.of(
        Pattern.compile("http://(localhost|127\\.0\\.0\\.1):\\d+"), "https://timeledger.example.com",
        Pattern.compile("Account [0-9a-f-]{36}"), "Northwind Studio",
        Pattern.compile("person-[0-9a-f-]{36}@"), "ada@");

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void eachDialectsDocumentDescribesItsOwnRoutesAndItsCredentials() {
        var paths = Map.of("minutedock", "/api/v1/entries", "harvest", "/v2/time_entries", "paydirt", "/v1/jobs",
            "expensicat", "/v1/time-entries");
        for (var dialect : paths.keySet()) {
            var document = document(dialect);
            assertThat(document.get("openapi").stringValue()).startsWith("3.1");
            assertThat(document.get("paths").has(paths.get(dialect))).as(dialect).isTrue();
            for (var other : paths.values()) {
                if (!other.equals(paths.get(dialect))) {
                    assertThat(document.get("paths").has(other)).as(dialect + " has " + other).isFalse();
                }
            }
            assertThat(document.get("components").get("securitySchemes").propertyNames()).contains("token", "apiKey");
            assertThat(document.toString()).as("the caller is the credential's, not a parameter")
                .doesNotContain("\"name\":\"actor\"");
        }
        var harvest = api.anonymous().get("/openapi/harvest.json").json();
        assertThat(harvest.get("paths").get("/v2/time_entries").get("get").get("tags").get(0).stringValue())
            .isEqualTo("Time entries");
        assertThat(api.anonymous().get("/docs").status()).isEqualTo(302);
        assertThat(api.anonymous().get("/swagger-ui/index.html").expect(200).text()).contains("swagger");
    }

    @Test
    void everyDocumentedAnswerOfAGetRouteIsWhatTheRouteAnswersAndItsExampleHasItsFields() throws IOException {
        var ledger = oneOfEverything("Northwind");
        var problems = new ArrayList<String>();
        var checked = new TreeMap<String, Integer>();
        var answers = new TreeMap<String, Map<String, JsonNode>>();
        var drift = new ArrayList<String>();
        for (var dialect : DIALECTS) {
            var document = document(dialect);
            var schemas = document.get("components").get("schemas");
            for (var path : document.get("paths").properties()) {
                var get = path.getValue().get("get");
                var schema = get == null ? null
                    : get.path("responses").path("200").path("content").path("application/json").get("schema");
                if (schema == null || !described(schema)) {
                    continue;
                }
                var filled = AccountRecords.fill(path.getKey(), ledger.ids());
                if (filled == null) {
                    continue;
                }
                var answer = ledger.caller().get(filled);
                if (answer.status() != 200) {
                    problems.add(dialect + " " + filled + " answered " + answer.status());
                    continue;
                }
                checked.merge(dialect, 1, Integer::sum);
                check(dialect + " " + filled, answer.json(), schema, schemas, problems);
                answers.computeIfAbsent(dialect, d -> new TreeMap<>()).put(path.getKey(), answer.json());
                var example = get.path("responses").path("200").path("content").path("application/json").get("example");
                if (example == null && !answer.json().isNull()) {
                    drift.add(dialect + " " + path.getKey() + " has no example (record them: " + RECORD + ")");
                } else if (example != null) {
                    sameFields(dialect + " " + path.getKey() + "'s example", example, answer.json(), drift);
                }
            }
        }
        if (Boolean.getBoolean(RECORD_PROPERTY)) {
            record(answers);
        } else {
            problems.addAll(drift);
        }
        assertThat(checked).as("routes checked per dialect").containsEntry("paydirt", 6).containsEntry("expensicat", 4);
        assertThat(checked.get("minutedock")).isGreaterThanOrEqualTo(23);
        assertThat(checked.get("harvest")).isGreaterThanOrEqualTo(18);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyWriteDocumentsItsBodyAndEveryFieldDocumentedIsOneItsRouteReads() {
        var ledger = oneOfEverything("Written");
        var problems = new ArrayList<String>();
        var checked = new TreeMap<String, Integer>();
        var examples = new TreeMap<String, Integer>();
        for (var dialect : DIALECTS) {
            var document = document(dialect);
            var schemas = document.get("components").get("schemas");
            for (var path : document.get("paths").properties()) {
                var route = AccountRecords.fill(path.getKey(), ledger.ids());
                for (var method : List.of("post", "put", "patch")) {
                    var schema = path.getValue().path(method).path("requestBody").path("content")
                        .path("application/json").get("schema");
                    if (schema != null && !schema.has("$ref")) {
                        problems.add(dialect + " " + method + " " + path.getKey() + " documents no fields of its body");
                    }
                    if (route == null || schema == null || !schema.has("$ref")) {
                        continue;
                    }
                    var fields = resolve(schema, schemas);
                    // {"contact": {…}}: the fields are one level down
                    String wrapper = null;
                    if (fields.get("properties").size() == 1) {
                        var only = fields.get("properties").properties().iterator().next();
                        if (only.getValue().has("$ref")) {
                            wrapper = only.getKey();
                            fields = resolve(only.getValue(), schemas);
                        }
                    }
                    var verb = method.toUpperCase(Locale.ROOT);
                    var where = dialect + " " + verb + " " + route;
                    var example = path.getValue().get(method).path("requestBody").path("content")
                        .path("application/json").get("example");
                    if (example != null) {
                        var shown = wrapper == null ? example : example.get(wrapper);
                        for (var field : shown.propertyNames()) {
                            if (!fields.get("properties").has(field)) {
                                problems.add(where + "'s example shows " + field + ", which is not documented");
                            }
                        }
                        examples.merge(dialect, 1, Integer::sum);
                    }
                    var without = ledger.caller().send(verb, route, body(wrapper, null), "application/json");
                    for (var field : fields.get("properties").propertyNames()) {
                        // a field the route reads refuses an object where it wants a value, or reads it
                        var with = ledger.caller().send(verb, route, body(wrapper, field), "application/json");
                        if (with.status() / 100 != 4 || with.text().equals(without.text())) {
                            problems.add(where + ": " + field + " is documented but not read (" + with.status() + ")");
                        }
                        checked.merge(dialect, 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(checked).as("request fields checked per dialect").containsKeys("minutedock", "harvest", "paydirt",
            "expensicat");
        // all but those of records the account has none of (the dock, items) or with no record (reports)
        assertThat(examples).as("writes with an example, per dialect").containsEntry("paydirt", 7)
            .containsEntry("expensicat", 4);
        assertThat(examples.get("harvest")).isGreaterThanOrEqualTo(15);
        assertThat(examples.get("minutedock")).isGreaterThanOrEqualTo(22);
        assertThat(problems).isEmpty();
    }

    /**
     * The answers as the documents' examples: each dialect's, by path, with example values for
     * this server's address and the generated names.
     */
    private static void record(Map<String, Map<String, JsonNode>> answers) throws IOException {
        var json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.createDirectories(EXAMPLES);
        for (var dialect : answers.entrySet()) {
            var text = json.writeValueAsString(dialect.getValue());
            for (var value : EXAMPLE_VALUES.entrySet()) {
                text = value.getKey().matcher(text).replaceAll(value.getValue());
            }
            Files.writeString(EXAMPLES.resolve(dialect.getKey() + ".json"), text + "\n");
        }
    }

    /**
     * Whether an example has the fields the answer has, at every level (values aside; a list's
     * first item for the list's; where either holds null, anything).
     */
    private static void sameFields(String where, JsonNode example, JsonNode answer, List<String> problems) {
        if (example.isNull() || answer.isNull()) {
            return;
        }
        if (example.isObject() && answer.isObject()) {
            var shown = new TreeSet<>(example.propertyNames());
            var answered = new TreeSet<>(answer.propertyNames());
            if (!shown.equals(answered)) {
                problems.add(where + " shows " + shown + ", the answer has " + answered + " (record them: " + RECORD
                    + ")");
                return;
            }
            for (var field : shown) {
                sameFields(where + "." + field, example.get(field), answer.get(field), problems);
            }
        } else if (example.isArray() && answer.isArray()) {
            if (!example.isEmpty() && !answer.isEmpty()) {
                sameFields(where + "[0]", example.get(0), answer.get(0), problems);
            }
        } else if (example.isContainer() || answer.isContainer()) {
            problems.add(where + " is " + example.getNodeType() + ", the answer " + answer.getNodeType());
        }
    }

    /** An account with one record of every kind the routes name (expenses on), and a caller acting in it. */
    private record Ledger(Map<String, Long> ids, Api.Caller caller) { }

    private Ledger oneOfEverything(String name) {
        var admin = fixtures.anAccount();
        jdbc.sql("UPDATE account SET expenses_enabled = true WHERE id = :id").param("id", admin.account().value())
            .update();
        return new Ledger(AccountRecords.make(api, admin, name),
            api.bearer(admin.token()).header("Harvest-Account-Id", admin.account().toString()));
    }

    private JsonNode document(String dialect) {
        return api.anonymous().get("/openapi/" + dialect + ".json").expect(200).json();
    }

    /** The name of the schema a {@code $ref} points at. */
    private static String named(JsonNode schema) {
        return schema.get("$ref").stringValue().substring("#/components/schemas/".length());
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        return schemas.get(named(schema));
    }

    /** {@code {"<field>": {}}}, nested under {@code wrapper} when there is one; no field: empty. */
    private static String body(String wrapper, String field) {
        var fields = field == null ? "{}" : "{\"" + field + "\": {}}";
        return wrapper == null ? fields : "{\"" + wrapper + "\": " + fields + "}";
    }

    /** Whether a schema says more than "some object": a named schema, a list of them, or its fields. */
    private static boolean described(JsonNode schema) {
        return schema.has("$ref") || schema.path("items").has("$ref") || schema.has("properties");
    }

    private static void check(String where, JsonNode value, JsonNode schema, JsonNode schemas, List<String> problems) {
        if (value.isNull()) {
            return;
        }
        if (schema.has("$ref")) {
            var name = named(schema);
            if (!schemas.has(name)) {
                problems.add(where + ": the document has no schema " + name);
            } else {
                check(where, value, schemas.get(name), schemas, problems);
            }
            return;
        }
        var type = schema.path("type").isString() ? schema.get("type").stringValue() : null;
        if (type == null && schema.has("properties")) {
            type = "object";
        }
        if (type == null) {
            return;
        }
        boolean fits = switch (type) {
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
        if (!fits) {
            problems.add(where + ": " + value + " is not " + type);
            return;
        }
        if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (var item : value) {
                check(where + "[" + i++ + "]", item, schema.get("items"), schemas, problems);
            }
        }
        if (value.isObject() && schema.has("properties")) {
            var declared = schema.get("properties");
            for (var field : value.properties()) {
                if (!declared.has(field.getKey())) {
                    problems.add(where + ": " + field.getKey() + " is not in the document");
                } else {
                    check(where + "." + field.getKey(), field.getValue(), declared.get(field.getKey()), schemas,
                        problems);
                }
            }
        }
    }
}
