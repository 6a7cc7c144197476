-- Paydirt's jobs: priced pieces of a project. Time logged to a job is priced by its price type:
-- 0 per hour at the job's price, 1 a fixed price (the time itself not billable), 2 per hour at
-- the rate of whoever logs it. Soft-deleted, like projects, so logged time keeps its job.
CREATE TABLE job (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    account_id  bigint        NOT NULL,
    contact_id  bigint        NOT NULL,
    project_id  bigint,
    name        text          NOT NULL,
    price       numeric(12,2) NOT NULL,
    price_type  smallint      NOT NULL,
    estimate_s  integer,
    completed   boolean       NOT NULL DEFAULT false,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    CONSTRAINT job_pk PRIMARY KEY (id),
    CONSTRAINT job_account_id_uq UNIQUE (account_id, id),
    CONSTRAINT job_contact_fk FOREIGN KEY (account_id, contact_id) REFERENCES contact (account_id, id),
    CONSTRAINT job_project_fk FOREIGN KEY (account_id, project_id) REFERENCES project (account_id, id),
    CONSTRAINT job_name_ck CHECK (length(name) BETWEEN 1 AND 255),
    CONSTRAINT job_price_ck CHECK (price >= 0),
    CONSTRAINT job_price_type_ck CHECK (price_type IN (0, 1, 2)),
    CONSTRAINT job_estimate_ck CHECK (estimate_s >= 0)
);
CREATE INDEX job_account_idx ON job (account_id, id) WHERE deleted_at IS NULL;
CREATE INDEX job_project_idx ON job (account_id, project_id) WHERE deleted_at IS NULL;

ALTER TABLE entry ADD CONSTRAINT entry_job_fk FOREIGN KEY (account_id, job_id) REFERENCES job (account_id, id);
CREATE INDEX entry_job_idx ON entry (account_id, job_id) WHERE job_id IS NOT NULL;
