package io.timeledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How responses leave the server: whole when they fit the buffer, streamed in full when they don't. */
@ApiTest
class ResponseWritesTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired WebServerApplicationContext context;

    @Test
    void openConnectionsAreCapped() {
        var server = ((JettyWebServer) context.getWebServer()).getServer();

        assertThat(server.getBean(NetworkConnectionLimit.class).getMaxNetworkConnectionCount()).isEqualTo(1000);
    }

    @Test
    void aPageThatFitsTheBufferIsWrittenWholeWithItsLength() {
        var admin = fixtures.anAccount();
        logEntries(admin, 100);

        var page = api.bearer(admin.token()).get("/v1/time-entries?limit=100").expect(200);

        int bytes = page.text().getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as("a page of 100 entries is tens of kilobytes").isBetween(32 * 1024, ResponseWrites.BUFFER_BYTES);
        assertThat(page.header("Content-Length")).isEqualTo(Integer.toString(bytes));
        assertThat(page.header("Transfer-Encoding")).isNull();
        assertThat(page.json().get("data").size()).isEqualTo(100);
    }

    @Test
    void aResponseLargerThanTheBufferIsStreamedAndArrivesWhole() {
        var admin = fixtures.anAccount();
        logEntries(admin, 400);

        var list = api.bearer(admin.token()).get("/v2/time_entries?per_page=2000").expect(200);

        assertThat(list.text().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(ResponseWrites.BUFFER_BYTES);
        assertThat(list.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
        var entries = list.json().get("time_entries");
        assertThat(entries.size()).isEqualTo(400);
        assertThat(entries.get(399).get("notes").stringValue()).startsWith("entry ");
    }

    @Test
    void aRefusalBeforeTheBodyWasReadArrivesWholeAndTheConnectionServesTheNextRequest() {
        var caller = api.bearer(fixtures.anAccount().token());
        var large = "{\"name\": \"" + "x".repeat(1_500_000) + "\"}";

        for (int i = 0; i < 20; i++) {
            // "abc" is no contact's id: refused before the body is wanted
            var refused = caller.send("PATCH", "/api/v1/contacts/abc", large, "application/json");
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.text()).startsWith("{\"error\"");
            caller.get("/api/v1/contacts").expect(200);
        }
    }

    /** {@code count} half-hour entries of the person, each with a description of some length. */
    private void logEntries(Person person, int count) {
        jdbc.sql("""
                INSERT INTO entry (account_id, membership_id, description, spent_on, duration_s, logged, logged_at,
                                   billable, billing_rate)
                SELECT :account, :membership, 'entry ' || g || ': ' || repeat('design review ', 8),
                       DATE '2026-01-01' + g % 28, 1800, true, now(), true, 120
                  FROM generate_series(1, :count) g
                """)
            .param("account", person.account().value())
            .param("membership", person.membershipId())
            .param("count", count)
            .update();
    }
}
