package io.timeledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.AccountRecords;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

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
    void everyDocumentedAnswerOfAGetRouteIsWhatTheRouteAnswers() {
        var ledger = oneOfEverything("Described");
        var problems = new ArrayList<String>();
        var checked = new TreeMap<String, Integer>();
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
            }
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
        assertThat(problems).isEmpty();
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
