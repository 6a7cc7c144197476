/**
 * Running the server without SQL: the first start on an empty database, and the
 * {@code admin} command line for accounts, users, memberships, tokens and API keys.
 */
package io.timeledger.admin;
