package io.timeledger.core.imports;

import java.time.ZoneId;

/**
 * Reads a live Harvest account's time entries, with their people's emails, into rows: implemented
 * where Harvest's JSON is known (the Harvest dialect), so that the core needs no JSON of its own.
 * A key of each row is its Harvest id: an entry is imported once, however often the account is.
 */
public interface HarvestReader {

    /** Every time entry of the account, paged; {@link io.timeledger.core.common.Invalid} when it cannot be read. */
    SourceRows read(HarvestAccount account, ZoneId zone);
}
