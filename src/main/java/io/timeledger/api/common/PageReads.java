package io.timeledger.api.common;

import io.timeledger.core.common.Reads;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs a page's reads — its search, its count and the lookups its rendering needs — on one
 * connection, taken from the pool once for the page, without a transaction ({@link Reads}).
 */
@Component
public class PageReads {

    @Reads
    public <T> T read(Supplier<T> reads) {
        return reads.get();
    }
}
