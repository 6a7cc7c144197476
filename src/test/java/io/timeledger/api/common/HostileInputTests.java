package io.timeledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of every dialect, taken from the registered handler mappings so that a new
 * route cannot be forgotten, fed malformed ids, bodies and parameters: each answer is a 4xx
 * (or a 2xx where the input happens to be acceptable), never a 5xx. An id of {@code %00} never
 * reaches a route (Jetty cannot read such a request line): MalformedRequestTests has it.
 */
@ApiTest
class HostileInputTests {

    private static final List<String> IDS = List.of("abc", "-1", "0", "99999999999999999999", "1.5", "current");
    private static final List<String> BODIES = List.of("{", "[]", "null", "\"text\"", "42", "{\"a\": {\"b\": [1, {}]}}",
        "{\"name\": 12, \"id\": [], \"date\": {}, \"duration\": \"x\", \"hours\": -1e400, \"project_id\": true,"
            + " \"task_ids\": \"a,b\", \"start_time\": 5, \"price_type\": 99, \"group_by\": 7, \"contact_id\": -3}",
        "{\"entry\": {\"duration\": 9223372036854775807, \"date\": \"2024-13-45\"}}",
        "{\"name\": \"" + "x".repeat(100_000) + "\"}",
        "{\"name\": \"'; DROP TABLE entry; --\", \"description\": \"\\u0000\", \"short_code\": \"a' OR '1'='1\"}",
        "{\"name\": \"\", \"date\": \"\", \"project_id\": \"\", \"user_id\": \"\", \"status\": \"nope\"}");
    private static final List<String> QUERIES = List.of("?limit=-5&offset=x&from=bad&to=2024-02-30&since=never"
        + "&page=0&per_page=99999&cursor=%25%25&user_id=me&is_running=maybe&contacts=a&group_by=x",
        "?user_accounts=all&contacts[]=1&projects=1,2,x&limit=1000000000000");

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void noRouteAnswersAServerErrorToHostileInput() {
        var admin = fixtures.anAccount();
        jdbc.sql("UPDATE account SET expenses_enabled = true WHERE id = :id").param("id", admin.account().value())
            .update();
        var caller = api.bearer(admin.token()).header("Harvest-Account-Id", admin.account().toString());
        var failures = new ArrayList<String>();
        int requests = 0;
        for (var mapping : mappings.getHandlerMethods().keySet()) {
            var methods = mapping.getMethodsCondition().getMethods();
            for (var pattern : mapping.getPatternValues()) {
                if (!pattern.startsWith("/api/") && !pattern.startsWith("/v1/") && !pattern.startsWith("/v2/")) {
                    continue;
                }
                for (var method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    for (var id : IDS) {
                        var path = pattern.replaceAll("\\{[^}]+}", id);
                        for (var query : QUERIES) {
                            requests++;
                            check(failures, caller.send(method.name(), path + query, null, null), method, path + query);
                        }
                        if (method != RequestMethod.GET && method != RequestMethod.DELETE) {
                            for (var body : BODIES) {
                                requests++;
                                check(failures, caller.send(method.name(), path, body, "application/json"), method,
                                    path + " " + body.substring(0, Math.min(60, body.length())));
                            }
                            requests++;
                            check(failures, caller.send(method.name(), path, "a[b]=c&name=&hours=x",
                                "application/x-www-form-urlencoded"), method, path + " (form)");
                            requests++;
                            check(failures, caller.send(method.name(), path, "<xml/>", "text/xml"), method,
                                path + " (xml)");
                        }
                    }
                }
            }
        }

        assertThat(requests).isGreaterThan(1000);
        assertThat(failures).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM entry").query(Long.class).single()).isNotNull();
    }

    private static void check(List<String> failures, Response response, RequestMethod method,
                              String target) {
        if (response.status() >= 500) {
            failures.add(response.status() + " " + method + " " + target + " -> " + response.text());
        }
    }
}
