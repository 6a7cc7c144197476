/**
 * Money: the item catalog, expenses, and invoices that bill a contact's uninvoiced time and
 * expenses, with line items whose amounts add up to the cent.
 */
package io.timeledger.core.money;
