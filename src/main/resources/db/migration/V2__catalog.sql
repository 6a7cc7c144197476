-- The catalog time is tracked against: contacts (clients), their projects, and account-wide tasks.
-- Contacts and projects are soft-deleted (deleted_at) so that time entries and invoices keep
-- pointing at what they were logged against; tasks are removed outright.

CREATE TABLE contact (
    id                bigint GENERATED ALWAYS AS IDENTITY,
    account_id        bigint        NOT NULL,
    name              text          NOT NULL,
    short_code        text,
    active            boolean       NOT NULL DEFAULT true,
    pinned            boolean       NOT NULL DEFAULT false,
    budget_type       text,
    budget_frequency  text,
    budget_target     numeric(14,2),
    default_rate      numeric(12,2),
    billable          boolean       NOT NULL DEFAULT true,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    deleted_at        timestamptz,
    CONSTRAINT contact_pk PRIMARY KEY (id),
    CONSTRAINT contact_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT contact_account_id_uq UNIQUE (account_id, id),
    CONSTRAINT contact_name_ck CHECK (length(name) BETWEEN 1 AND 255),
    CONSTRAINT contact_short_code_ck CHECK (length(short_code) BETWEEN 1 AND 50),
    CONSTRAINT contact_budget_type_ck CHECK (budget_type IN ('hours', 'billable')),
    CONSTRAINT contact_budget_frequency_ck
        CHECK (budget_frequency IN ('total', 'weekly', 'monthly', 'quarterly', 'yearly')),
    CONSTRAINT contact_budget_target_ck CHECK (budget_target >= 0),
    CONSTRAINT contact_default_rate_ck CHECK (default_rate >= 0)
);
CREATE INDEX contact_account_name_idx ON contact (account_id, lower(name)) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX contact_short_code_uq ON contact (account_id, lower(short_code))
    WHERE deleted_at IS NULL AND short_code IS NOT NULL;

CREATE TABLE project (
    id                bigint GENERATED ALWAYS AS IDENTITY,
    account_id        bigint        NOT NULL,
    contact_id        bigint        NOT NULL,
    name              text          NOT NULL,
    short_code        text,
    active            boolean       NOT NULL DEFAULT true,
    pinned            boolean       NOT NULL DEFAULT false,
    budget_type       text,
    budget_frequency  text,
    budget_target     numeric(14,2),
    default_rate      numeric(12,2),
    billable          boolean       NOT NULL DEFAULT true,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    deleted_at        timestamptz,
    CONSTRAINT project_pk PRIMARY KEY (id),
    CONSTRAINT project_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT project_contact_fk FOREIGN KEY (account_id, contact_id) REFERENCES contact (account_id, id),
    CONSTRAINT project_account_id_uq UNIQUE (account_id, id),
    CONSTRAINT project_name_ck CHECK (length(name) BETWEEN 1 AND 255),
    CONSTRAINT project_short_code_ck CHECK (length(short_code) BETWEEN 1 AND 50),
    CONSTRAINT project_budget_type_ck CHECK (budget_type IN ('hours', 'billable')),
    CONSTRAINT project_budget_frequency_ck
        CHECK (budget_frequency IN ('total', 'weekly', 'monthly', 'quarterly', 'yearly')),
    CONSTRAINT project_budget_target_ck CHECK (budget_target >= 0),
    CONSTRAINT project_default_rate_ck CHECK (default_rate >= 0)
);
CREATE INDEX project_account_name_idx ON project (account_id, lower(name)) WHERE deleted_at IS NULL;
CREATE INDEX project_contact_idx ON project (account_id, contact_id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX project_short_code_uq ON project (account_id, lower(short_code))
    WHERE deleted_at IS NULL AND short_code IS NOT NULL;

CREATE TABLE task (
    id            bigint GENERATED ALWAYS AS IDENTITY,
    account_id    bigint        NOT NULL,
    name          text          NOT NULL,
    pinned        boolean       NOT NULL DEFAULT false,
    default_rate  numeric(12,2),
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT task_pk PRIMARY KEY (id),
    CONSTRAINT task_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT task_account_id_uq UNIQUE (account_id, id),
    CONSTRAINT task_name_ck CHECK (length(name) BETWEEN 1 AND 255),
    CONSTRAINT task_default_rate_ck CHECK (default_rate >= 0)
);
-- #hashtags in descriptions name tasks, so a name means one task per account
CREATE UNIQUE INDEX task_name_uq ON task (account_id, lower(name));
