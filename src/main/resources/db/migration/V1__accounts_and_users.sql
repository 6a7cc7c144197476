-- People: accounts, users, and memberships (a user's place in an account).

CREATE TABLE account (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    name        text        NOT NULL,
    currency    char(3)     NOT NULL DEFAULT 'USD',
    time_zone   text        NOT NULL DEFAULT 'UTC',
    -- ISO day of week the account's weeks start on: 1 Monday .. 7 Sunday
    week_start  smallint    NOT NULL DEFAULT 1,
    settings    jsonb       NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT account_pk PRIMARY KEY (id),
    CONSTRAINT account_name_ck CHECK (length(name) BETWEEN 1 AND 255),
    CONSTRAINT account_currency_ck CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT account_week_start_ck CHECK (week_start BETWEEN 1 AND 7),
    CONSTRAINT account_settings_ck CHECK (jsonb_typeof(settings) = 'object')
);

-- "user" is reserved in PostgreSQL.
CREATE TABLE app_user (
    id                bigint GENERATED ALWAYS AS IDENTITY,
    email             text        NOT NULL,
    first_name        text        NOT NULL DEFAULT '',
    last_name         text        NOT NULL DEFAULT '',
    -- Spring Security's DelegatingPasswordEncoder format; null: no password sign-in yet
    password_hash     text,
    time_zone         text        NOT NULL DEFAULT 'UTC',
    active_account_id bigint,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_user_pk PRIMARY KEY (id),
    CONSTRAINT app_user_active_account_fk FOREIGN KEY (active_account_id) REFERENCES account (id) ON DELETE SET NULL,
    CONSTRAINT app_user_email_ck CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%')
);
CREATE UNIQUE INDEX app_user_email_uq ON app_user (lower(email));

CREATE TABLE membership (
    id                 bigint GENERATED ALWAYS AS IDENTITY,
    account_id         bigint        NOT NULL,
    user_id            bigint        NOT NULL,
    role               text          NOT NULL DEFAULT 'member',
    billing_rate       numeric(12,2),
    archived           boolean       NOT NULL DEFAULT false,
    -- MinuteDock's deprecated push channel: an opaque per-membership name, never a secret
    push_channel_token uuid          NOT NULL DEFAULT gen_random_uuid(),
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT membership_pk PRIMARY KEY (id),
    CONSTRAINT membership_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT membership_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT membership_account_user_uq UNIQUE (account_id, user_id),
    -- lets tenant tables reference (account_id, membership_id) so no row can point across accounts
    CONSTRAINT membership_account_id_uq UNIQUE (account_id, id),
    CONSTRAINT membership_role_ck CHECK (role IN ('admin', 'manager', 'member')),
    CONSTRAINT membership_billing_rate_ck CHECK (billing_rate >= 0)
);
CREATE INDEX membership_user_idx ON membership (user_id);

-- Secrets that authenticate API calls. Only a SHA-256 hash of the secret is stored, and a short
-- clear prefix so a person can tell their tokens apart.
CREATE TABLE credential (
    id           bigint GENERATED ALWAYS AS IDENTITY,
    kind         text        NOT NULL,
    user_id      bigint      NOT NULL,
    -- the account a personal access token is bound to; null for a user-scoped API key
    account_id   bigint,
    name         text,
    prefix       text        NOT NULL,
    secret_hash  bytea       NOT NULL,
    scopes       text[]      NOT NULL DEFAULT '{read,write}',
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    CONSTRAINT credential_pk PRIMARY KEY (id),
    CONSTRAINT credential_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    -- a token dies with the membership it acts through
    CONSTRAINT credential_membership_fk FOREIGN KEY (account_id, user_id)
        REFERENCES membership (account_id, user_id) ON DELETE CASCADE,
    CONSTRAINT credential_secret_hash_uq UNIQUE (secret_hash),
    CONSTRAINT credential_kind_ck CHECK (kind IN ('personal_access_token', 'api_key')),
    CONSTRAINT credential_scope_ck CHECK ((kind = 'api_key') = (account_id IS NULL)),
    CONSTRAINT credential_name_ck CHECK (length(name) <= 255)
);
CREATE INDEX credential_user_idx ON credential (user_id);
-- one live legacy API key per user; regenerating revokes the old one
CREATE UNIQUE INDEX credential_api_key_uq ON credential (user_id) WHERE kind = 'api_key' AND revoked_at IS NULL;
