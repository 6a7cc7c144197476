-- OAuth 2.0: the apps an administrator registers, and the authorizations people grant them.

-- Spring Authorization Server's own table, read and written by its JdbcRegisteredClientRepository
-- (timestamps as timestamptz, as its schema advises for PostgreSQL). client_secret holds a
-- DelegatingPasswordEncoder hash, never the secret.
CREATE TABLE oauth2_registered_client (
    id                            varchar(100)  NOT NULL,
    client_id                     varchar(100)  NOT NULL,
    client_id_issued_at           timestamptz   NOT NULL DEFAULT now(),
    client_secret                 varchar(200),
    client_secret_expires_at      timestamptz,
    client_name                   varchar(200)  NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types     varchar(1000) NOT NULL,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) NOT NULL,
    client_settings               varchar(2000) NOT NULL,
    token_settings                varchar(2000) NOT NULL,
    CONSTRAINT oauth2_registered_client_pk PRIMARY KEY (id),
    CONSTRAINT oauth2_registered_client_client_id_uq UNIQUE (client_id)
);

-- One authorization a person granted an app, from the authorization request to its last
-- refresh. Like every other secret here, the state, code and tokens are kept only as SHA-256
-- hashes (decision 008), so a copy of the database cannot act for anyone.
CREATE TABLE oauth_authorization (
    id                  bigint GENERATED ALWAYS AS IDENTITY,
    -- Spring Authorization Server's id for it
    authorization_id    varchar(100) NOT NULL,
    registered_client_id varchar(100) NOT NULL,
    user_id             bigint       NOT NULL,
    principal_name      text         NOT NULL,
    grant_type          text         NOT NULL,
    -- the account the person chose on the consent page; null until they chose
    account_id          bigint,
    authorized_scopes   text[]       NOT NULL DEFAULT '{}',
    -- the authorization request (redirect URI, PKCE challenge) while it is needed
    request             jsonb,
    state_hash          bytea,
    code_hash           bytea,
    code_issued_at      timestamptz,
    code_expires_at     timestamptz,
    code_invalidated    boolean      NOT NULL DEFAULT false,
    access_hash         bytea,
    access_prefix       text,
    access_scopes       text[],
    access_issued_at    timestamptz,
    access_expires_at   timestamptz,
    access_invalidated  boolean      NOT NULL DEFAULT false,
    refresh_hash        bytea,
    refresh_issued_at   timestamptz,
    refresh_expires_at  timestamptz,
    refresh_invalidated boolean      NOT NULL DEFAULT false,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    last_used_at        timestamptz,
    CONSTRAINT oauth_authorization_pk PRIMARY KEY (id),
    CONSTRAINT oauth_authorization_id_uq UNIQUE (authorization_id),
    CONSTRAINT oauth_authorization_client_fk FOREIGN KEY (registered_client_id)
        REFERENCES oauth2_registered_client (id) ON DELETE CASCADE,
    CONSTRAINT oauth_authorization_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    -- an authorization dies with the membership it acts through
    CONSTRAINT oauth_authorization_membership_fk FOREIGN KEY (account_id, user_id)
        REFERENCES membership (account_id, user_id) ON DELETE CASCADE,
    CONSTRAINT oauth_authorization_state_uq UNIQUE (state_hash),
    CONSTRAINT oauth_authorization_code_uq UNIQUE (code_hash),
    CONSTRAINT oauth_authorization_access_uq UNIQUE (access_hash),
    CONSTRAINT oauth_authorization_refresh_uq UNIQUE (refresh_hash)
);
CREATE INDEX oauth_authorization_user_idx ON oauth_authorization (user_id);

-- Failed sign-ins per email, for the brute-force rule (SignInThrottle).
CREATE TABLE sign_in_failure (
    email        text        NOT NULL,
    failures     integer     NOT NULL DEFAULT 0,
    last_failure timestamptz NOT NULL,
    CONSTRAINT sign_in_failure_pk PRIMARY KEY (email)
);

