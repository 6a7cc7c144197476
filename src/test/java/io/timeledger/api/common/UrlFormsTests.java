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
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of every dialect, from the registered handler mappings, answers with a trailing
 * slash, and under {@code /api/v1/} with MinuteDock's {@code .json} suffix, as it answers its
 * canonical path.
 */
@ApiTest
class UrlFormsTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyRouteAnswersWithATrailingSlashAndMinuteDocksWithDotJson() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token()).header("Harvest-Account-Id", admin.account().toString());
        var failures = new ArrayList<String>();
        int routes = 0;
        for (var mapping : mappings.getHandlerMethods().keySet()) {
            var methods = mapping.getMethodsCondition().getMethods();
            for (var pattern : mapping.getPatternValues()) {
                if (!pattern.startsWith("/api/") && !pattern.startsWith("/v1/") && !pattern.startsWith("/v2/")) {
                    continue;
                }
                var path = pattern.replaceAll("\\{[^}]+}", "999999999");
                var forms = new ArrayList<>(List.of(path + "/"));
                if (path.startsWith("/api/v1/")) {
                    forms.add(path + ".json");
                }
                for (var method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    routes++;
                    var body = method == RequestMethod.GET || method == RequestMethod.DELETE ? null : "{}";
                    var canonical = send(caller, method, path, body);
                    for (var form : forms) {
                        var answer = send(caller, method, form, body);
                        boolean routed = answer.status() != 405 && !answer.text().contains("No such endpoint");
                        // reads change nothing, so they must answer alike; a write may differ the second time
                        boolean same = method != RequestMethod.GET || answer.status() == canonical.status();
                        if (!routed || !same) {
                            failures.add(method + " " + form + " answered " + answer.status() + " where " + path
                                + " answered " + canonical.status() + ": " + answer.text());
                        }
                    }
                }
            }
        }

        assertThat(routes).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    @Test
    void theSuffixedAndSlashedFormsReturnWhatTheCanonicalOneDoes() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token()).header("Harvest-Account-Id", admin.account().toString());
        caller.post("/api/v1/contacts.json", "{\"contact\": {\"name\": \"Suffixed\"}}").expect(201);
        caller.post("/v2/clients/", "{\"name\": \"Slashed\"}").expect(201);

        var canonical = caller.get("/api/v1/contacts").expect(200).json();

        assertThat(canonical).hasSize(2);
        assertThat(caller.get("/api/v1/contacts.json").expect(200).json()).isEqualTo(canonical);
        assertThat(caller.get("/api/v1/contacts/").expect(200).json()).isEqualTo(canonical);
        assertThat(caller.get("/v2/clients/?page=1").expect(200).json().get("clients")).hasSize(2);
        // the suffix is MinuteDock's alone, and only a suffix
        caller.get("/v2/clients.json").expect(404);
        caller.get("/api/v1/contacts.jsonx").expect(404);
    }

    private static Response send(Api.Caller caller, RequestMethod method, String path, String body) {
        return caller.send(method.name(), path, body, body == null ? null : "application/json");
    }
}
