/**
 * The Harvest API v2 under {@code /v2}: its JSON (ids and amounts as numbers, nested
 * {id, name} references, page pagination with links), its errors, and its account header.
 */
package io.timeledger.api.harvest;
