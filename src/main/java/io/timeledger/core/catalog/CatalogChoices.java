package io.timeledger.core.catalog;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Reads;
import org.springframework.stereotype.Service;

/** What a report's filters choose from, remembered with the rest of the catalog until it changes (decision 012). */
@Service
public class CatalogChoices {

    private final ChoicesRepository repository;
    private final CatalogCache cache;

    CatalogChoices(ChoicesRepository repository, CatalogCache cache) {
        this.repository = repository;
        this.cache = cache;
    }

    @Reads
    public Choices of(AccountId account) {
        return cache.kept(cache.choices, account, () -> repository.read(account));
    }
}
