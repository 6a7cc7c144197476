-- What Harvest keeps about a person in an account beside role and rates (its user object):
-- telephone, contractor or employee, weekly capacity in seconds, whether new projects assign
-- them, and descriptive business roles ("Developer"). Per membership: the account's admins
-- set them, and the person's own profile (name, email, zone) stays theirs across accounts.
-- Constant defaults: adding the columns rewrites no rows.
ALTER TABLE membership
    ADD COLUMN telephone          text    NOT NULL DEFAULT '',
    ADD COLUMN contractor         boolean NOT NULL DEFAULT false,
    ADD COLUMN weekly_capacity    integer NOT NULL DEFAULT 126000,
    ADD COLUMN joins_new_projects boolean NOT NULL DEFAULT false,
    ADD COLUMN business_roles     text[]  NOT NULL DEFAULT '{}',
    ADD CONSTRAINT membership_telephone_ck CHECK (length(telephone) <= 100),
    ADD CONSTRAINT membership_weekly_capacity_ck CHECK (weekly_capacity BETWEEN 0 AND 604800);

-- Archiving, restoring and removing a person from an account are security events too.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_kind_ck;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_kind_ck CHECK (kind IN (
    'sign_in.succeeded', 'sign_in.failed', 'sign_in.locked', 'password.changed',
    'token.created', 'token.revoked', 'api_key.created', 'api_key.revoked',
    'oauth.granted', 'oauth.refreshed', 'oauth.revoked', 'oauth.refresh_reused',
    'role.granted', 'role.changed', 'membership.archived', 'membership.restored', 'membership.removed'));
