package io.timeledger.web.timesheet;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The options of the timesheet's project and task pickers, written as HTML here rather than by the
 * template: a day of eight entries has eleven pickers of every project, and Thymeleaf spent most of
 * the week page's time on their few thousand {@code <option>}s (docs/performance.md). The unchosen
 * list is written once per page; names are escaped.
 */
public final class Choices {

    /** One option: an id and the name shown. */
    public record Choice(long id, String name) { }

    private final List<Choice> projects;
    private final List<Choice> tasks;
    private final String noProject;
    private final String noTask;

    public Choices(List<Choice> projects, List<Choice> tasks) {
        this.projects = projects;
        this.tasks = tasks;
        this.noProject = options("No project", projects, null);
        this.noTask = options("No task", tasks, null);
    }

    /** The project picker's options, {@code chosen} selected (null: none). */
    public String projects(Long chosen) {
        return chosen == null ? noProject : options("No project", projects, chosen);
    }

    /** Whether the account has no project to pick yet: a new account's first day. */
    public boolean noProjects() {
        return projects.isEmpty();
    }

    /** The task picker's options, {@code chosen} selected (null: none). */
    public String tasks(Long chosen) {
        return chosen == null ? noTask : options("No task", tasks, chosen);
    }

    private static String options(String none, List<Choice> choices, Long chosen) {
        var html = new StringBuilder(64 + choices.size() * 48);
        html.append("<option value=\"\">").append(none).append("</option>");
        for (var choice : choices) {
            html.append("<option value=\"").append(choice.id()).append('"');
            if (chosen != null && chosen == choice.id()) {
                html.append(" selected");
            }
            html.append('>').append(HtmlUtils.htmlEscape(choice.name())).append("</option>");
        }
        return html.toString();
    }
}
