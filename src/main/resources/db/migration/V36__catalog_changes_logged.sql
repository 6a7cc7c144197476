-- The catalog in the change feed (V25, V35), for webhooks (catalog.changed) and followers of the
-- feed: a contact, project or task made or changed is <table>.changed, one deleted (contacts and
-- projects are soft-deleted, tasks removed) <table>.deleted. The catalog is nobody's time: its
-- changes are logged as person 0, seen by administrators and managers, who see everyone's, as
-- invoices are. Task and user assignments are not logged: they are a project's, read with it.
--
-- An import's new clients, projects and tasks are logged (they are news to whoever follows the
-- account); a restore's are not (the account is new, nobody follows it): it sets
-- timeledger.restoring for its transaction.
CREATE FUNCTION log_catalog_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM append_change(OLD.account_id, 0, TG_TABLE_NAME || '.deleted', OLD.id, NULL);
    ELSIF TG_TABLE_NAME <> 'task' AND (to_jsonb(NEW) ->> 'deleted_at') IS NOT NULL THEN
        PERFORM append_change(NEW.account_id, 0, TG_TABLE_NAME || '.deleted', NEW.id, NULL);
    ELSE
        PERFORM append_change(NEW.account_id, 0, TG_TABLE_NAME || '.changed', NEW.id, NULL);
    END IF;
    RETURN NULL;
END
$$;

-- Deferred, as every logged change is, so that its number is taken at commit (V25). A contact or
-- project already deleted is not logged again when it is touched.
CREATE CONSTRAINT TRIGGER contact_made_logged AFTER INSERT ON contact
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (current_setting('timeledger.restoring', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION log_catalog_change();
CREATE CONSTRAINT TRIGGER contact_change_logged AFTER UPDATE ON contact
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.deleted_at IS NULL)
    EXECUTE FUNCTION log_catalog_change();
CREATE CONSTRAINT TRIGGER project_made_logged AFTER INSERT ON project
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (current_setting('timeledger.restoring', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION log_catalog_change();
CREATE CONSTRAINT TRIGGER project_change_logged AFTER UPDATE ON project
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.deleted_at IS NULL)
    EXECUTE FUNCTION log_catalog_change();
CREATE CONSTRAINT TRIGGER task_change_logged AFTER INSERT OR UPDATE OR DELETE ON task
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (current_setting('timeledger.restoring', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION log_catalog_change();
