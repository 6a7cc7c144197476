-- Housekeeping that one node of a cluster does for all (decision 024): pruning the change log,
-- deleting expired sessions. Every node offers to run each task on its schedule; the first to
-- find the task's last run at least (nearly) a period ago takes it, by moving ran_at in one
-- statement, and the others skip that period. By the database's clock, which the nodes share.
CREATE TABLE cluster_task (
    name   text        NOT NULL,
    ran_at timestamptz NOT NULL,
    ran_by text        NOT NULL,
    CONSTRAINT cluster_task_pk PRIMARY KEY (name)
);
