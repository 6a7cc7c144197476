-- Account preferences the dialects show (Harvest's company), people's cost rates, and
-- project assignments: which tasks a project uses and who works on it, each with its own rate.

ALTER TABLE account
    ADD COLUMN wants_timestamp_timers boolean  NOT NULL DEFAULT false,
    -- minutes reported hours are rounded to (0: no rounding), and how
    ADD COLUMN rounding_minutes       smallint NOT NULL DEFAULT 0,
    ADD COLUMN rounding_mode          text     NOT NULL DEFAULT 'nearest',
    ADD COLUMN clock                  text     NOT NULL DEFAULT '12h',
    ADD COLUMN time_format            text     NOT NULL DEFAULT 'hours_minutes',
    ADD CONSTRAINT account_rounding_minutes_ck CHECK (rounding_minutes IN (0, 1, 3, 5, 6, 10, 12, 15, 30, 60)),
    ADD CONSTRAINT account_rounding_mode_ck CHECK (rounding_mode IN ('nearest', 'up')),
    ADD CONSTRAINT account_clock_ck CHECK (clock IN ('12h', '24h')),
    ADD CONSTRAINT account_time_format_ck CHECK (time_format IN ('decimal', 'hours_minutes'));

-- what an hour of the person costs the business (Harvest's cost_rate)
ALTER TABLE membership
    ADD COLUMN cost_rate numeric(12,2),
    ADD CONSTRAINT membership_cost_rate_ck CHECK (cost_rate >= 0);

ALTER TABLE task ADD COLUMN active boolean NOT NULL DEFAULT true;

CREATE TABLE task_assignment (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    account_id  bigint        NOT NULL,
    project_id  bigint        NOT NULL,
    task_id     bigint        NOT NULL,
    billable    boolean       NOT NULL DEFAULT true,
    active      boolean       NOT NULL DEFAULT true,
    -- the task's rate on this project; null: the task's own rate applies
    hourly_rate numeric(12,2),
    budget      numeric(14,2),
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT task_assignment_pk PRIMARY KEY (id),
    CONSTRAINT task_assignment_account_id_uq UNIQUE (account_id, id),
    CONSTRAINT task_assignment_project_task_uq UNIQUE (account_id, project_id, task_id),
    CONSTRAINT task_assignment_project_fk FOREIGN KEY (account_id, project_id)
        REFERENCES project (account_id, id) ON DELETE CASCADE,
    CONSTRAINT task_assignment_task_fk FOREIGN KEY (account_id, task_id)
        REFERENCES task (account_id, id) ON DELETE CASCADE,
    CONSTRAINT task_assignment_hourly_rate_ck CHECK (hourly_rate >= 0),
    CONSTRAINT task_assignment_budget_ck CHECK (budget >= 0)
);
CREATE INDEX task_assignment_task_idx ON task_assignment (account_id, task_id);

CREATE TABLE user_assignment (
    id                 bigint GENERATED ALWAYS AS IDENTITY,
    account_id         bigint        NOT NULL,
    project_id         bigint        NOT NULL,
    membership_id      bigint        NOT NULL,
    project_manager    boolean       NOT NULL DEFAULT false,
    active             boolean       NOT NULL DEFAULT true,
    -- the person's rate on this project; null: their own rate applies
    hourly_rate        numeric(12,2),
    budget             numeric(14,2),
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT user_assignment_pk PRIMARY KEY (id),
    CONSTRAINT user_assignment_account_id_uq UNIQUE (account_id, id),
    CONSTRAINT user_assignment_project_member_uq UNIQUE (account_id, project_id, membership_id),
    CONSTRAINT user_assignment_project_fk FOREIGN KEY (account_id, project_id)
        REFERENCES project (account_id, id) ON DELETE CASCADE,
    CONSTRAINT user_assignment_membership_fk FOREIGN KEY (account_id, membership_id)
        REFERENCES membership (account_id, id) ON DELETE CASCADE,
    CONSTRAINT user_assignment_hourly_rate_ck CHECK (hourly_rate >= 0),
    CONSTRAINT user_assignment_budget_ck CHECK (budget >= 0)
);
CREATE INDEX user_assignment_member_idx ON user_assignment (account_id, membership_id);
