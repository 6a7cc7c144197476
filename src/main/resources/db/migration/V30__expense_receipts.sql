-- A receipt for an expense: a picture or a PDF, at most 5 MB (Expenses.MAX_RECEIPT_BYTES), its type
-- told by its bytes. Kept in PostgreSQL with the ledger (one backup holds everything) and served
-- only to those who may see the expense. One per expense; it goes with the expense.
CREATE TABLE expense_receipt (
    account_id   bigint      NOT NULL,
    expense_id   bigint      NOT NULL,
    content_type text        NOT NULL,
    file_name    text        NOT NULL,
    bytes        bytea       NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT expense_receipt_pk PRIMARY KEY (account_id, expense_id),
    CONSTRAINT expense_receipt_expense_fk FOREIGN KEY (account_id, expense_id)
        REFERENCES expense (account_id, id) ON DELETE CASCADE,
    CONSTRAINT expense_receipt_type_ck CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp',
                                                              'application/pdf')),
    CONSTRAINT expense_receipt_size_ck CHECK (octet_length(bytes) BETWEEN 1 AND 5242880),
    CONSTRAINT expense_receipt_name_ck CHECK (length(file_name) BETWEEN 1 AND 255)
);
-- the bytes are stored as they are: pictures and PDFs are compressed already
ALTER TABLE expense_receipt ALTER COLUMN bytes SET STORAGE EXTERNAL;
