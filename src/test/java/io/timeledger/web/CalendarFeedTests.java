package io.timeledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.time.CalendarEntry;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.WebSession;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * A person's time in their calendar app: a private address made on the profile page, read by
 * anyone who has it (no sign-in), showing that person's logged time only, as RFC 5545 writes it;
 * a new address or stopping it turns the old one off.
 */
@ApiTest
class CalendarFeedTests {

    static final String PASSWORD = "correct horse battery";

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPersonsTimeIsACalendarAnyAppCanSubscribeTo() throws Exception {
        var me = fixtures.anAccountSigningInWith(PASSWORD);
        var colleague = fixtures.aMember(me.account());
        var caller = api.bearer(me.token());
        var client = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"Acme\"}}").expect(201).json()
            .get("id").stringValue();
        var project = caller.post("/api/v1/projects", "{\"project\": {\"name\": \"Website\", \"contact_id\": \""
            + client + "\"}}").expect(201).json().get("id").stringValue();
        var timed = caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-11-02\", \"duration\": 5400,"
            + " \"project_id\": \"" + project + "\", \"description\": \"Wireframes, v2; final\\nand notes\"}}")
            .expect(201).json().get("id").stringValue();
        jdbc.sql("UPDATE entry SET started_at = '2026-11-02T09:00:00Z', ended_at = '2026-11-02T10:30:00Z'"
            + " WHERE id = :id").param("id", Long.parseLong(timed)).update();
        caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-11-03\", \"duration\": 1800,"
            + " \"description\": \"Inbox\"}}").expect(201);
        api.bearer(colleague.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-11-03\", \"duration\":"
            + " 600, \"description\": \"Not mine\"}}").expect(201);

        var pages = WebSession.signedIn(port, me.email(), PASSWORD);
        assertThat(pages.get("/profile").body()).contains("Make a calendar address");
        var made = pages.post("/profile/calendar", "_csrf", csrf(pages));
        assertThat(made.statusCode()).isEqualTo(302);
        var shown = java.util.regex.Pattern.compile("id=\"calendar-link\">([^<]+)<").matcher(pages.get("/profile").body());
        assertThat(shown.find()).as("the address, shown once").isTrue();
        var address = HtmlUtils.htmlUnescape(shown.group(1));
        assertThat(address).matches("http://localhost:\\d+/calendar/tlcal_[A-Za-z0-9_-]{43}\\.ics");
        assertThat(pages.get("/profile").body()).as("shown once").doesNotContain(address).contains("calendar-on");

        var feed = anonymous(address);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        var ics = feed.body();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n")
            .contains("X-WR-CALNAME:Time in ", "UID:entry-" + timed + "@localhost\r\n",
                "DTSTART:20261102T090000Z\r\nDTEND:20261102T103000Z\r\n",
                "SUMMARY:1:30 Website (Acme): Wireframes\\, v2\\; final\r\n",
                "DESCRIPTION:Wireframes\\, v2\\; final\\nand notes\r\n",
                "DTSTART;VALUE=DATE:20261103\r\nDTEND;VALUE=DATE:20261104\r\n", "SUMMARY:0:30 Inbox\r\n")
            .doesNotContain("Not mine");
        // and as a calendar app reads it: a standard parser (ical4j) finds the two events as they were logged
        var calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(2);
        var byUid = events.stream().collect(java.util.stream.Collectors.toMap(
            event -> event.getProperty(Property.UID).map(Property::getValue).orElseThrow(), event -> event));
        var wireframes = byUid.get("entry-" + timed + "@localhost");
        assertThat(wireframes.getProperty(Property.SUMMARY).map(Property::getValue))
            .contains("1:30 Website (Acme): Wireframes, v2; final");
        assertThat(wireframes.getProperty(Property.DESCRIPTION).map(Property::getValue))
            .contains("Wireframes, v2; final\nand notes");
        assertThat(wireframes.getProperty(Property.DTSTART).map(Property::getValue)).contains("20261102T090000Z");
        assertThat(wireframes.getProperty(Property.DTEND).map(Property::getValue)).contains("20261102T103000Z");

        // a new address turns the old one off, and stopping turns off the new one
        pages.post("/profile/calendar", "_csrf", csrf(pages));
        assertThat(anonymous(address).statusCode()).isEqualTo(404);
        assertThat(pages.post("/profile/calendar/stop", "_csrf", csrf(pages)).statusCode()).isEqualTo(302);
        assertThat(pages.get("/profile").body()).doesNotContain("calendar-on");
        assertThat(anonymous(address.replace(".ics", "x.ics")).statusCode()).isEqualTo(404);
        assertThat(anonymous("http://localhost:" + port + "/calendar/nothing.ics").statusCode()).isEqualTo(404);
    }

    @Test
    void linesAreFoldedAt75OctetsNeverInsideACharacter() {
        var entry = new CalendarEntry(1, LocalDate.of(2026, 11, 2), null, null, 3600, "é".repeat(100) + " ☕".repeat(30),
            null, null, Instant.parse("2026-11-02T10:00:00Z"));
        var ics = ICalendar.of("Time", "example.com", List.of(entry), Instant.now());
        for (var line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        var unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("DESCRIPTION:" + "é".repeat(100) + " ☕".repeat(30) + "\r\n");
    }

    private HttpResponse<String> anonymous(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(WebSession pages) {
        return WebSession.hidden(pages.get("/profile").body(), "_csrf");
    }
}
