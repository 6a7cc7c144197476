package io.timeledger.core.report;

/** A report kept under a name, to be run again. */
public record SavedReport(long id, String name, ReportQuery query) { }
