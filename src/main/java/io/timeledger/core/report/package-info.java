/**
 * Reports: totals of tracked time (hours, billable hours, billable amount) under filters,
 * grouped by contact, person, project and one period, aggregated in SQL; and saved reports.
 */
package io.timeledger.core.report;
