/**
 * Timesheet approval: a person submits a week of their time, a manager or an administrator approves
 * it (closing its entries, locked as invoiced time is) or rejects it with a note, an administrator
 * reopens an approved week. V28 holds the rules the database keeps.
 */
package io.timeledger.core.approval;
