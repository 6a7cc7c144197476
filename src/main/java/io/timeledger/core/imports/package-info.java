/**
 * Imports of time tracked elsewhere: the detailed reports Harvest, Toggl Track and Clockify export
 * as CSV, read into one shape ({@link io.timeledger.core.imports.ImportedRow}) and written in one
 * transaction, each row once however often its file is imported.
 */
package io.timeledger.core.imports;
