package io.timeledger.core.catalog;

import java.util.List;

/**
 * Every client, project and task of an account by name, archived ones too (marked): what a report's
 * filters choose from — time logged long ago is reported on under what has since been archived.
 */
public record Choices(List<Choice> clients, List<Choice> projects, List<Choice> tasks) {

    /** One to choose: its id, its name, and whether it is still active. */
    public record Choice(long id, String name, boolean active) { }
}
