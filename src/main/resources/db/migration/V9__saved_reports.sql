-- Saved reports: a named filter and grouping, run again on demand.
CREATE TABLE report (
    id             bigint GENERATED ALWAYS AS IDENTITY,
    account_id     bigint      NOT NULL,
    membership_id  bigint      NOT NULL,
    name           text        NOT NULL,
    from_date      date,
    to_date        date,
    everyone       boolean     NOT NULL DEFAULT false,
    memberships    bigint[],
    legacy_users   bigint[],
    contacts       bigint[],
    projects       bigint[],
    tasks          bigint[],
    billable       boolean,
    invoiced       boolean,
    group_by       text[]      NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT report_pk PRIMARY KEY (id),
    CONSTRAINT report_account_id_uq UNIQUE (account_id, id),
    CONSTRAINT report_membership_fk FOREIGN KEY (account_id, membership_id)
        REFERENCES membership (account_id, id) ON DELETE CASCADE,
    CONSTRAINT report_name_ck CHECK (length(name) BETWEEN 1 AND 255)
);
CREATE INDEX report_account_idx ON report (account_id, id);
