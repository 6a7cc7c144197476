-- A report sums seconds times rate over every entry it covers. Multiplying an integer by a
-- numeric and adding numerics, per entry, was a third of a whole-ledger report's time in
-- PostgreSQL. The rate in cents, kept beside the rate by PostgreSQL itself, lets ReportRepository
-- multiply and add 64-bit integers instead (a sum of bigints is exact: PostgreSQL accumulates it
-- in 128 bits and returns a numeric). Over 1.4M entries (2026-12-01, pgbench, three rounds) the
-- report's statement took 670-880 ms before and 480-545 ms after. billing_rate stays the rate;
-- this column is only ever derived from it. Adding it rewrites the table once (15 s for those
-- 1.4M entries).
ALTER TABLE entry
    ADD COLUMN billing_cents bigint GENERATED ALWAYS AS (CAST(billing_rate * 100 AS bigint)) STORED;

COMMENT ON COLUMN entry.billing_cents IS 'billing_rate in cents (numeric(12,2) * 100 is a whole number), for reports';
