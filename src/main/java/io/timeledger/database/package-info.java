/**
 * Where the PostgreSQL comes from: an external server named by {@code TIMELEDGER_DATABASE_URL},
 * or an embedded one started from binaries shipped in a jar, its data kept under the data directory.
 */
package io.timeledger.database;
