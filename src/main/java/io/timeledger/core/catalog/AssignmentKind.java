package io.timeledger.core.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two kinds of assignment to a project, stored alike: a task used on it (its flag: billable) and
 * a person working on it (its flag: project manager). Each names its table, the column of what is
 * assigned, the column of its flag, and the words its errors use.
 */
enum AssignmentKind {

    TASK("task_assignment", "task_id", "billable", true, "Task assignment", "task_id", "billable",
        "does not name a task in this account"),
    USER("user_assignment", "membership_id", "project_manager", false, "User assignment", "user_id",
        "is_project_manager", "does not name a user in this account");

    final String table;
    final String subjectColumn;
    final String flagColumn;
    /** The flag of a new assignment when its create does not say. */
    final boolean defaultFlag;
    /** What an unknown id of this kind is called in a 404. */
    final String noun;
    /** The request field that names what is assigned. */
    final String subjectField;
    /** The request field of the flag. */
    final String flagField;
    final String unknownSubject;
    /** The columns every query returns by name, each to its expression: the subject and flag under names shared by both kinds. */
    final Map<String, String> expressions;
    /** {@link #expressions} as a select list. */
    final String columns;

    AssignmentKind(String table, String subjectColumn, String flagColumn, boolean defaultFlag, String noun,
                   String subjectField, String flagField, String unknownSubject) {
        this.table = table;
        this.subjectColumn = subjectColumn;
        this.flagColumn = flagColumn;
        this.defaultFlag = defaultFlag;
        this.noun = noun;
        this.subjectField = subjectField;
        this.flagField = flagField;
        this.unknownSubject = unknownSubject;
        var expressions = new LinkedHashMap<String, String>();
        for (var column : List.of("id", "project_id", "subject_id", "flag", "active", "hourly_rate", "budget",
                "created_at", "updated_at")) {
            expressions.put(column, switch (column) {
                case "subject_id" -> subjectColumn;
                case "flag" -> flagColumn;
                default -> column;
            });
        }
        this.expressions = Collections.unmodifiableMap(expressions);
        this.columns = expressions.entrySet().stream()
            .map(column -> column.getValue().equals(column.getKey()) ? column.getKey()
                : column.getValue() + " AS " + column.getKey())
            .collect(Collectors.joining(", "));
    }
}
