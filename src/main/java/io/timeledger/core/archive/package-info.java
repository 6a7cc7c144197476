/**
 * A whole account as one archive (a ZIP of a manifest and JSON lines per table) and back: the
 * export people take away, and the restore that brings it to a new account or a new server.
 */
package io.timeledger.core.archive;
