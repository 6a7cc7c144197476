-- The refresh tokens an authorization has already exchanged (rotation spends each one). One
-- presented again means it was copied: the whole authorization, and every token issued from it, is
-- revoked (OAuth 2.0 Security BCP, refresh token rotation). Hashes only, like every secret here.
CREATE TABLE oauth_spent_refresh_token (
    hash             bytea       NOT NULL,
    authorization_id bigint      NOT NULL,
    spent_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT oauth_spent_refresh_token_pk PRIMARY KEY (hash),
    CONSTRAINT oauth_spent_refresh_token_authorization_fk FOREIGN KEY (authorization_id)
        REFERENCES oauth_authorization (id) ON DELETE CASCADE
);
CREATE INDEX oauth_spent_refresh_token_authorization_idx ON oauth_spent_refresh_token (authorization_id);
