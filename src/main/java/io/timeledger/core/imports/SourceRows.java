package io.timeledger.core.imports;

import java.util.List;

/** What a source gave: its rows, and what could not be read, each with its line (or record) and why. */
public record SourceRows(List<ImportedRow> rows, List<ImportReport.Problem> problems) { }
