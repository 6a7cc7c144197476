-- Webhooks (docs/webhooks.md, decision 023): an administrator subscribes a URL to kinds of change;
-- the server posts each such change of the account's change log (V25) to it, signed with the
-- subscription's secret, at least once and in order.
--
-- A subscription reads the change log from its cursor (the last change it has taken in): taking
-- changes in writes their deliveries, rendered once, so a retry sends the same body. One node at a
-- time works on a subscription, holding it until leased_until; another node takes it over only
-- after that, so a delivery is not made twice while its node lives, and order holds.
CREATE TABLE webhook (
    account_id    bigint      NOT NULL,
    id            bigint      GENERATED ALWAYS AS IDENTITY,
    url           text        NOT NULL,
    events        text[]      NOT NULL,
    -- the HMAC key of the signature; the receiver holds it too, so it is kept as it was given
    secret        text        NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    -- why the server paused it (deliveries failing for a day); null while it runs or when the
    -- administrator paused it
    paused_reason text,
    -- the change log's number up to which changes have been taken in
    cursor_seq    bigint      NOT NULL,
    leased_until  timestamptz,
    created_by    bigint      NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT webhook_pk PRIMARY KEY (id),
    CONSTRAINT webhook_account_id_uq UNIQUE (account_id, id),
    CONSTRAINT webhook_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT webhook_created_by_fk FOREIGN KEY (account_id, created_by)
        REFERENCES membership (account_id, id) ON DELETE CASCADE,
    CONSTRAINT webhook_events_ck CHECK (cardinality(events) > 0),
    CONSTRAINT webhook_url_ck CHECK (url ~ '^https?://')
);
CREATE INDEX webhook_account_idx ON webhook (account_id);

CREATE TABLE webhook_delivery (
    account_id     bigint      NOT NULL,
    id             bigint      GENERATED ALWAYS AS IDENTITY,
    webhook_id     bigint      NOT NULL,
    -- the change's number in its account's log: with the account, the event's id
    change_seq     bigint      NOT NULL,
    kind           text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    body           text        NOT NULL,
    -- pending until the receiver answers 2xx (delivered), or until retrying stops (failed)
    status         text        NOT NULL DEFAULT 'pending',
    attempts       integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    response_code  integer,
    latency_ms     integer,
    -- the start of the receiver's answer, or what went wrong reaching it
    response_excerpt text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    CONSTRAINT webhook_delivery_pk PRIMARY KEY (id),
    CONSTRAINT webhook_delivery_webhook_fk FOREIGN KEY (account_id, webhook_id)
        REFERENCES webhook (account_id, id) ON DELETE CASCADE,
    CONSTRAINT webhook_delivery_status_ck CHECK (status IN ('pending', 'delivered', 'failed'))
);
CREATE INDEX webhook_delivery_log_idx ON webhook_delivery (webhook_id, id);
CREATE INDEX webhook_delivery_pending_idx ON webhook_delivery (webhook_id, id) WHERE status = 'pending';
