/**
 * The Paydirt API v1: jobs under {@code /v1/jobs} (and {@code /api/v1/jobs}) and time logs under
 * {@code /api/v1/time}, with root objects ({@code {"job": ...}}), decimals as {@code "85.0"} and
 * {@code {"errors": [...]}}.
 */
package io.timeledger.api.paydirt;
