package io.timeledger.core.feed;

import io.timeledger.core.common.AccountId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One committed change: the {@code seq}-th of its account's, in commit order.
 *
 * @param person   whose time it changed (a membership id): the entry's, the dock's or the week's
 *                 person; 0 for an invoice or the catalog, which are nobody's time (seen by those who see
 *                 everyone's)
 * @param kind     {@code entry.created}, {@code entry.updated}, {@code entry.deleted}, {@code dock.changed},
 *                 {@code approval.changed}, {@code invoice.drafted}, {@code .sent}, {@code .paid}, {@code .voided},
 *                 or the catalog's {@code contact.changed}, {@code contact.deleted}, {@code project.…}, {@code task.…}
 * @param objectId the entry's, the week's, the invoice's, the contact's, project's or task's id; for a dock,
 *                 its person's membership id
 * @param version  the dock's version number after the change; null for entries
 */
public record Change(AccountId account, long seq, long person, String kind, long objectId, Long version,
                     Instant at) {

    /**
     * The change as clients read it, in {@code /events}' data and {@code /api/v1/changes}' items:
     * {@code id} (its number), {@code kind}, {@code person_id}, then {@code entry_id},
     * {@code approval_id}, {@code invoice_id}, {@code contact_id}, {@code project_id}, {@code task_id}
     * or the dock's {@code version}, and {@code at}.
     */
    public Map<String, Object> fields() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("id", seq);
        fields.put("kind", kind);
        fields.put("person_id", person);
        if (kind.equals("dock.changed")) {
            fields.put("version", version);
        } else {
            fields.put(objectType() + "_id", objectId);
        }
        fields.put("at", at.toString());
        return fields;
    }

    /** What changed: {@code entry}, {@code dock}, {@code approval}, {@code invoice}, {@code contact}, … */
    public String objectType() {
        return kind.substring(0, kind.indexOf('.'));
    }

    /** Whether a contact, project or task changed: the catalog. */
    public boolean catalog() {
        return switch (objectType()) {
            case "contact", "project", "task" -> true;
            default -> false;
        };
    }

    /**
     * The change as the database announces it (V25):
     * {@code account:seq:person:kind:object:version:epoch-millis}, the version empty for entries.
     */
    public static Change parse(String announced) {
        var parts = announced.split(":", -1);
        if (parts.length != 7) {
            throw new IllegalArgumentException("not an announced change: " + announced);
        }
        return new Change(new AccountId(Long.parseLong(parts[0])), Long.parseLong(parts[1]),
            Long.parseLong(parts[2]), parts[3], Long.parseLong(parts[4]),
            parts[5].isEmpty() ? null : Long.valueOf(parts[5]), Instant.ofEpochMilli(Long.parseLong(parts[6])));
    }
}
