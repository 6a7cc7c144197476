package io.timeledger.support;

import io.timeledger.support.Fixtures.Person;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One record of every kind the dialects' routes name, made through the APIs in a person's account,
 * and the routes filled in with them: what tests that walk every route (isolation, the archive's
 * round trip) call.
 */
public final class AccountRecords {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private AccountRecords() {
    }

    /**
     * Makes a contact, project, task, entry, item, expense, invoice, job, task and user assignment,
     * saved report and (paused) webhook in {@code person}'s account (expenses enabled), each named {@code name}; answers
     * their ids by the collection names routes use for them.
     */
    public static Map<String, Long> make(Api api, Person person, String name) {
        var caller = api.bearer(person.token());
        long contact = id(caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"" + name + "\"}}"));
        long project = id(caller.post("/api/v1/projects", "{\"project\": {\"name\": \"" + name + "\", "
            + "\"contact_id\": \"" + contact + "\"}}"));
        long task = id(caller.post("/api/v1/tasks", "{\"task\": {\"name\": \"" + name + "\"}}"));
        long entry = id(caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2024-01-01\", \"duration\": 60, "
            + "\"description\": \"" + name + "\", \"project_id\": \"" + project + "\"}}"));
        long item = id(caller.post("/api/v1/items", "{\"item\": {\"name\": \"" + name + "\"}}"));
        long expense = id(caller.post("/api/v1/expenses", "{\"expense\": {\"description\": \"" + name + "\", "
            + "\"rate_cents\": 100, \"date\": \"2024-01-01\"}}"));
        long invoice = id(caller.post("/api/v1/invoices", "{\"invoice\": {\"contact_id\": \"" + contact + "\", "
            + "\"reference\": \"" + name + "\"}}"));
        long job = caller.post("/v1/jobs", "{\"project_id\": " + project + ", \"name\": \"" + name
            + "\", \"price_type\": 0, \"price\": 1}").expect(201).json().get("job").get("id").longValue();
        long taskAssignment = caller.post("/v2/projects/" + project + "/task_assignments", "{\"task_id\": " + task
            + "}").expect(201).json().get("id").longValue();
        long userAssignment = caller.post("/v2/projects/" + project + "/user_assignments", "{\"user_id\": "
            + person.membershipId() + "}").expect(201).json().get("id").longValue();
        long report = caller.post("/api/v1/reports", "{\"report\": {\"name\": \"" + name + "\"}}")
            .expect(201).json().get("id").longValue();
        // a webhook, paused at once: nothing is posted while the other tests run
        long webhook = id(caller.post("/api/v1/webhooks", "{\"webhook\": {\"url\": \"http://127.0.0.1:9/records\","
            + " \"events\": [\"invoice.voided\"]}}"));
        caller.patch("/api/v1/webhooks/" + webhook, "{\"webhook\": {\"active\": false}}").expect(200);
        var ids = new LinkedHashMap<String, Long>();
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
        ids.put("users", person.membershipId());
        ids.put("webhooks", webhook);
        // no delivery is made while paused; the routes of a delivery answer for its webhook first
        ids.put("deliveries", webhook);
        return ids;
    }

    /**
     * The route with each variable replaced by the id of the record of the kind the path names
     * before it ({@code /projects/{id}} → the project's); null where {@code ids} has none.
     */
    public static String fill(String pattern, Map<String, Long> ids) {
        var matcher = VARIABLE.matcher(pattern);
        var result = new StringBuilder();
        while (matcher.find()) {
            var segments = pattern.substring(0, matcher.start()).split("/");
            var id = ids.get(segments[segments.length - 1]);
            if (id == null) {
                return null;
            }
            matcher.appendReplacement(result, Long.toString(id));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The id of the record a 201 answer made, whether the dialect writes it as a number or a string. */
    public static long id(Response response) {
        var node = response.expect(201).json().get("id");
        return node.isString() ? Long.parseLong(node.stringValue()) : node.longValue();
    }
}
