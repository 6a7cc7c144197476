-- Getting paid: the item catalog, expenses, and invoices with their line items.

ALTER TABLE account
    ADD COLUMN expenses_enabled    boolean NOT NULL DEFAULT false,
    -- the number the next invoice gets; numbers are per account and never reused
    ADD COLUMN next_invoice_number bigint  NOT NULL DEFAULT 1,
    ADD CONSTRAINT account_next_invoice_number_ck CHECK (next_invoice_number > 0);

CREATE TABLE item (
    id                 bigint GENERATED ALWAYS AS IDENTITY,
    account_id         bigint      NOT NULL,
    name               text        NOT NULL,
    description        text,
    default_rate_cents bigint      NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    deleted_at         timestamptz,
    CONSTRAINT item_pk PRIMARY KEY (id),
    CONSTRAINT item_account_id_uq UNIQUE (account_id, id),
    CONSTRAINT item_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT item_name_ck CHECK (length(name) BETWEEN 1 AND 255),
    CONSTRAINT item_description_ck CHECK (length(description) <= 2000),
    CONSTRAINT item_rate_ck CHECK (default_rate_cents BETWEEN 0 AND 99999999999)
);
CREATE INDEX item_account_idx ON item (account_id, lower(name)) WHERE deleted_at IS NULL;

CREATE TABLE invoice (
    id           bigint GENERATED ALWAYS AS IDENTITY,
    account_id   bigint        NOT NULL,
    contact_id   bigint        NOT NULL,
    number       text          NOT NULL,
    reference    text,
    status       text          NOT NULL DEFAULT 'draft',
    sent_at      timestamptz,
    archived     boolean       NOT NULL DEFAULT false,
    issued_on    date          NOT NULL,
    due_on       date          NOT NULL,
    currency     char(3)       NOT NULL,
    -- percent, e.g. 10.000 for 10 %
    tax_rate     numeric(6,3)  NOT NULL DEFAULT 0,
    subtotal     numeric(14,2) NOT NULL DEFAULT 0,
    tax          numeric(14,2) NOT NULL DEFAULT 0,
    total        numeric(14,2) NOT NULL DEFAULT 0,
    period_from  date,
    period_to    date,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT invoice_pk PRIMARY KEY (id),
    CONSTRAINT invoice_account_id_uq UNIQUE (account_id, id),
    CONSTRAINT invoice_number_uq UNIQUE (account_id, number),
    CONSTRAINT invoice_contact_fk FOREIGN KEY (account_id, contact_id) REFERENCES contact (account_id, id),
    CONSTRAINT invoice_status_ck CHECK (status IN ('draft', 'sent')),
    CONSTRAINT invoice_sent_ck CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
    CONSTRAINT invoice_tax_rate_ck CHECK (tax_rate BETWEEN 0 AND 100),
    CONSTRAINT invoice_total_ck CHECK (total = subtotal + tax),
    CONSTRAINT invoice_reference_ck CHECK (length(reference) <= 255)
);
CREATE INDEX invoice_account_date_idx ON invoice (account_id, issued_on DESC, id DESC);
CREATE INDEX invoice_contact_idx ON invoice (account_id, contact_id);

CREATE TABLE invoice_line (
    id           bigint GENERATED ALWAYS AS IDENTITY,
    account_id   bigint        NOT NULL,
    invoice_id   bigint        NOT NULL,
    position     integer       NOT NULL,
    description  text          NOT NULL,
    quantity     numeric(14,4) NOT NULL,
    unit_amount  numeric(12,2) NOT NULL,
    subtotal     numeric(14,2) NOT NULL,
    tax          numeric(14,2) NOT NULL,
    total        numeric(14,2) NOT NULL,
    CONSTRAINT invoice_line_pk PRIMARY KEY (id),
    CONSTRAINT invoice_line_invoice_fk FOREIGN KEY (account_id, invoice_id)
        REFERENCES invoice (account_id, id) ON DELETE CASCADE,
    CONSTRAINT invoice_line_total_ck CHECK (total = subtotal + tax)
);
CREATE INDEX invoice_line_invoice_idx ON invoice_line (invoice_id, position);

CREATE TABLE expense (
    id                bigint GENERATED ALWAYS AS IDENTITY,
    account_id        bigint        NOT NULL,
    membership_id     bigint        NOT NULL,
    contact_id        bigint,
    project_id        bigint,
    item_id           bigint,
    description       text          NOT NULL,
    quantity          numeric(12,4) NOT NULL DEFAULT 1,
    unit_amount       numeric(12,2) NOT NULL,
    spent_on          date          NOT NULL,
    invoice_id        bigint,
    manually_invoiced boolean       NOT NULL DEFAULT false,
    written_off       boolean       NOT NULL DEFAULT false,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT expense_pk PRIMARY KEY (id),
    CONSTRAINT expense_account_id_uq UNIQUE (account_id, id),
    CONSTRAINT expense_membership_fk FOREIGN KEY (account_id, membership_id)
        REFERENCES membership (account_id, id) ON DELETE CASCADE,
    CONSTRAINT expense_contact_fk FOREIGN KEY (account_id, contact_id) REFERENCES contact (account_id, id),
    CONSTRAINT expense_project_fk FOREIGN KEY (account_id, project_id) REFERENCES project (account_id, id),
    CONSTRAINT expense_item_fk FOREIGN KEY (account_id, item_id) REFERENCES item (account_id, id),
    CONSTRAINT expense_invoice_fk FOREIGN KEY (account_id, invoice_id) REFERENCES invoice (account_id, id),
    CONSTRAINT expense_description_ck CHECK (length(description) BETWEEN 1 AND 2000),
    CONSTRAINT expense_quantity_ck CHECK (quantity > 0),
    CONSTRAINT expense_unit_amount_ck CHECK (unit_amount >= 0)
);
CREATE INDEX expense_account_date_idx ON expense (account_id, spent_on DESC, id DESC);
CREATE INDEX expense_contact_idx ON expense (account_id, contact_id, spent_on);

ALTER TABLE entry ADD CONSTRAINT entry_invoice_fk FOREIGN KEY (account_id, invoice_id)
    REFERENCES invoice (account_id, id);
CREATE INDEX entry_invoice_idx ON entry (account_id, invoice_id) WHERE invoice_id IS NOT NULL;
CREATE INDEX entry_uninvoiced_contact_idx ON entry (account_id, contact_id, spent_on)
    WHERE logged AND invoice_id IS NULL;
