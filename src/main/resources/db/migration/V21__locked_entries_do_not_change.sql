-- Locked time does not change, whatever route tries: an entry that is locked (locked_reason), billed
-- on an invoice or approved (closed) keeps its content and its tasks until the lock itself is lifted
-- (a draft invoice deleted, an approval withdrawn). The services check the lock before they write
-- and say why (Entries.requireUnlocked); these triggers are the rule's last word, for every path
-- that reaches an entry indirectly — a task deleted under it, a membership removed — and for paths
-- not yet written. They raise SQLSTATE TL423, which the API renders as the dialect's "locked" error
-- (ApiExceptionHandler). The WHEN clauses keep unlocked rows, nearly all writes, off the functions.

CREATE FUNCTION entry_lock_reason(locked_reason text, invoice_id bigint, closed boolean) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN COALESCE(locked_reason,
                    CASE WHEN invoice_id IS NOT NULL THEN 'The entry has been invoiced'
                         WHEN closed THEN 'The entry has been approved' END);

CREATE FUNCTION entry_refuse_locked_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    -- what may change on a locked entry: the lock itself, and when it last changed
    lock_columns CONSTANT text[] := '{invoice_id,closed,locked_reason,updated_at,billing_cents,spent_month}';
BEGIN
    IF TG_OP = 'UPDATE'
       AND to_jsonb(NEW) - lock_columns IS NOT DISTINCT FROM to_jsonb(OLD) - lock_columns THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '%', entry_lock_reason(OLD.locked_reason, OLD.invoice_id, OLD.closed)
        USING ERRCODE = 'TL423', DETAIL = 'entry ' || OLD.id;
END $$;

CREATE TRIGGER entry_locked_update BEFORE UPDATE ON entry FOR EACH ROW
    WHEN (OLD.locked_reason IS NOT NULL OR OLD.invoice_id IS NOT NULL OR OLD.closed)
    EXECUTE FUNCTION entry_refuse_locked_change();
-- An approved entry that is neither billed nor locked may be deleted: Harvest lets an admin do so
-- ("Admins can delete closed entries"), and Entries allows it to no one else.
CREATE TRIGGER entry_locked_delete BEFORE DELETE ON entry FOR EACH ROW
    WHEN (OLD.locked_reason IS NOT NULL OR OLD.invoice_id IS NOT NULL)
    EXECUTE FUNCTION entry_refuse_locked_change();

-- A task removed from a locked entry, whether by the entry's update or by the task's deletion. When
-- the entry itself is being deleted, it is gone by the time its links cascade, and nothing is found.
CREATE FUNCTION entry_task_refuse_locked_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    reason text;
BEGIN
    SELECT entry_lock_reason(e.locked_reason, e.invoice_id, e.closed) INTO reason
      FROM entry e WHERE e.account_id = OLD.account_id AND e.id = OLD.entry_id;
    IF reason IS NOT NULL THEN
        RAISE EXCEPTION 'It is used by time that cannot change: %', lower(reason)
            USING ERRCODE = 'TL423', DETAIL = 'entry ' || OLD.entry_id;
    END IF;
    RETURN OLD;
END $$;

CREATE TRIGGER entry_task_locked_delete BEFORE DELETE ON entry_task FOR EACH ROW
    EXECUTE FUNCTION entry_task_refuse_locked_change();
