/**
 * The security audit trail: sign-ins, credentials, OAuth grants and roles, recorded in the
 * transaction of the change they describe and read by administrators ({@code tl admin audit}) and
 * by each person for their own events (the profile page).
 */
package io.timeledger.core.audit;
