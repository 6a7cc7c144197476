package io.timeledger.core.imports;

import java.util.List;

/**
 * What a source gave: its rows, the assignments it has (Harvest's API; none in a report file), and
 * what could not be read, each with its line (or record) and why.
 */
public record SourceRows(List<ImportedRow> rows, List<ImportedAssignment> assignments,
                         List<ImportReport.Problem> problems) {

    /** A report's rows: a file has no assignments. */
    public SourceRows(List<ImportedRow> rows, List<ImportReport.Problem> problems) {
        this(rows, List.of(), problems);
    }
}
