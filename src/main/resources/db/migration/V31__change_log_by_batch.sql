-- An import logs its entries to the change feed (V25) as batches: the per-row trigger would take
-- each entry's number from the account's one change_feed row at commit, updating that row once per
-- entry inside one transaction — and each update walks the versions the transaction already made
-- of it, so 100,000 entries took minutes. A transaction that sets timeledger.batch_logged writes
-- one change_batch row per batch of entries instead; its deferred trigger, at commit like the
-- per-row one, takes the batch's numbers in one update and logs and announces each entry as
-- entry.created, as the per-row trigger would have. The row is gone by the time the transaction
-- commits.
CREATE UNLOGGED TABLE change_batch (
    id             bigint   GENERATED ALWAYS AS IDENTITY,
    account_id     bigint   NOT NULL,
    membership_ids bigint[] NOT NULL,
    entry_ids      bigint[] NOT NULL,
    CONSTRAINT change_batch_pk PRIMARY KEY (id),
    CONSTRAINT change_batch_size_ck CHECK (cardinality(membership_ids) = cardinality(entry_ids))
);

CREATE FUNCTION log_change_batch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n    bigint := cardinality(NEW.entry_ids);
    last bigint;
BEGIN
    INSERT INTO change_feed AS feed (account_id, last_seq) VALUES (NEW.account_id, n)
        ON CONFLICT (account_id) DO UPDATE SET last_seq = feed.last_seq + n
        RETURNING last_seq INTO last;
    INSERT INTO change_log (account_id, seq, membership_id, kind, object_id)
    SELECT NEW.account_id, last - n + c.ord, c.membership_id, 'entry.created', c.entry_id
      FROM unnest(NEW.membership_ids, NEW.entry_ids) WITH ORDINALITY AS c(membership_id, entry_id, ord);
    PERFORM pg_notify('timeledger_changes', concat_ws(':', NEW.account_id, last - n + c.ord, c.membership_id,
                'entry.created', c.entry_id, '', CAST(floor(extract(epoch FROM now()) * 1000) AS bigint)))
       FROM unnest(NEW.membership_ids, NEW.entry_ids) WITH ORDINALITY AS c(membership_id, entry_id, ord);
    DELETE FROM change_batch WHERE id = NEW.id;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER change_batch_logged AFTER INSERT ON change_batch
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION log_change_batch();

-- A constraint trigger's WHEN is evaluated as the row is written, not at commit.
DROP TRIGGER entry_created_logged ON entry;
CREATE CONSTRAINT TRIGGER entry_created_logged AFTER INSERT ON entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.logged AND current_setting('timeledger.batch_logged', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION log_change();
