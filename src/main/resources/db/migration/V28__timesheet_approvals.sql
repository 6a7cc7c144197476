-- Timesheet approval: a person submits a week of their time (weeks start on the account's week
-- start); a manager or an administrator approves it — its entries become closed, locked in every
-- dialect and route as invoiced time is (V21) — or rejects it with a note; an administrator reopens
-- an approved week, which unlocks it. One row per person and week, made when first acted on; its
-- status moves open -> submitted -> approved | rejected, and back to open when the person withdraws
-- it or an administrator reopens it.
CREATE TABLE timesheet_approval (
    id            bigint GENERATED ALWAYS AS IDENTITY,
    account_id    bigint      NOT NULL,
    membership_id bigint      NOT NULL,
    period_start  date        NOT NULL,
    period_end    date        NOT NULL,
    status        text        NOT NULL DEFAULT 'open',
    -- the approver's note on an approval or a rejection
    note          text,
    submitted_at  timestamptz,
    decided_at    timestamptz,
    -- the membership that approved or rejected it (kept as a number: the approver may leave)
    decided_by    bigint,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT timesheet_approval_pk PRIMARY KEY (id),
    CONSTRAINT timesheet_approval_period_uq UNIQUE (account_id, membership_id, period_start),
    CONSTRAINT timesheet_approval_membership_fk FOREIGN KEY (account_id, membership_id)
        REFERENCES membership (account_id, id) ON DELETE CASCADE,
    CONSTRAINT timesheet_approval_status_ck CHECK (status IN ('open', 'submitted', 'approved', 'rejected')),
    CONSTRAINT timesheet_approval_period_ck CHECK (period_end >= period_start),
    CONSTRAINT timesheet_approval_note_ck CHECK (length(note) <= 2000)
);
CREATE INDEX timesheet_approval_pending_idx ON timesheet_approval (account_id, period_start)
    WHERE status = 'submitted';

-- No time is added to an approved week, nor moved into one, by any route: the services say so
-- first (Locked), and this is the rule's last word (SQLSTATE TL423, as V21's). Approving closes the
-- week's entries in the same transaction; the check here is one probe of the unique index.
CREATE FUNCTION entry_refuse_approved_week() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM timesheet_approval a
                WHERE a.account_id = NEW.account_id AND a.membership_id = NEW.membership_id
                  AND a.period_start <= NEW.spent_on AND a.period_end >= NEW.spent_on AND a.status = 'approved') THEN
        RAISE EXCEPTION 'The time of the week of % has been approved', NEW.spent_on
            USING ERRCODE = 'TL423', DETAIL = 'entry ' || coalesce(CAST(NEW.id AS text), 'new');
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER entry_approved_week_insert BEFORE INSERT ON entry FOR EACH ROW
    WHEN (NEW.spent_on IS NOT NULL)
    EXECUTE FUNCTION entry_refuse_approved_week();
CREATE TRIGGER entry_approved_week_update BEFORE UPDATE OF spent_on, membership_id ON entry FOR EACH ROW
    WHEN (NEW.spent_on IS NOT NULL
          AND (NEW.spent_on IS DISTINCT FROM OLD.spent_on OR NEW.membership_id IS DISTINCT FROM OLD.membership_id))
    EXECUTE FUNCTION entry_refuse_approved_week();

-- An approval's changes go through the change feed (V25) as approval.changed, the person's, the
-- row's id as the object: pages and API clients that follow changes see a week submitted,
-- approved, rejected or reopened. The row made "open" on first contact is not a change.
CREATE OR REPLACE FUNCTION log_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_account bigint;
    person          bigint;
    changed_object  bigint;
    change_kind     text;
    dock_version    bigint;
    next_seq        bigint;
BEGIN
    IF TG_TABLE_NAME = 'dock' THEN
        changed_account := NEW.account_id;
        person := NEW.membership_id;
        changed_object := NEW.membership_id;
        change_kind := 'dock.changed';
        dock_version := NEW.version_number;
    ELSIF TG_TABLE_NAME = 'timesheet_approval' THEN
        changed_account := NEW.account_id;
        person := NEW.membership_id;
        changed_object := NEW.id;
        change_kind := 'approval.changed';
    ELSIF TG_OP = 'DELETE' THEN
        changed_account := OLD.account_id;
        person := OLD.membership_id;
        changed_object := OLD.id;
        change_kind := 'entry.deleted';
    ELSE
        changed_account := NEW.account_id;
        person := NEW.membership_id;
        changed_object := NEW.id;
        change_kind := CASE TG_OP WHEN 'INSERT' THEN 'entry.created' ELSE 'entry.updated' END;
    END IF;
    INSERT INTO change_feed AS feed (account_id, last_seq) VALUES (changed_account, 1)
        ON CONFLICT (account_id) DO UPDATE SET last_seq = feed.last_seq + 1
        RETURNING last_seq INTO next_seq;
    INSERT INTO change_log (account_id, seq, membership_id, kind, object_id, version)
        VALUES (changed_account, next_seq, person, change_kind, changed_object, dock_version);
    PERFORM pg_notify('timeledger_changes', concat_ws(':', changed_account, next_seq, person, change_kind,
        changed_object, coalesce(CAST(dock_version AS text), ''),
        CAST(floor(extract(epoch FROM now()) * 1000) AS bigint)));
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER timesheet_approval_changed_logged AFTER UPDATE ON timesheet_approval
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION log_change();

-- The weeks waiting for a decision are remembered per account (WaitingWeeks: Harvest shows each
-- entry's approval_status); a committed change of any week is announced with the account's id.
CREATE FUNCTION notify_approvals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('timeledger_approvals',
        CAST(CASE WHEN TG_OP = 'DELETE' THEN OLD.account_id ELSE NEW.account_id END AS text));
    RETURN NULL;
END
$$;
CREATE TRIGGER timesheet_approval_announced AFTER INSERT OR UPDATE OR DELETE ON timesheet_approval FOR EACH ROW
    EXECUTE FUNCTION notify_approvals_changed();
