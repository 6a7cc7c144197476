-- The change feed (decision 020): every committed change to an entry or a dock is appended to
-- change_log, numbered per account, and announced on the channel timeledger_changes; GET /events
-- streams them to pages and clients, and a client that reconnects reads what it missed from here.
--
-- Each account's changes are numbered 1, 2, 3 … in the order they commit, with no gaps, so that a
-- client that has seen change n has seen every change before it. The number is taken at commit: the
-- triggers below are deferred, so they run as the transaction commits, after every other lock it
-- takes. Taking it bumps the account's row of change_feed, whose lock is then held only for the
-- commit itself; a transaction that took its number earlier, holding the lock while it went on to
-- lock a dock another transaction held, could deadlock with it.
--
-- Neither table refers to account or membership: a change is logged as a deleted account's or
-- person's entries go, and the log outlives them until it is pruned (ChangeFeed keeps 7 days).
CREATE TABLE change_feed (
    account_id bigint NOT NULL,
    last_seq   bigint NOT NULL,
    CONSTRAINT change_feed_pk PRIMARY KEY (account_id)
);

CREATE TABLE change_log (
    account_id    bigint      NOT NULL,
    seq           bigint      NOT NULL,
    -- whose time changed: the entry's or the dock's person
    membership_id bigint      NOT NULL,
    -- entry.created, entry.updated, entry.deleted (logged time), dock.changed (the dock's entry)
    kind          text        NOT NULL,
    -- the entry's id; for a dock, its person's membership id
    object_id     bigint      NOT NULL,
    -- the dock's version number after the change; null for entries, which carry no version
    version       bigint,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT change_log_pk PRIMARY KEY (account_id, seq)
);
CREATE INDEX change_log_changed_at_idx ON change_log (changed_at);

CREATE FUNCTION log_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
    -- account:seq:person:kind:object:version:epoch-millis — everything a subscriber needs, so that
    -- live delivery reads nothing back; NOTIFY is delivered only if and when the transaction commits
    PERFORM pg_notify('timeledger_changes', concat_ws(':', changed_account, next_seq, person, change_kind,
        changed_object, coalesce(CAST(dock_version AS text), ''),
        CAST(floor(extract(epoch FROM now()) * 1000) AS bigint)));
    RETURN NULL;
END
$$;

-- Entries are logged time; the one unlogged entry of a person is their dock, whose every change
-- bumps its version and is announced as dock.changed. An entry's own changes are announced while it
-- is logged time, and as it becomes or stops being logged time.
CREATE CONSTRAINT TRIGGER entry_created_logged AFTER INSERT ON entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.logged)
    EXECUTE FUNCTION log_change();
CREATE CONSTRAINT TRIGGER entry_updated_logged AFTER UPDATE ON entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ((OLD.logged OR NEW.logged) AND OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION log_change();
CREATE CONSTRAINT TRIGGER entry_deleted_logged AFTER DELETE ON entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.logged)
    EXECUTE FUNCTION log_change();
CREATE CONSTRAINT TRIGGER dock_changed_logged AFTER UPDATE ON dock
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.version_number IS DISTINCT FROM NEW.version_number)
    EXECUTE FUNCTION log_change();
