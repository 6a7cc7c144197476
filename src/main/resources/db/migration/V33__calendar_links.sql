-- A person's time as a private iCalendar feed (/calendar/<secret>.ics), for any calendar app to
-- show beside their meetings. One link per person per account, made and revoked on the profile
-- page; only the secret's hash is kept, as for tokens.
CREATE TABLE calendar_link (
    account_id    bigint      NOT NULL,
    membership_id bigint      NOT NULL,
    secret_hash   bytea       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT calendar_link_pk PRIMARY KEY (account_id, membership_id),
    CONSTRAINT calendar_link_membership_fk FOREIGN KEY (account_id, membership_id)
        REFERENCES membership (account_id, id) ON DELETE CASCADE,
    CONSTRAINT calendar_link_secret_uq UNIQUE (secret_hash)
);
