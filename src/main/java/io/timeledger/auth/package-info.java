/**
 * Who is calling: personal access tokens and legacy API keys (stored as SHA-256 hashes), the
 * account a request acts in, and the Spring Security wiring that turns both into an {@code Actor}.
 */
package io.timeledger.auth;
