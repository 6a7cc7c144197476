package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;

/**
 * Published by a write to an account's catalog — a contact, project or task, or an assignment.
 * What this server remembers of that account's catalog is forgotten when the write commits.
 *
 * @param account whose catalog changed
 */
record CatalogChanged(AccountId account) {
}
