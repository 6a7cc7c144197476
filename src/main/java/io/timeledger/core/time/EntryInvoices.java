package io.timeledger.core.time;

import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Remembered;
import io.timeledger.core.common.RememberedPerAccount;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The invoices the entries of a page are billed on, as the page shows them ({@link EntryInvoice}),
 * kept until one of the account's invoices changes, so that a page of invoiced entries needs no
 * second statement (docs/performance.md, thirteenth pass). What is kept changes only when an invoice
 * is sent or removed: its number and dates are set when it is made. The rules are the catalog's and
 * the owners' (decision 012): V18's triggers announce every change of those columns and every removal
 * on {@code timeledger_invoices} with the account's id, this server's own such writes publish
 * {@link InvoicesChanged} and are forgotten as they commit, nothing is kept while the server's
 * listener is not connected nor longer than {@code timeledger.catalog.cache}, and nothing is used or
 * kept inside a transaction that writes. An invoice made since is simply not known yet: it is read
 * with the rest a page does not know, in one query.
 */
@Component
class EntryInvoices extends RememberedPerAccount {

    static final String CHANNEL = "timeledger_invoices";

    private record Key(long account, long invoiceId) implements OfAccount { }

    private final Remembered<Key, EntryInvoice> invoices;
    private final EntryInvoiceRepository repository;

    EntryInvoices(EntryInvoiceRepository repository, @Value("${timeledger.catalog.cache:5m}") Duration ttl) {
        super(CHANNEL, "the invoices");
        this.repository = repository;
        this.invoices = Remembered.forAtMost(ttl, 20_000);
    }

    /** The invoices {@code ids} of {@code account}: those kept, the rest read at once. */
    Map<Long, EntryInvoice> of(AccountId account, Collection<Long> ids) {
        return invoices.getAll(ids, id -> new Key(account.value(), id), unknown -> repository.find(account, unknown));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forget(InvoicesChanged change) {
        forget(change.account().value());
    }

    @Override
    protected List<Remembered<? extends OfAccount, ?>> kept() {
        return List.of(invoices);
    }
}
