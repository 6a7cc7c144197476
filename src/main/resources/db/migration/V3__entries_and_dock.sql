-- Time: entries (logged work, and the one unlogged entry that sits in each person's dock),
-- the tasks they are tagged with, and the dock's version for multi-device sync.

-- Tasks can make time non-billable (Harvest's billable_by_default; MinuteDock leaves it true).
ALTER TABLE task ADD COLUMN billable boolean NOT NULL DEFAULT true;

CREATE TABLE entry (
    id                 bigint GENERATED ALWAYS AS IDENTITY,
    account_id         bigint        NOT NULL,
    membership_id      bigint        NOT NULL,
    contact_id         bigint,
    project_id         bigint,
    -- Paydirt's priced piece of a project; its table and foreign key come with the jobs
    job_id             bigint,
    description        text          NOT NULL DEFAULT '',
    -- the calendar day the work belongs to; null while the entry sits unlogged in the dock
    spent_on           date,
    -- seconds tracked before the running timer (if any) was last started
    duration_s         integer       NOT NULL DEFAULT 0,
    -- set while a timer runs on this entry; the running seconds are now() - timer_started_at
    timer_started_at   timestamptz,
    -- start and end instants, for the dialects that track by start/end time
    started_at         timestamptz,
    ended_at           timestamptz,
    logged             boolean       NOT NULL,
    logged_at          timestamptz,
    billable           boolean       NOT NULL DEFAULT true,
    -- fixed when the entry is logged; recomputed only when its contact, project or tasks change
    billing_rate       numeric(12,2),
    cost_rate          numeric(12,2),
    invoice_id         bigint,
    -- approved (Harvest's is_closed)
    closed             boolean       NOT NULL DEFAULT false,
    -- why the entry may not be changed, when it may not (null: not locked)
    locked_reason      text,
    -- the record in another service this entry came from (Harvest's external_reference)
    external_id               text,
    external_group_id         text,
    external_account_id       text,
    external_permalink        text,
    external_service          text,
    external_service_icon_url text,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT entry_pk PRIMARY KEY (id),
    CONSTRAINT entry_account_id_uq UNIQUE (account_id, id),
    CONSTRAINT entry_membership_fk FOREIGN KEY (account_id, membership_id)
        REFERENCES membership (account_id, id) ON DELETE CASCADE,
    CONSTRAINT entry_contact_fk FOREIGN KEY (account_id, contact_id) REFERENCES contact (account_id, id),
    CONSTRAINT entry_project_fk FOREIGN KEY (account_id, project_id) REFERENCES project (account_id, id),
    CONSTRAINT entry_duration_ck CHECK (duration_s >= 0),
    CONSTRAINT entry_logged_ck CHECK (logged = (spent_on IS NOT NULL)),
    CONSTRAINT entry_span_ck CHECK (ended_at IS NULL OR started_at IS NULL OR ended_at >= started_at),
    CONSTRAINT entry_billing_rate_ck CHECK (billing_rate >= 0),
    CONSTRAINT entry_cost_rate_ck CHECK (cost_rate >= 0),
    CONSTRAINT entry_description_ck CHECK (length(description) <= 10000)
);

-- One dock (unlogged entry) per person, and one running timer per person, always.
CREATE UNIQUE INDEX entry_dock_uq ON entry (account_id, membership_id) WHERE NOT logged;
CREATE UNIQUE INDEX entry_running_uq ON entry (account_id, membership_id) WHERE timer_started_at IS NOT NULL;

-- Search: newest day first, per person or across the account, optionally by contact or project.
CREATE INDEX entry_member_day_idx ON entry (account_id, membership_id, spent_on DESC, id DESC) WHERE logged;
CREATE INDEX entry_day_idx ON entry (account_id, spent_on DESC, id DESC) WHERE logged;
CREATE INDEX entry_project_day_idx ON entry (account_id, project_id, spent_on) WHERE logged;
CREATE INDEX entry_contact_day_idx ON entry (account_id, contact_id, spent_on) WHERE logged;
CREATE INDEX entry_updated_idx ON entry (account_id, updated_at);
CREATE INDEX entry_external_idx ON entry (account_id, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE entry_task (
    account_id  bigint   NOT NULL,
    entry_id    bigint   NOT NULL,
    task_id     bigint   NOT NULL,
    -- the order the tasks were given in; the first task with a rate sets the entry's rate
    position    smallint NOT NULL,
    CONSTRAINT entry_task_pk PRIMARY KEY (entry_id, task_id),
    CONSTRAINT entry_task_entry_fk FOREIGN KEY (account_id, entry_id)
        REFERENCES entry (account_id, id) ON DELETE CASCADE,
    -- deleting a task removes it from entries
    CONSTRAINT entry_task_task_fk FOREIGN KEY (account_id, task_id)
        REFERENCES task (account_id, id) ON DELETE CASCADE
);
CREATE INDEX entry_task_task_idx ON entry_task (task_id, entry_id);

-- The dock's version, one row per person who has used it. Its row lock serialises dock changes,
-- and its version survives the dock being emptied, so a stale client is still told it is stale.
CREATE TABLE dock (
    membership_id      bigint      NOT NULL,
    account_id         bigint      NOT NULL,
    version_number     bigint      NOT NULL DEFAULT 0,
    version_id         uuid        NOT NULL DEFAULT gen_random_uuid(),
    version_client_id  text,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dock_pk PRIMARY KEY (membership_id),
    CONSTRAINT dock_membership_fk FOREIGN KEY (account_id, membership_id)
        REFERENCES membership (account_id, id) ON DELETE CASCADE,
    CONSTRAINT dock_client_id_ck CHECK (length(version_client_id) <= 255)
);
