-- The entry table again, with the same columns, constraints and indexes, in another order: the
-- fixed-width columns a report reads first, the text and the timestamps after them.
--
-- To read a column of a row PostgreSQL walks the row from its first column (past a text or a null
-- it cannot jump). A report reads seven columns of every entry it covers, and the last of them
-- (billing_cents from V15, spent_month from V16) sat behind the description, eleven nullable
-- columns and six external texts: each row was walked to its end. Over 1.4M entries
-- (2026-12-01, pgbench, copies of the table, four rounds each) the report's statement by contact
-- and month took a median 340 ms in the old order and 286 ms in this one; the least SQL for its
-- answer 338 and 259 ms. Pages and single entries read every column, in any order, at the same
-- cost.
--
-- Rebuilding rewrites the table and its 14 indexes once (about a minute for 1.4M entries).
-- Ids, their sequence and every row stay as they were.
SET LOCAL maintenance_work_mem = '256MB';

ALTER TABLE entry_task DROP CONSTRAINT entry_task_entry_fk;
ALTER TABLE entry RENAME TO entry_v16;
ALTER SEQUENCE entry_id_seq RENAME TO entry_v16_id_seq;

-- NOT NULL constraints are named as PostgreSQL named the old table's: while that table exists,
-- it would otherwise choose entry_id_not_null1 and so on.
CREATE TABLE entry (
    -- what a report reads, fixed-width, widest first so that no padding sits between them
    id                 bigint CONSTRAINT entry_id_not_null NOT NULL GENERATED ALWAYS AS IDENTITY,
    account_id         bigint        CONSTRAINT entry_account_id_not_null NOT NULL,
    membership_id      bigint        CONSTRAINT entry_membership_id_not_null NOT NULL,
    contact_id         bigint,
    project_id         bigint,
    billing_cents      bigint GENERATED ALWAYS AS (CAST(billing_rate * 100 AS bigint)) STORED,
    -- the calendar day the work belongs to; null while the entry sits unlogged in the dock
    spent_on           date,
    spent_month        date GENERATED ALWAYS AS (CAST(date_trunc('month', CAST(spent_on AS timestamp)) AS date)) STORED,
    -- seconds tracked before the running timer (if any) was last started
    duration_s         integer       CONSTRAINT entry_duration_s_not_null NOT NULL DEFAULT 0,
    logged             boolean       CONSTRAINT entry_logged_not_null NOT NULL,
    billable           boolean       CONSTRAINT entry_billable_not_null NOT NULL DEFAULT true,
    -- approved (Harvest's is_closed)
    closed             boolean       CONSTRAINT entry_closed_not_null NOT NULL DEFAULT false,
    -- Paydirt's priced piece of a project
    job_id             bigint,
    invoice_id         bigint,
    -- set while a timer runs on this entry; the running seconds are now() - timer_started_at
    timer_started_at   timestamptz,
    -- start and end instants, for the dialects that track by start/end time
    started_at         timestamptz,
    ended_at           timestamptz,
    logged_at          timestamptz,
    created_at         timestamptz   CONSTRAINT entry_created_at_not_null NOT NULL DEFAULT now(),
    updated_at         timestamptz   CONSTRAINT entry_updated_at_not_null NOT NULL DEFAULT now(),
    -- fixed when the entry is logged; recomputed only when its contact, project or tasks change
    billing_rate       numeric(12,2),
    cost_rate          numeric(12,2),
    description        text          CONSTRAINT entry_description_not_null NOT NULL DEFAULT '',
    -- why the entry may not be changed, when it may not (null: not locked)
    locked_reason      text,
    -- the record in another service this entry came from (Harvest's external_reference)
    external_id               text,
    external_group_id         text,
    external_account_id       text,
    external_permalink        text,
    external_service          text,
    external_service_icon_url text,
    CONSTRAINT entry_duration_ck CHECK (duration_s >= 0),
    CONSTRAINT entry_logged_ck CHECK (logged = (spent_on IS NOT NULL)),
    CONSTRAINT entry_span_ck CHECK (ended_at IS NULL OR started_at IS NULL OR ended_at >= started_at),
    CONSTRAINT entry_billing_rate_ck CHECK (billing_rate >= 0),
    CONSTRAINT entry_cost_rate_ck CHECK (cost_rate >= 0),
    CONSTRAINT entry_description_ck CHECK (length(description) <= 10000)
);

INSERT INTO entry (id, account_id, membership_id, contact_id, project_id, spent_on, duration_s, logged, billable,
                   closed, job_id, invoice_id, timer_started_at, started_at, ended_at, logged_at, created_at,
                   updated_at, billing_rate, cost_rate, description, locked_reason, external_id, external_group_id,
                   external_account_id, external_permalink, external_service, external_service_icon_url)
OVERRIDING SYSTEM VALUE
SELECT id, account_id, membership_id, contact_id, project_id, spent_on, duration_s, logged, billable,
       closed, job_id, invoice_id, timer_started_at, started_at, ended_at, logged_at, created_at,
       updated_at, billing_rate, cost_rate, description, locked_reason, external_id, external_group_id,
       external_account_id, external_permalink, external_service, external_service_icon_url
FROM entry_v16;

-- the next id is the one the old table would have given: ids of deleted entries are not reused
SELECT setval('entry_id_seq', last_value, is_called) FROM entry_v16_id_seq;

DROP TABLE entry_v16;

ALTER TABLE entry
    ADD CONSTRAINT entry_pk PRIMARY KEY (id),
    ADD CONSTRAINT entry_account_id_uq UNIQUE (account_id, id),
    ADD CONSTRAINT entry_membership_fk FOREIGN KEY (account_id, membership_id)
        REFERENCES membership (account_id, id) ON DELETE CASCADE,
    ADD CONSTRAINT entry_contact_fk FOREIGN KEY (account_id, contact_id) REFERENCES contact (account_id, id),
    ADD CONSTRAINT entry_project_fk FOREIGN KEY (account_id, project_id) REFERENCES project (account_id, id),
    ADD CONSTRAINT entry_job_fk FOREIGN KEY (account_id, job_id) REFERENCES job (account_id, id),
    ADD CONSTRAINT entry_invoice_fk FOREIGN KEY (account_id, invoice_id) REFERENCES invoice (account_id, id);

ALTER TABLE entry_task ADD CONSTRAINT entry_task_entry_fk FOREIGN KEY (account_id, entry_id)
    REFERENCES entry (account_id, id) ON DELETE CASCADE;

-- the indexes as V3, V6, V7, V8 and V13 left them
CREATE UNIQUE INDEX entry_dock_uq ON entry (account_id, membership_id) WHERE NOT logged;
CREATE UNIQUE INDEX entry_running_uq ON entry (account_id, membership_id) WHERE timer_started_at IS NOT NULL;
CREATE INDEX entry_day_idx ON entry (account_id, spent_on, id) WHERE logged;
CREATE INDEX entry_member_day_idx ON entry (account_id, membership_id, spent_on, id) WHERE logged;
CREATE INDEX entry_member_id_idx ON entry (account_id, membership_id, id) WHERE logged;
CREATE INDEX entry_project_day_idx ON entry (account_id, project_id, spent_on) WHERE logged;
CREATE INDEX entry_contact_day_idx ON entry (account_id, contact_id, spent_on) WHERE logged;
CREATE INDEX entry_uninvoiced_contact_idx ON entry (account_id, contact_id, spent_on)
    WHERE logged AND invoice_id IS NULL;
CREATE INDEX entry_updated_idx ON entry (account_id, updated_at);
CREATE INDEX entry_external_idx ON entry (account_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX entry_job_idx ON entry (account_id, job_id) WHERE job_id IS NOT NULL;
CREATE INDEX entry_invoice_idx ON entry (account_id, invoice_id) WHERE invoice_id IS NOT NULL;

-- V11's vacuum setting, V15's and V16's comments
ALTER TABLE entry SET (autovacuum_vacuum_insert_scale_factor = 0.005);
COMMENT ON COLUMN entry.billing_cents IS 'billing_rate in cents (numeric(12,2) * 100 is a whole number), for reports';
COMMENT ON COLUMN entry.spent_month IS 'the first day of spent_on''s month, for reports';

ANALYZE entry;
