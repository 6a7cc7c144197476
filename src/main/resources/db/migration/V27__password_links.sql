-- One-time links that let a person set their password, made by an account's administrator: an
-- invitation (the person was just added and has no password) or a reset. The link is shown to the
-- administrator to pass on, as no mail is sent. Only its secret's SHA-256 hash is kept; it works
-- once, until it expires, and a newer link for the same person replaces any unused one.
CREATE TABLE password_link (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    user_id     bigint      NOT NULL,
    account_id  bigint      NOT NULL,
    purpose     text        NOT NULL,
    secret_hash bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    CONSTRAINT password_link_pk PRIMARY KEY (id),
    CONSTRAINT password_link_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT password_link_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT password_link_secret_uq UNIQUE (secret_hash),
    CONSTRAINT password_link_purpose_ck CHECK (purpose IN ('invitation', 'reset'))
);
CREATE INDEX password_link_user_idx ON password_link (user_id);
CREATE INDEX password_link_account_idx ON password_link (account_id) WHERE used_at IS NULL;

-- Making such a link is a security event of the person it is for.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_kind_ck;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_kind_ck CHECK (kind IN (
    'sign_in.succeeded', 'sign_in.failed', 'sign_in.locked', 'password.changed',
    'token.created', 'token.revoked', 'api_key.created', 'api_key.revoked',
    'oauth.granted', 'oauth.refreshed', 'oauth.revoked', 'oauth.refresh_reused',
    'role.granted', 'role.changed', 'membership.archived', 'membership.restored', 'membership.removed',
    'password_link.created'));
