-- Getting paid in the web app: what an account prints on its invoices (its address, tax id, payment
-- terms, bank details), payments recorded against sent invoices, and voiding a sent invoice (its
-- number stays taken; its time and expenses are free to be billed again).

ALTER TABLE account
    ADD COLUMN invoice_address       text,
    ADD COLUMN invoice_tax_id        text,
    -- days from an invoice's date to its due date, unless a draft names its own
    ADD COLUMN invoice_payment_terms integer NOT NULL DEFAULT 30,
    ADD COLUMN invoice_bank_details  text,
    ADD CONSTRAINT account_invoice_address_ck CHECK (length(invoice_address) <= 1000),
    ADD CONSTRAINT account_invoice_tax_id_ck CHECK (length(invoice_tax_id) <= 100),
    ADD CONSTRAINT account_invoice_payment_terms_ck CHECK (invoice_payment_terms BETWEEN 0 AND 365),
    ADD CONSTRAINT account_invoice_bank_details_ck CHECK (length(invoice_bank_details) <= 1000);

ALTER TABLE invoice
    -- the sum of its payments
    ADD COLUMN paid      numeric(14,2) NOT NULL DEFAULT 0,
    ADD COLUMN voided_at timestamptz,
    ADD CONSTRAINT invoice_paid_ck CHECK (paid >= 0 AND paid <= total),
    ADD CONSTRAINT invoice_voided_ck CHECK (voided_at IS NULL OR status = 'sent');

CREATE TABLE invoice_payment (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    account_id  bigint        NOT NULL,
    invoice_id  bigint        NOT NULL,
    amount      numeric(14,2) NOT NULL,
    paid_on     date          NOT NULL,
    note        text,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT invoice_payment_pk PRIMARY KEY (id),
    CONSTRAINT invoice_payment_invoice_fk FOREIGN KEY (account_id, invoice_id)
        REFERENCES invoice (account_id, id) ON DELETE CASCADE,
    CONSTRAINT invoice_payment_amount_ck CHECK (amount > 0),
    CONSTRAINT invoice_payment_note_ck CHECK (length(note) <= 1000)
);
CREATE INDEX invoice_payment_invoice_idx ON invoice_payment (account_id, invoice_id, paid_on);
