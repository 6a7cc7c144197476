package io.timeledger.core.money;

/**
 * What an account prints on its invoices beside its name: its address, tax id and bank details
 * (each null when not set), the days a client has to pay — what a draft's due date defaults to —
 * and the number the next invoice takes.
 */
public record InvoiceSender(String address, String taxId, int paymentTermsDays, String bankDetails,
                            long nextNumber) { }
