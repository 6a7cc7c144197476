-- V28's last word on approved weeks, for inserts, once per statement instead of once per row: the
-- rows a statement inserted are joined to the approved weeks in one query. An import writes 2,000
-- entries a statement, and the per-row check cost it 1.7 s of every 100,000 (docs/performance.md);
-- a single entry's insert makes the same one query as before. The statement fails as the row did
-- (SQLSTATE TL423, the first such entry named); updates keep V28's per-row check, which its WHEN
-- clause confines to moves between days or people.
DROP TRIGGER entry_approved_week_insert ON entry;

CREATE FUNCTION entry_refuse_approved_weeks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    refused record;
BEGIN
    SELECT i.id, i.spent_on INTO refused
      FROM inserted i
      JOIN timesheet_approval a
        ON a.account_id = i.account_id AND a.membership_id = i.membership_id
       AND a.period_start <= i.spent_on AND a.period_end >= i.spent_on AND a.status = 'approved'
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'The time of the week of % has been approved', refused.spent_on
            USING ERRCODE = 'TL423', DETAIL = 'entry ' || refused.id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER entry_approved_weeks_insert AFTER INSERT ON entry
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION entry_refuse_approved_weeks();
