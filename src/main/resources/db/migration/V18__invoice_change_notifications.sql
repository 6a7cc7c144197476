-- Each running server remembers the invoices that the entries of a page are billed on, as the page
-- shows them — number, state, issue and due dates (EntryInvoices, decision 012) — until they change.
-- A committed change to any of those columns, or a removal, is announced on the channel
-- timeledger_invoices with the account's id, and every server listening forgets what it remembered
-- of that account's invoices. Inserts need no announcement (a server remembers only what it found);
-- the writes an invoice takes most often, its totals as its lines change and its archiving, touch
-- nothing a server remembers and are left out. PostgreSQL folds identical notifications of one
-- transaction into one, so a bulk write announces each account once, at commit.
CREATE FUNCTION notify_invoices_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('timeledger_invoices', CAST(OLD.account_id AS text));
    RETURN NULL;
END
$$;

CREATE TRIGGER invoice_shown_changed AFTER UPDATE ON invoice FOR EACH ROW
    WHEN ((OLD.account_id, OLD.number, OLD.status, OLD.issued_on, OLD.due_on)
          IS DISTINCT FROM (NEW.account_id, NEW.number, NEW.status, NEW.issued_on, NEW.due_on))
    EXECUTE FUNCTION notify_invoices_changed();
CREATE TRIGGER invoice_removed AFTER DELETE ON invoice FOR EACH ROW
    EXECUTE FUNCTION notify_invoices_changed();
