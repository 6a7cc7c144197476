package io.timeledger.api.common;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a page's reads — its search, its count and the lookups its rendering needs — in one
 * read-only transaction: one connection and one commit for the page instead of one for each.
 */
@Component
public class PageReads {

    @Transactional(readOnly = true)
    public <T> T read(Supplier<T> reads) {
        return reads.get();
    }
}
