-- The search indexes were built descending, to match "newest first". PostgreSQL walks an ascending
-- B-tree backwards at the same cost, and a descending one of keys that grow (ids, today's dates)
-- takes every new entry at its left edge: there pages split in half instead of filling, and the
-- right-edge fast path for inserts is never taken. Over the benchmark's 1M entries
-- entry_account_id_desc_idx was 105 MB beside the 59 MB of entry_account_id_uq on the same columns
-- (docs/performance.md, fourth pass). Rebuilt ascending; entry_account_id_desc_idx goes, since
-- entry_account_id_uq (account_id, id) serves Expensicat's newest-first page walked backwards.
DROP INDEX entry_account_id_desc_idx;

CREATE INDEX entry_day_asc_idx ON entry (account_id, spent_on, id) WHERE logged;
DROP INDEX entry_day_idx;
ALTER INDEX entry_day_asc_idx RENAME TO entry_day_idx;

CREATE INDEX entry_member_day_asc_idx ON entry (account_id, membership_id, spent_on, id) WHERE logged;
DROP INDEX entry_member_day_idx;
ALTER INDEX entry_member_day_asc_idx RENAME TO entry_member_day_idx;

CREATE INDEX entry_member_id_idx ON entry (account_id, membership_id, id) WHERE logged;
DROP INDEX entry_member_id_desc_idx;
