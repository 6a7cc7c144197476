package io.timeledger.web.manage;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.Progress;
import io.timeledger.core.imports.ImportReport;
import io.timeledger.core.imports.ImportSource;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports started from Manage → Import &amp; export, run beside the request that started them so
 * that the page can show their progress and a long import outlives no request's timeout. One
 * import at a time per account (a second would race the first to make the same clients); a job is
 * seen only by the person who started it, and forgotten an hour after it ends.
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Duration KEPT = Duration.ofHours(1);

    /** One import: how far it has come, and how it ended. */
    static final class Job implements Progress {
        private final UUID id = UUID.randomUUID();
        private final AccountId account;
        private final long userId;
        private final String what;
        private final ImportSource source;
        private final String zone;
        private final boolean dryRun;
        private volatile long done;
        private volatile long total;
        private volatile ImportReport report;
        private volatile String problem;
        private volatile Instant endedAt;

        Job(AccountId account, long userId, String what, ImportSource source, String zone, boolean dryRun) {
            this.account = account;
            this.userId = userId;
            this.what = what;
            this.source = source;
            this.zone = zone;
            this.dryRun = dryRun;
        }

        @Override
        public void advanced(long done, long total, String unit) {
            this.total = total;
            this.done = done;
        }

        public UUID id() {
            return id;
        }

        public String what() {
            return what;
        }

        /** The source and time zone it was started with: the form's choices again on its page. */
        ImportSource source() {
            return source;
        }

        String zone() {
            return zone;
        }

        public boolean dryRun() {
            return dryRun;
        }

        public long done() {
            return done;
        }

        /** Entries to write; 0 while the source is still being read and matched. */
        public long total() {
            return total;
        }

        public boolean finished() {
            return endedAt != null;
        }

        /** What it did; null until it has finished, and when it failed. */
        public ImportReport report() {
            return report;
        }

        /** Why it failed, in a sentence; null unless it did. */
        public String problem() {
            return problem;
        }
    }

    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ExecutorService workers;

    ImportJobs(Clock clock) {
        this.clock = clock;
        var counter = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(2, work -> {
            var thread = new Thread(work, "import-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code work} for the actor's account, or answers the import already running there.
     * {@code refused} says an {@link Invalid} in the page's words.
     */
    Job start(Actor actor, String what, ImportSource source, String zone, boolean dryRun,
              Function<Progress, ImportReport> work, Function<Invalid, String> refused) {
        forgetOld();
        synchronized (jobs) {
            var running = jobs.values().stream()
                .filter(job -> job.account.equals(actor.account()) && !job.finished()).findFirst();
            if (running.isPresent()) {
                return running.get();
            }
            var job = new Job(actor.account(), actor.userId(), what, source, zone, dryRun);
            jobs.put(job.id, job);
            workers.execute(() -> run(job, work, refused));
            return job;
        }
    }

    private void run(Job job, Function<Progress, ImportReport> work, Function<Invalid, String> refused) {
        long started = System.nanoTime();
        try {
            job.report = work.apply(job);
            log.info("{} {} into account {}: {} of {} rows in {} ms", job.dryRun ? "Checked" : "Imported", job.what,
                job.account, job.report.created(), job.report.rows(), (System.nanoTime() - started) / 1_000_000);
        } catch (Invalid invalid) {
            job.problem = refused.apply(invalid);
        } catch (RuntimeException | Error failure) {
            log.error("An import into account {} failed", job.account, failure);
            job.problem = "The import failed on the server, and nothing was imported. Its log says why.";
        } finally {
            job.endedAt = clock.instant();
        }
    }

    /** The job, if the actor started it in this account. */
    Optional<Job> find(Actor actor, UUID id) {
        var job = jobs.get(id);
        return job != null && job.account.equals(actor.account()) && job.userId == actor.userId()
            ? Optional.of(job) : Optional.empty();
    }

    private void forgetOld() {
        var before = clock.instant().minus(KEPT);
        jobs.values().removeIf(job -> job.endedAt != null && job.endedAt.isBefore(before));
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
