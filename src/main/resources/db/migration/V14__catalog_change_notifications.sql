-- Each running server remembers what it read of an account's catalog — the work an entry is logged
-- against (tasks, project, contact, the project's assignments) and the names a page shows — until
-- it changes (CatalogCache, decision 012). A committed change to any of those tables is announced
-- on the channel timeledger_catalog with the account's id, and every server listening forgets what
-- it remembered of that account. Inserts are announced too: a server remembers that a project has
-- no assignment of a task or a person. PostgreSQL folds identical notifications of one transaction
-- into one, so a bulk write announces each account once, at commit.
CREATE FUNCTION notify_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('timeledger_catalog',
        CAST(CASE WHEN TG_OP = 'DELETE' THEN OLD.account_id ELSE NEW.account_id END AS text));
    RETURN NULL;
END
$$;

CREATE TRIGGER contact_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON contact FOR EACH ROW
    EXECUTE FUNCTION notify_catalog_changed();
CREATE TRIGGER project_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON project FOR EACH ROW
    EXECUTE FUNCTION notify_catalog_changed();
CREATE TRIGGER task_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON task FOR EACH ROW
    EXECUTE FUNCTION notify_catalog_changed();
CREATE TRIGGER task_assignment_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON task_assignment FOR EACH ROW
    EXECUTE FUNCTION notify_catalog_changed();
CREATE TRIGGER user_assignment_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON user_assignment FOR EACH ROW
    EXECUTE FUNCTION notify_catalog_changed();
