/**
 * Live pages and clients: {@code GET /events} streams the change feed (decision 020) to signed-in
 * pages and to API credentials alike, as server-sent events.
 */
package io.timeledger.web.live;
