-- A report grouped by month (or year) truncated every entry's day to its month, per entry:
-- date_trunc on a timestamp splits it into fields and builds it again. Over 1.4M entries that was
-- a third of a whole-ledger report by contact and month (2026-12-01, pgbench, four rounds each:
-- medians 445 ms grouping by date_trunc of spent_on, 340 ms grouping by this column). Kept by
-- PostgreSQL beside spent_on, like billing_cents (V15), and only ever derived from it. Years are
-- truncated from the months a report has already grouped, so they need no column of their own.
-- Adding it rewrites the table once.
ALTER TABLE entry
    ADD COLUMN spent_month date GENERATED ALWAYS AS (CAST(date_trunc('month', CAST(spent_on AS timestamp)) AS date)) STORED;

COMMENT ON COLUMN entry.spent_month IS 'the first day of spent_on''s month, for reports';
