/**
 * The MinuteDock API v1 under {@code /api/v1}: its JSON shapes (ids as strings, money as
 * {@code "150.00"}), its request nesting, and its error bodies, mapped onto the core.
 */
package io.timeledger.api.minutedock;
