package io.timeledger.api.common;

import static io.timeledger.support.AccountRecords.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.AccountRecords;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.Fixtures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Invoiced time is locked from every side: every registered route of the four dialects that
 * changes or deletes a record an invoiced entry hangs on — its contact, project, task, job,
 * assignments, its invoice, the entry itself — is called by an administrator on a fresh ledger
 * whose entries are on a sent invoice. Whatever each route answers (a catalog record may well be
 * renamed or archived), no locked entry changes in any column or loses a task, every dialect still
 * shows it, and a route aimed at the entry itself is refused.
 */
@ApiTest
class LockedTimeMatrixTests {

    private static final Set<String> ENTRY_KINDS = Set.of("entries", "time_entries", "time-entries", "time");
    /** Every field a route of one dialect or another might take to change its record. */
    private static final String CHANGES = """
        {"name": "Changed", "notes": "Changed", "description": "Changed", "hours": 9, "duration": 999,
         "spent_date": "2024-01-02", "date": "2024-01-02", "billable": false, "is_billable": false,
         "hourly_rate": 1, "default_hourly_rate": 1, "default_rate_dollars": "1.00", "price": 1,
         "task_ids": [], "task_id": null, "project_id": null, "contact_id": null, "is_active": false,
         "active": false, "timer_active": true, "status": "draft", "logged": false}""";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void noRouteChangesTimeOnASentInvoice() {
        var failures = new ArrayList<String>();
        int checked = 0;
        for (var mapping : mappings.getHandlerMethods().keySet()) {
            for (var pattern : mapping.getPatternValues()) {
                if (!pattern.contains("{") || !(pattern.startsWith("/api/") || pattern.startsWith("/v1/")
                        || pattern.startsWith("/v2/"))) {
                    continue;
                }
                for (var method : mapping.getMethodsCondition().getMethods()) {
                    if (method == RequestMethod.GET || method == RequestMethod.HEAD) {
                        continue;
                    }
                    var ledger = lockedLedger();
                    var path = AccountRecords.fill(pattern, ledger.ids());
                    if (path == null) {
                        continue;
                    }
                    var before = snapshot(ledger);
                    var body = method == RequestMethod.DELETE ? null : CHANGES;
                    var response = api.bearer(ledger.admin().token())
                        .send(method.name(), path, body, body == null ? null : "application/json");
                    checked++;
                    var call = method + " " + path + " -> " + response.status() + " " + response.text();
                    if (response.status() >= 500) {
                        failures.add("failed: " + call);
                    }
                    if (aimsAtTheEntry(pattern) && response.status() < 400) {
                        failures.add("not refused: " + call);
                    }
                    if (!snapshot(ledger).equals(before)) {
                        failures.add("changed locked time: " + call);
                    }
                    for (long entry : ledger.entries()) {
                        for (var read : List.of("/api/v1/entries/", "/v2/time_entries/", "/v1/time-entries/",
                                "/api/v1/time/")) {
                            if (api.bearer(ledger.admin().token()).get(read + entry).status() != 200) {
                                failures.add("lost from " + read + " after " + call);
                            }
                        }
                    }
                }
            }
        }

        assertThat(checked).as("routes tried").isGreaterThan(25);
        assertThat(failures).isEmpty();
    }

    @Test
    void aTaskOnInvoicedTimeCannotBeDeletedAndSaysWhy() {
        var ledger = lockedLedger();
        var caller = api.bearer(ledger.admin().token());
        var task = ledger.ids().get("tasks");

        var minuteDock = caller.delete("/api/v1/tasks/" + task).expect(422).text();
        var harvest = caller.delete("/v2/tasks/" + task).expect(422).json();

        assertThat(minuteDock).contains("invoiced");
        assertThat(harvest.get("message").stringValue()).isNotBlank();
        caller.get("/api/v1/tasks/" + task).expect(200);
        // once the task is on no locked time it goes, and only then
        var free = caller.post("/api/v1/tasks", "{\"task\": {\"name\": \"Unused\"}}").expect(201).json();
        caller.delete("/api/v1/tasks/" + free.get("id").stringValue()).expect(200);
    }

    private record Ledger(Person admin, Map<String, Long> ids, List<Long> entries) { }

    /** A contact, project, task, job and assignments, with two entries on them billed on a sent invoice. */
    private Ledger lockedLedger() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token());
        long contact = id(caller.post("/api/v1/contacts",
            "{\"contact\": {\"name\": \"Locked Ltd\", \"default_rate_dollars\": \"100.00\"}}"));
        long project = id(caller.post("/api/v1/projects",
            "{\"project\": {\"name\": \"Website\", \"contact_id\": \"" + contact + "\"}}"));
        long task = id(caller.post("/api/v1/tasks", "{\"task\": {\"name\": \"Design\"}}"));
        long taskAssignment = id(caller.post("/v2/projects/" + project + "/task_assignments",
            "{\"task_id\": " + task + "}"));
        long userAssignment = id(caller.post("/v2/projects/" + project + "/user_assignments",
            "{\"user_id\": " + admin.membershipId() + "}"));
        long job = caller.post("/v1/jobs", "{\"project_id\": " + project + ", \"name\": \"Build\", "
            + "\"price_type\": 0, \"price\": 85}").expect(201).json().get("job").get("id").longValue();
        long tracked = id(caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2024-03-04\", \"duration\": 3600, "
            + "\"description\": \"Mockups\", \"project_id\": \"" + project + "\", \"task_ids\": [\"" + task + "\"]}}"));
        long logged = caller.post("/api/v1/time", "{\"time_log\": {\"job_id\": " + job + ", \"duration\": 1800, "
            + "\"date\": \"2024-03-05\", \"notes\": \"Build\"}}").expect(201).json().get("time_log").get("id")
            .longValue();
        long invoice = id(caller.post("/api/v1/invoices", "{\"invoice\": {\"contact_id\": \"" + contact + "\"}}"));
        caller.put("/api/v1/invoices/" + invoice, "{\"invoice\": {\"status\": \"sent\"}}").expect(200);
        var ids = new HashMap<String, Long>();
        ids.put("contacts", contact);
        ids.put("clients", contact);
        ids.put("projects", project);
        ids.put("projectId", project);
        ids.put("tasks", task);
        ids.put("jobs", job);
        ids.put("task_assignments", taskAssignment);
        ids.put("user_assignments", userAssignment);
        ids.put("invoices", invoice);
        ids.put("users", admin.membershipId());
        for (var kind : ENTRY_KINDS) {
            ids.put(kind, tracked);
        }
        var ledger = new Ledger(admin, ids, List.of(tracked, logged));
        assertThat(jdbc.sql("SELECT count(*) FROM entry WHERE id IN (:ids) AND invoice_id = :invoice")
            .param("ids", ledger.entries()).param("invoice", invoice).query(Long.class).single())
            .as("both entries on the sent invoice").isEqualTo(2);
        return ledger;
    }

    /** Every column of the ledger's entries and their tasks in order. */
    private List<String> snapshot(Ledger ledger) {
        return jdbc.sql("""
                SELECT (to_jsonb(e) || jsonb_build_object('tasks',
                        (SELECT jsonb_agg(t.task_id ORDER BY t.position) FROM entry_task t WHERE t.entry_id = e.id)))::text
                  FROM entry e WHERE e.id IN (:ids) ORDER BY e.id
                """)
            .param("ids", ledger.entries())
            .query(String.class)
            .list();
    }

    private static boolean aimsAtTheEntry(String pattern) {
        var segments = pattern.split("/");
        return segments.length >= 2 && ENTRY_KINDS.contains(segments[segments.length - 2])
            || pattern.contains("/entries/{id}/") || pattern.contains("/time_entries/{id}/");
    }
}
