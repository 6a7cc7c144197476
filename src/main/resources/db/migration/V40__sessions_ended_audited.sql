-- A person ending their other sign-in sessions from the profile page, and the sessions a new
-- password ends, are recorded in the security log (decision 024: sessions are rows every node reads).
ALTER TABLE audit_event DROP CONSTRAINT audit_event_kind_ck;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_kind_ck CHECK (kind IN (
    'sign_in.succeeded', 'sign_in.failed', 'sign_in.locked', 'password.changed',
    'token.created', 'token.revoked', 'api_key.created', 'api_key.revoked',
    'oauth.granted', 'oauth.refreshed', 'oauth.revoked', 'oauth.refresh_reused',
    'role.granted', 'role.changed', 'membership.archived', 'membership.restored', 'membership.removed',
    'password_link.created', 'account.exported', 'sessions.ended'));
