package io.timeledger.api.minutedock;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/changes}: the change feed page by page for clients that poll — in order, each
 * change once, a member's own only, a cursor that picks up where the last page ended, and a 410
 * for a cursor whose changes are no longer kept.
 */
@ApiTest
class MinuteDockChangesTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void aPollerReadsEveryChangeOnceInOrderPageByPage() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        var made = new ArrayList<Long>();
        for (var person : List.of(admin, member, admin, member, admin)) {
            made.add(entry(person, "Work"));
        }

        var seen = new ArrayList<Long>();
        var numbers = new ArrayList<Long>();
        var page = changes(admin, "?limit=2");
        assertThat(page.get("changes")).hasSize(2);
        while (true) {
            for (var change : page.get("changes")) {
                assertThat(change.get("kind").stringValue()).isEqualTo("entry.created");
                seen.add(change.get("entry_id").asLong());
                numbers.add(change.get("id").asLong());
            }
            if (!page.get("has_more").booleanValue()) {
                break;
            }
            page = changes(admin, "?limit=2&after=" + page.get("cursor").stringValue());
        }
        assertThat(seen).containsExactlyElementsOf(made);
        assertThat(numbers).isSorted().doesNotHaveDuplicates();

        // caught up: nothing new, the same cursor; then the next change and only it
        var cursor = page.get("cursor").stringValue();
        var idle = changes(admin, "?after=" + cursor);
        assertThat(idle.get("changes")).isEmpty();
        assertThat(idle.get("cursor").stringValue()).isEqualTo(cursor);
        long next = entry(member, "Later");
        var fresh = changes(admin, "?after=" + cursor).get("changes");
        assertThat(fresh).hasSize(1);
        assertThat(fresh.get(0).get("entry_id").asLong()).isEqualTo(next);
        assertThat(fresh.get(0).get("person_id").asLong()).isEqualTo(member.membershipId());

        // a member sees their own time only; anyone may ask for only theirs
        var own = changes(member, "");
        assertThat(own.get("changes")).extracting(c -> c.get("person_id").asLong())
            .containsOnly(member.membershipId()).hasSize(3);
        assertThat(changes(admin, "?only=mine").get("changes")).extracting(c -> c.get("person_id").asLong())
            .containsOnly(admin.membershipId()).hasSize(3);
    }

    @Test
    void aCursorIsTheApisOwnAndOneOlderThanWhatIsKeptIsGone() {
        var admin = fixtures.anAccount();
        entry(admin, "First");
        var first = changes(admin, "?limit=1").get("cursor").stringValue();
        entry(admin, "Second");
        entry(admin, "Third");

        var caller = api.bearer(admin.token());
        assertThat(caller.get("/api/v1/changes?after=nonsense").expect(422).text()).contains("after");
        assertThat(caller.get("/api/v1/changes?limit=0").expect(422).text()).contains("limit");
        assertThat(caller.get("/api/v1/changes?only=theirs").expect(422).text()).contains("only");
        // what pruning does after the retention (timeledger.changes.keep, 90 days by default)
        jdbc.sql("DELETE FROM change_log WHERE account_id = :account AND seq <= 2")
            .param("account", admin.account().value()).update();
        assertThat(caller.get("/api/v1/changes?after=" + first).expect(410).text()).contains("no longer kept");
        var restart = changes(admin, "");
        assertThat(restart.get("changes")).hasSize(1);
        assertThat(restart.get("changes").get(0).get("id").asLong()).isEqualTo(3);
    }

    @Test
    void anAccountWithNothingKeptAnswersAnEmptyPageAndItsCursorFollowsOn() {
        var admin = fixtures.anAccount();
        var empty = changes(admin, "");
        assertThat(empty.get("changes")).isEmpty();
        assertThat(empty.get("has_more").booleanValue()).isFalse();

        long made = entry(admin, "After the quiet");
        var next = changes(admin, "?after=" + empty.get("cursor").stringValue()).get("changes");
        assertThat(next).extracting(c -> c.get("entry_id").asLong()).containsExactly(made);

        // every change pruned, as on an account restored from an archive (the log is not carried)
        var caughtUp = changes(admin, "?after=" + empty.get("cursor").stringValue()).get("cursor").stringValue();
        jdbc.sql("DELETE FROM change_log WHERE account_id = :account").param("account", admin.account().value()).update();
        assertThat(changes(admin, "").get("changes")).isEmpty();
        assertThat(changes(admin, "?after=" + caughtUp).get("changes")).isEmpty();
    }

    @Test
    void invoicesAreFollowedByThoseWhoSeeEveryonesTimeNotByMembers() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        var caller = api.bearer(admin.token());
        var contact = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"Billed\","
            + " \"default_rate_dollars\": \"80.00\"}}").expect(201).json().get("id").stringValue();
        caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-11-02\", \"duration\": 3600,"
            + " \"contact_id\": \"" + contact + "\"}}").expect(201);
        var invoice = caller.post("/api/v1/invoices", "{\"invoice\": {\"contact_id\": \"" + contact
            + "\", \"from\": \"2026-11-01\", \"to\": \"2026-11-30\"}}").expect(201).json().get("id").stringValue();
        caller.put("/api/v1/invoices/" + invoice, "{\"invoice\": {\"status\": \"sent\"}}").expect(200);

        var seen = new ArrayList<JsonNode>();
        changes(admin, "").get("changes").forEach(change -> {
            if (change.get("kind").stringValue().startsWith("invoice.")) {
                seen.add(change);
            }
        });
        assertThat(seen).extracting(c -> c.get("kind").stringValue()).containsExactly("invoice.drafted", "invoice.sent");
        assertThat(seen.get(0).get("invoice_id").asLong()).isEqualTo(Long.parseLong(invoice));
        assertThat(seen.get(0).get("person_id").asLong()).isZero();
        assertThat(changes(member, "").get("changes")).isEmpty();
    }

    @Test
    void theCatalogIsFollowedByThoseWhoSeeEveryonesTimeNotByMembers() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        var caller = api.bearer(admin.token());
        var contact = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"Catalogued\"}}").expect(201)
            .json().get("id").stringValue();
        var project = caller.post("/api/v1/projects", "{\"project\": {\"name\": \"Site\", \"contact_id\": \""
            + contact + "\"}}").expect(201).json().get("id").stringValue();
        caller.put("/api/v1/projects/" + project, "{\"project\": {\"name\": \"Website\"}}").expect(200);
        var task = caller.post("/api/v1/tasks", "{\"task\": {\"name\": \"design\"}}").expect(201)
            .json().get("id").stringValue();
        caller.delete("/api/v1/tasks/" + task).expect(200);
        // deleting a contact deletes its projects
        caller.delete("/api/v1/contacts/" + contact).expect(200);

        var seen = new ArrayList<String>();
        changes(admin, "").get("changes").forEach(change -> {
            var kind = change.get("kind").stringValue();
            var type = kind.substring(0, kind.indexOf('.'));
            seen.add(kind + " " + change.get(type + "_id").asLong());
            assertThat(change.get("person_id").asLong()).isZero();
        });
        assertThat(seen).containsExactly("contact.changed " + contact, "project.changed " + project,
            "project.changed " + project, "task.changed " + task, "task.deleted " + task,
            "contact.deleted " + contact, "project.deleted " + project);
        assertThat(changes(member, "").get("changes")).isEmpty();
    }

    private long entry(Person person, String description) {
        var id = api.bearer(person.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-11-02\","
            + " \"duration\": 600, \"description\": \"" + description + "\"}}").expect(201).json().get("id");
        return id.isString() ? Long.parseLong(id.stringValue()) : id.asLong();
    }

    private JsonNode changes(Person person, String query) {
        return api.bearer(person.token()).get("/api/v1/changes" + query).expect(200).json();
    }
}
