/**
 * Time: entries, the dock (each person's one unlogged, versioned timer entry), running timers,
 * and the rate an entry is billed at.
 */
package io.timeledger.core.time;
