package io.timeledger.web.reports;

import io.timeledger.core.report.Dimension;
import java.util.Arrays;
import java.util.Locale;

/** What the reports page groups by, as its form names it, and the core's dimension behind each. */
enum Grouping {
    CLIENT(Dimension.CONTACT, "Client", "(no client)"),
    PROJECT(Dimension.PROJECT, "Project", "(no project)"),
    TASK(Dimension.TASK, "Task", "(no task)"),
    PERSON(Dimension.USER, "Person", "(no name)"),
    DAY(Dimension.DATE, "Day", null),
    WEEK(Dimension.WEEK, "Week", null),
    MONTH(Dimension.MONTH, "Month", null);

    private final Dimension dimension;
    private final String title;
    private final String nameless;

    Grouping(Dimension dimension, String title, String nameless) {
        this.dimension = dimension;
        this.title = title;
        this.nameless = nameless;
    }

    Dimension dimension() {
        return dimension;
    }

    /** "Client", the column's heading. */
    public String title() {
        return title;
    }

    /** The form's value: "client". */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean period() {
        return dimension.period();
    }

    /** What a group without a name (time on no client, no task) is called. */
    String nameless() {
        return nameless;
    }

    /** The grouping a form's value names; null for none or one it does not know. */
    static Grouping of(String param) {
        return param == null ? null : Arrays.stream(values()).filter(g -> g.param().equals(param)).findFirst()
            .orElse(null);
    }

    static Grouping of(Dimension dimension) {
        return Arrays.stream(values()).filter(g -> g.dimension == dimension).findFirst().orElseThrow();
    }
}
