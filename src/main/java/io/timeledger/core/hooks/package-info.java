/**
 * Webhooks (V34, decision 023): an administrator's subscriptions of URLs to kinds of change, the
 * deliveries taken in from the change feed, and the bookkeeping of sending them — claimed by one
 * node at a time, retried with backoff for a day, then paused. Sending itself (HTTP, signatures,
 * the objects' JSON) belongs to the API that renders them.
 */
package io.timeledger.core.hooks;
