-- A client's postal address, as Harvest keeps it (shown on invoices later).
ALTER TABLE contact
    ADD COLUMN address text,
    ADD CONSTRAINT contact_address_ck CHECK (length(address) <= 2000);
