-- The security audit trail: who signed in or failed to, which tokens, keys and OAuth grants were
-- made and revoked, whose role changed, when and from where. Rows are only ever added (and, past
-- timeledger.audit.keep, pruned). No foreign keys: the trail outlives what it speaks of, and an
-- attempted email that has no user is exactly what a failed sign-in must record.
CREATE TABLE audit_event (
    id             bigint GENERATED ALWAYS AS IDENTITY,
    occurred_at    timestamptz NOT NULL,
    kind           text        NOT NULL,
    user_id        bigint,
    email          text,
    account_id     bigint,
    detail         text        NOT NULL DEFAULT '',
    via            text        NOT NULL,
    client_address inet,
    user_agent     text,
    CONSTRAINT audit_event_pk PRIMARY KEY (id),
    CONSTRAINT audit_event_kind_ck CHECK (kind IN (
        'sign_in.succeeded', 'sign_in.failed', 'sign_in.locked', 'password.changed',
        'token.created', 'token.revoked', 'api_key.created', 'api_key.revoked',
        'oauth.granted', 'oauth.refreshed', 'oauth.revoked', 'oauth.refresh_reused',
        'role.granted', 'role.changed')),
    CONSTRAINT audit_event_via_ck CHECK (via IN ('web', 'api', 'oauth', 'server'))
);
-- a person's own events, newest first (the profile page), and everyone's (tl admin audit)
CREATE INDEX audit_event_user_idx ON audit_event (user_id, occurred_at DESC, id DESC) WHERE user_id IS NOT NULL;
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at DESC, id DESC);
