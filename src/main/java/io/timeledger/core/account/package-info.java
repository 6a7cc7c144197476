/**
 * Accounts, users and memberships (a user's place in an account, with its role and rate):
 * who may act, and in which account.
 */
package io.timeledger.core.account;
