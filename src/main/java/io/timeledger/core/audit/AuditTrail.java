package io.timeledger.core.audit;

import io.timeledger.core.common.ClusterTasks;
import io.timeledger.core.common.Reads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Records security events and reads them back. {@link #record} joins the caller's transaction, so
 * an event is kept exactly when the change it describes is (a token that failed to be made leaves
 * no "created"); where there is none (a failed sign-in) it stands alone. Events older than
 * {@code timeledger.audit.keep} (400 days) are pruned, at most once an hour per server.
 */
@Service
public class AuditTrail {

    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final AuditRepository repository;
    private final ClusterTasks clusterTasks;
    private final ObjectProvider<Origin> origin;
    private final Clock clock;
    private final Duration keep;
    private final AtomicReference<Instant> nextPrune = new AtomicReference<>(Instant.MIN);

    AuditTrail(AuditRepository repository, ClusterTasks clusterTasks, ObjectProvider<Origin> origin, Clock clock,
               @Value("${timeledger.audit.keep:400d}") Duration keep) {
        this.repository = repository;
        this.clusterTasks = clusterTasks;
        this.origin = origin;
        this.clock = clock;
        this.keep = keep;
    }

    /** Records that {@code kind} happened to the user (their email is looked up). */
    public void record(AuditKind kind, long userId, Long accountId, String detail) {
        write(kind, userId, null, accountId, detail);
    }

    /** Records an event about an email as typed, whose user (if it has one) is looked up: a sign-in. */
    public void recordForEmail(AuditKind kind, String email, String detail) {
        write(kind, null, email == null ? "" : email, null, detail);
    }

    private void write(AuditKind kind, Long userId, String email, Long accountId, String detail) {
        var now = clock.instant();
        var where = origin.getIfAvailable(() -> () -> Origin.Where.SERVER).current();
        repository.insert(now, kind, userId, email, accountId, detail == null ? "" : detail, where);
        var due = nextPrune.get();
        if (!now.isBefore(due) && nextPrune.compareAndSet(due, now.plus(PRUNE_EVERY))) {
            // each node offers once an hour; one node of the cluster prunes
            clusterTasks.runIfDue("prune the security log", PRUNE_EVERY, () -> repository.deleteBefore(now.minus(keep)));
        }
    }

    /** The user's own events, newest first. */
    @Reads
    public List<AuditEvent> ofUser(long userId, int limit) {
        return repository.ofUser(userId, limit);
    }

    /** Everyone's events that pass the filter, newest first (for administrators of the server). */
    @Reads
    public List<AuditEvent> search(AuditFilter filter) {
        return repository.search(filter);
    }
}
