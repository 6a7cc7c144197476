/**
 * The change feed: every committed change to an entry or a dock, numbered per account in commit
 * order (V25, decision 020), read back for a client that reconnects and filtered to what its
 * reader may see.
 */
package io.timeledger.core.feed;
