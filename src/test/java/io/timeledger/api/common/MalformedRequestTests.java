package io.timeledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.RawHttp;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests malformed below the level of any one route — too many parameters, an unreadable
 * Content-Type, a NUL in a filter, a URL the firewall or Jetty refuses, a method nobody serves —
 * answer a 4xx in the shape of the dialect their path names (a page for a page), log one line and
 * no stack trace, and store nothing. Sent over a raw socket, so nothing between us and the server
 * tidies them.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestTests {

    /** Where each dialect's error body puts its message, as a fragment of its JSON. */
    static final Map<String, String> SHAPES = Map.of(
        "/api/v1/contacts", "{\"error", "/v2/clients", "{\"message\"", "/v1/jobs", "{\"errors\":[",
        "/v1/time-entries", "{\"error\":{\"code\"");

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @Test
    void moreThanAThousandParametersAreRefusedEverywhere(CapturedOutput output) {
        var admin = fixtures.anAccount();
        var many = IntStream.range(0, 1100).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));

        for (var shape : SHAPES.entrySet()) {
            var answer = send("GET " + shape.getKey() + "?" + many, admin, Map.of(), null);
            assertThat(answer.status()).as(shape.getKey()).isEqualTo(400);
            assertThat(answer.body()).as(shape.getKey()).startsWith(shape.getValue()).contains("1,000");
        }
        assertThat(send("GET /actuator/health?" + many, null, Map.of(), null).status()).isEqualTo(400);
        var page = send("POST /login", null, Map.of("Content-Type", "application/x-www-form-urlencoded"), many);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("<!DOCTYPE html>").contains("1,000");
        assertThat(output.getOut()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aFormIsReadUpToOneMegabyte() {
        var admin = fixtures.anAccount();
        var form = Map.of("Content-Type", "application/x-www-form-urlencoded");

        // larger than Jetty's own default (200 KB), within ours: read, and its name found too long
        var large = send("POST /v2/clients", admin, form, "name=" + "x".repeat(300_000));
        assertThat(large.status()).isEqualTo(422);
        assertThat(large.body()).startsWith("{\"message\"").contains("Name is too long");
        var tooLarge = send("POST /v2/clients", admin, form, "name=" + "x".repeat(1_500_000));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).startsWith("{\"message\"").contains("1 MB");
    }

    @Test
    void anUnreadableContentTypeIsUnsupportedMediaAndStoresNothing(CapturedOutput output) {
        var admin = fixtures.anAccount();
        for (var type : List.of("foo", "application/json; charset=utf-99", "application/")) {
            for (var shape : SHAPES.entrySet()) {
                var answer = send("POST " + shape.getKey(), admin, Map.of("Content-Type", type),
                    "{\"name\": \"Stored?\", \"project_id\": 1, \"contact\": {\"name\": \"Stored?\"}}");
                assertThat(answer.status()).as(type + " " + shape.getKey()).isEqualTo(415);
                assertThat(answer.body()).as(type + " " + shape.getKey()).startsWith(shape.getValue())
                    .contains("Content-Type");
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE account_id = :a")
            .param("a", admin.account().value()).query(Long.class).single()).isZero();
        assertThat(output.getOut()).doesNotContain("\tat ");
    }

    @Test
    void aNulInAFilterNamesTheFilter() {
        var admin = fixtures.anAccount();
        for (var path : List.of("/api/v1/entries?q=%00", "/v2/clients?q=a%00b", "/v1/jobs?q=%00",
                "/v1/time-entries?q=%00", "/api/v1/contacts?name%00=x")) {
            var answer = send("GET " + path, admin, Map.of(), null);
            assertThat(answer.status()).as(path).isEqualTo(422);
            assertThat(answer.body()).as(path).containsAnyOf("\"q\"", "Q contains", "q contains", "name\\\\u0000");
        }
    }

    @Test
    void urlsTheFirewallOrJettyRefuseAnswerInTheDialectsShape(CapturedOutput output) {
        var admin = fixtures.anAccount();
        for (var path : List.of("/api//v1/contacts", "/v2//clients", "/api/v1/contacts/..;/users/me",
                "/v2/clients/%2F1", "/v1/jobs/%2e%2e/time", "/v1/time-entries/%2e%2e")) {
            var answer = send("GET " + path, admin, Map.of(), null);
            assertThat(answer.status()).as(path).isEqualTo(400);
            var shape = SHAPES.entrySet().stream().filter(s -> path.startsWith(s.getKey().substring(0, 4)))
                .findFirst().orElseThrow().getValue();
            assertThat(answer.body()).as(path).startsWith(shape.substring(0, 3));
            assertThat(answer.body()).as(path).doesNotContain("timestamp").doesNotContain("Jetty");
        }
        var longUrl = send("GET /v2/clients?x=" + "a".repeat(70_000), admin, Map.of(), null);
        assertThat(longUrl.status()).isEqualTo(414);
        assertThat(longUrl.body()).contains("The URL is longer than the server reads").doesNotContain("Jetty");
        var longHeader = send("GET /v2/clients", admin, Map.of("X-Padding", "a".repeat(70_000)), null);
        assertThat(longHeader.status()).isEqualTo(431);
        assertThat(longHeader.headers()).contains("connection: close");
        assertThat(longHeader.body()).startsWith("{\"message\"").doesNotContain("Jetty");
        var trace = send("TRACE /v2/clients", admin, Map.of(), null);
        assertThat(trace.status()).isEqualTo(405);
        assertThat(trace.body()).startsWith("{\"message\"");
        // a NUL in the path: Jetty cannot read the request line, so its path is unknown and the page answers
        var nul = send("PATCH /v2/users/%00", admin, Map.of("Content-Type", "application/json"), "{}");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.headers()).contains("connection: close");
        assertThat(nul.body()).contains("could not be read").doesNotContain("Jetty");
        var page = send("GET /login//x", null, Map.of(), null);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("<!DOCTYPE html>").doesNotContain("Whitelabel");
        assertThat(output.getOut()).doesNotContain("\tat ");
    }

    @Test
    void expenseAndInvoiceDatesStayWithinTheDaysEntriesTake() {
        var admin = fixtures.anAccount();
        jdbc.sql("UPDATE account SET expenses_enabled = true WHERE id = :id").param("id", admin.account().value())
            .update();
        var caller = api.bearer(admin.token());
        for (var date : List.of("+999999999-12-31", "-999999999-01-01", "0001-01-01", "3000-01-01", "1899-12-31")) {
            var expense = caller.post("/api/v1/expenses", "{\"expense\": {\"description\": \"Far\", "
                + "\"rate_cents\": 100, \"date\": \"" + date + "\"}}");
            assertThat(expense.status()).as(date).isEqualTo(422);
            assertThat(expense.text()).as(date).contains("date");
        }
        long contact = Long.parseLong(caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"Far Ltd\"}}")
            .expect(201).json().get("id").stringValue());
        caller.post("/api/v1/invoices", "{\"invoice\": {\"contact_id\": \"" + contact + "\", "
            + "\"due_date\": \"+999999999-12-31\"}}").expect(422);
        assertThat(jdbc.sql("SELECT count(*) FROM expense WHERE account_id = :a")
            .param("a", admin.account().value()).query(Long.class).single()).isZero();
        caller.post("/api/v1/expenses", "{\"expense\": {\"description\": \"Near\", \"rate_cents\": 100, "
            + "\"date\": \"2999-12-31\"}}").expect(201);
    }

    private RawHttp.Answer send(String requestLine, Person caller, Map<String, String> headers, String body) {
        return RawHttp.send(port, requestLine, caller == null ? null : caller.token(), headers, body);
    }
}
