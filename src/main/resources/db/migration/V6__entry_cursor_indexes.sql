-- Expensicat pages entries newest first by id, with a keyset cursor (id < last seen).
CREATE INDEX entry_account_id_desc_idx ON entry (account_id, id DESC) WHERE logged;
CREATE INDEX entry_member_id_desc_idx ON entry (account_id, membership_id, id DESC) WHERE logged;
