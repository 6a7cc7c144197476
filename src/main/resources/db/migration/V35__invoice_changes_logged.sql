-- Invoices in the change feed (V25, decision 020), for webhooks and followers of the feed: a draft
-- made is invoice.drafted, a draft sent invoice.sent, an invoice whose payments reach its total
-- invoice.paid, a sent invoice voided invoice.voided. An invoice is nobody's time: its changes are
-- logged as person 0, so that administrators and managers, who follow everyone's, see them, and
-- members, who follow their own time only, do not. A restored account's invoices are not news: a
-- restore (which sets timeledger.batch_logged, V31, and logs none of its entries either) logs none.

-- Appending a change — numbering it in its account's feed, logging it, announcing it — is now one
-- function, which the entries', docks' and weeks' trigger (log_change) and the invoices' both call.
CREATE FUNCTION append_change(changed_account bigint, person bigint, change_kind text, changed_object bigint,
                              dock_version bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    next_seq bigint;
BEGIN
    INSERT INTO change_feed AS feed (account_id, last_seq) VALUES (changed_account, 1)
        ON CONFLICT (account_id) DO UPDATE SET last_seq = feed.last_seq + 1
        RETURNING last_seq INTO next_seq;
    INSERT INTO change_log (account_id, seq, membership_id, kind, object_id, version)
        VALUES (changed_account, next_seq, person, change_kind, changed_object, dock_version);
    PERFORM pg_notify('timeledger_changes', concat_ws(':', changed_account, next_seq, person, change_kind,
        changed_object, coalesce(CAST(dock_version AS text), ''),
        CAST(floor(extract(epoch FROM now()) * 1000) AS bigint)));
END
$$;

CREATE OR REPLACE FUNCTION log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'dock' THEN
        PERFORM append_change(NEW.account_id, NEW.membership_id, 'dock.changed', NEW.membership_id,
                              NEW.version_number);
    ELSIF TG_TABLE_NAME = 'timesheet_approval' THEN
        PERFORM append_change(NEW.account_id, NEW.membership_id, 'approval.changed', NEW.id, NULL);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM append_change(OLD.account_id, OLD.membership_id, 'entry.deleted', OLD.id, NULL);
    ELSE
        PERFORM append_change(NEW.account_id, NEW.membership_id,
                              CASE TG_OP WHEN 'INSERT' THEN 'entry.created' ELSE 'entry.updated' END, NEW.id, NULL);
    END IF;
    RETURN NULL;
END
$$;

-- The kind is the trigger's argument.
CREATE FUNCTION log_invoice_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM append_change(NEW.account_id, 0, TG_ARGV[0], NEW.id, NULL);
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER invoice_drafted_logged AFTER INSERT ON invoice
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (current_setting('timeledger.batch_logged', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION log_invoice_change('invoice.drafted');
CREATE CONSTRAINT TRIGGER invoice_sent_logged AFTER UPDATE ON invoice
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status = 'draft' AND NEW.status = 'sent')
    EXECUTE FUNCTION log_invoice_change('invoice.sent');
CREATE CONSTRAINT TRIGGER invoice_paid_logged AFTER UPDATE ON invoice
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.paid < OLD.total AND NEW.paid >= NEW.total AND NEW.total > 0)
    EXECUTE FUNCTION log_invoice_change('invoice.paid');
CREATE CONSTRAINT TRIGGER invoice_voided_logged AFTER UPDATE ON invoice
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL)
    EXECUTE FUNCTION log_invoice_change('invoice.voided');
