/**
 * What every core feature shares: the tenant key, the partial-update value, and the failure
 * kinds that each API dialect renders in its own error shape.
 */
package io.timeledger.core.common;
