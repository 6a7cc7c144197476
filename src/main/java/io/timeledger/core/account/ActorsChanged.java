package io.timeledger.core.account;

/**
 * Published by a write that may change what a secret authenticates as: a credential revoked, an
 * OAuth authorization replaced or removed, a person's active account or an account's settings
 * changed. What remembers actors between requests forgets them when the write commits.
 *
 * @param what the table written, for the log
 */
public record ActorsChanged(String what) {

    /** Where V12's triggers announce the same changes made by any process, naming the table. */
    public static final String CHANNEL = "timeledger_actors";
}
