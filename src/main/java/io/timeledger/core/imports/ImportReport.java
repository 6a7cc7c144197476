package io.timeledger.core.imports;

import java.util.List;

/**
 * What an import did — or, for a dry run, would do: rows read, entries created, rows already
 * imported before (skipped), what was created to hold them, the task and person assignments made
 * (Harvest's API), and every row that could not be read.
 */
public record ImportReport(ImportSource source, boolean dryRun, long rows, long created, long skipped,
                           List<String> clients, List<String> projects, List<String> tasks, List<String> people,
                           long assignments, List<Problem> problems) {

    /** A row that could not be read: its line and why. */
    public record Problem(long line, String message) { }
}
