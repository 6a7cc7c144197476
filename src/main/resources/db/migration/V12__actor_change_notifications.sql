-- Each running server remembers, for a few seconds, what a secret authenticates as: the credential
-- or OAuth authorization, the membership, its user and its account (AuthenticationCache, decision
-- 011). A committed change to any of them is announced on the channel timeledger_actors, and every
-- server listening forgets what it remembered. Inserts need no announcement (a server remembers
-- only what it found); writes that touch nothing a server remembers are left out: the last-use
-- stamp of credentials and authorizations (once a minute per client) and the account's next
-- invoice number (every invoice). NOTIFY is sent at commit, once per transaction.
CREATE FUNCTION notify_actors_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('timeledger_actors', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER credential_changed AFTER UPDATE ON credential FOR EACH ROW
    WHEN ((to_jsonb(OLD) - 'last_used_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_used_at'))
    EXECUTE FUNCTION notify_actors_changed();
CREATE TRIGGER credential_removed AFTER DELETE ON credential FOR EACH STATEMENT
    EXECUTE FUNCTION notify_actors_changed();

CREATE TRIGGER oauth_authorization_changed AFTER UPDATE ON oauth_authorization FOR EACH ROW
    WHEN ((to_jsonb(OLD) - 'last_used_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_used_at'))
    EXECUTE FUNCTION notify_actors_changed();
CREATE TRIGGER oauth_authorization_removed AFTER DELETE ON oauth_authorization FOR EACH STATEMENT
    EXECUTE FUNCTION notify_actors_changed();

CREATE TRIGGER oauth2_registered_client_changed AFTER UPDATE OR DELETE ON oauth2_registered_client
    FOR EACH STATEMENT EXECUTE FUNCTION notify_actors_changed();

CREATE TRIGGER membership_changed AFTER UPDATE OR DELETE ON membership FOR EACH STATEMENT
    EXECUTE FUNCTION notify_actors_changed();

CREATE TRIGGER app_user_changed AFTER UPDATE OR DELETE ON app_user FOR EACH STATEMENT
    EXECUTE FUNCTION notify_actors_changed();

CREATE TRIGGER account_changed AFTER UPDATE ON account FOR EACH ROW
    WHEN ((to_jsonb(OLD) - 'next_invoice_number' - 'updated_at')
          IS DISTINCT FROM (to_jsonb(NEW) - 'next_invoice_number' - 'updated_at'))
    EXECUTE FUNCTION notify_actors_changed();
CREATE TRIGGER account_removed AFTER DELETE ON account FOR EACH STATEMENT
    EXECUTE FUNCTION notify_actors_changed();
