package io.timeledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tenant isolation, route by route: every registered route that names a record is called by
 * account A's administrator with the ids of account B's records. None may succeed, none may
 * show B's data, and a record id answers 404 — exactly as if it did not exist.
 */
@ApiTest
class IsolationMatrixTests {

    private static final String SECRET = "ZZ-account-B-only";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void noRouteReachesAnotherAccountsRecords() {
        var a = fixtures.anAccount("Account A");
        var b = fixtures.anAccount("Account B");
        for (var person : List.of(a, b)) {
            jdbc.sql("UPDATE account SET expenses_enabled = true WHERE id = :id").param("id", person.account().value())
                .update();
        }
        var ids = recordsOf(b);
        var caller = api.bearer(a.token()).header("Harvest-Account-Id", a.account().toString());
        var failures = new ArrayList<String>();
        int checked = 0;
        for (var mapping : mappings.getHandlerMethods().keySet()) {
            for (var pattern : mapping.getPatternValues()) {
                if (!pattern.contains("{") || !(pattern.startsWith("/api/") || pattern.startsWith("/v1/")
                        || pattern.startsWith("/v2/"))) {
                    continue;
                }
                var path = substitute(pattern, ids);
                if (path == null) {
                    failures.add("no record of B for " + pattern);
                    continue;
                }
                for (var method : mapping.getMethodsCondition().getMethods()) {
                    var body = method == RequestMethod.GET || method == RequestMethod.DELETE ? null
                        : "{\"name\": \"x\", \"description\": \"x\", \"notes\": \"x\"}";
                    var response = caller.send(method.name(), path, body, body == null ? null : "application/json");
                    checked++;
                    if (response.status() != 404 || response.text().contains(SECRET)) {
                        failures.add(response.status() + " " + method + " " + path + " -> " + response.text());
                    }
                }
            }
        }

        assertThat(checked).isGreaterThan(40);
        assertThat(failures).isEmpty();
        // and B's records are all still there, unchanged
        assertThat(api.bearer(b.token()).get("/api/v1/contacts/" + ids.get("contacts")).expect(200).text())
            .contains(SECRET);
    }

    /** The route with each variable replaced by the id of B's record of the kind the path names. */
    private static String substitute(String pattern, Map<String, Long> ids) {
        var matcher = VARIABLE.matcher(pattern);
        var result = new StringBuilder();
        while (matcher.find()) {
            var before = pattern.substring(0, matcher.start());
            var segments = before.split("/");
            var collection = segments[segments.length - 1];
            var id = ids.get(collection);
            if (id == null) {
                return null;
            }
            matcher.appendReplacement(result, Long.toString(id));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** One record of each kind in account B, its names marked so a leak would show. */
    private Map<String, Long> recordsOf(Person b) {
        var caller = api.bearer(b.token());
        var ids = new HashMap<String, Long>();
        long contact = id(caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"" + SECRET + "\"}}"));
        long project = id(caller.post("/api/v1/projects", "{\"project\": {\"name\": \"" + SECRET + "\", "
            + "\"contact_id\": \"" + contact + "\"}}"));
        long task = id(caller.post("/api/v1/tasks", "{\"task\": {\"name\": \"" + SECRET + "\"}}"));
        long entry = id(caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2024-01-01\", \"duration\": 60, "
            + "\"description\": \"" + SECRET + "\", \"project_id\": \"" + project + "\"}}"));
        long item = id(caller.post("/api/v1/items", "{\"item\": {\"name\": \"" + SECRET + "\"}}"));
        long expense = id(caller.post("/api/v1/expenses", "{\"expense\": {\"description\": \"" + SECRET + "\", "
            + "\"rate_cents\": 100, \"date\": \"2024-01-01\"}}"));
        long invoice = id(caller.post("/api/v1/invoices", "{\"invoice\": {\"contact_id\": \"" + contact + "\", "
            + "\"reference\": \"" + SECRET + "\"}}"));
        long job = api.bearer(b.token()).post("/v1/jobs", "{\"project_id\": " + project + ", \"name\": \"" + SECRET
            + "\", \"price_type\": 0, \"price\": 1}").expect(201).json().get("job").get("id").longValue();
        var harvest = api.bearer(b.token());
        long taskAssignment = harvest.post("/v2/projects/" + project + "/task_assignments", "{\"task_id\": " + task
            + "}").expect(201).json().get("id").longValue();
        long userAssignment = harvest.post("/v2/projects/" + project + "/user_assignments", "{\"user_id\": "
            + b.membershipId() + "}").expect(201).json().get("id").longValue();
        long report = harvest.post("/api/v1/reports", "{\"report\": {\"name\": \"" + SECRET + "\"}}")
            .expect(201).json().get("id").longValue();
        ids.put("contacts", contact);
        ids.put("clients", contact);
        ids.put("projects", project);
        ids.put("tasks", task);
        ids.put("entries", entry);
        ids.put("time_entries", entry);
        ids.put("time-entries", entry);
        ids.put("time", entry);
        ids.put("items", item);
        ids.put("expenses", expense);
        ids.put("invoices", invoice);
        ids.put("jobs", job);
        ids.put("task_assignments", taskAssignment);
        ids.put("user_assignments", userAssignment);
        ids.put("reports", report);
        ids.put("users", b.membershipId());
        return ids;
    }

    private static long id(Response response) {
        var node = response.expect(201).json().get("id");
        return node.isString() ? Long.parseLong(node.stringValue()) : node.longValue();
    }
}
