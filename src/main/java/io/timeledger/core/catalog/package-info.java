/**
 * The catalog time is tracked against: contacts (clients), their projects, and the account's
 * tasks, each with the rate, budget and billable defaults that entries inherit.
 */
package io.timeledger.core.catalog;
