package io.timeledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.AccountRecords;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
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
        var ids = AccountRecords.make(api, b, SECRET);
        var caller = api.bearer(a.token()).header("Harvest-Account-Id", a.account().toString());
        var failures = new ArrayList<String>();
        int checked = 0;
        for (var mapping : mappings.getHandlerMethods().keySet()) {
            for (var pattern : mapping.getPatternValues()) {
                if (!pattern.contains("{") || !(pattern.startsWith("/api/") || pattern.startsWith("/v1/")
                        || pattern.startsWith("/v2/"))) {
                    continue;
                }
                var path = AccountRecords.fill(pattern, ids);
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
}
