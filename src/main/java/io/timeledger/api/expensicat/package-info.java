/**
 * The Expensicat API v1 time entries under {@code /v1/time-entries} (and {@code /api/v1/...}):
 * the {@code {data, meta}} envelope, cursor pages, string ids, and {@code {error: {...}}} errors.
 */
package io.timeledger.api.expensicat;
