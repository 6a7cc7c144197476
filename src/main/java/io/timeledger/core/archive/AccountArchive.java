package io.timeledger.core.archive;

import io.timeledger.core.account.Actor;
import io.timeledger.core.archive.ArchiveRepository.Size;
import io.timeledger.core.audit.AuditKind;
import io.timeledger.core.audit.AuditTrail;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.DatabaseRefusals;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Progress;
import io.timeledger.core.common.TableStatistics;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A whole account as one archive, and an archive back as an account: a ZIP of a manifest and one
 * file of JSON lines per table ({@link ArchiveSchema}). The export reads one snapshot, so the
 * archive is the account as it was at one moment however long the writing takes. A restore makes
 * a new account in one transaction — on a fresh server with the very ids it had (so scripts that
 * remember a project's id keep working), beside other accounts with new ones — and people are
 * matched by email to users the server already has. A failure restores nothing.
 */
@Service
public class AccountArchive {

    static final String FORMAT = "timeledger-account";
    static final int VERSION = 1;
    static final String MANIFEST = "manifest.json";
    private static final int BATCH = 2_000;

    private final ArchiveSchema schema;
    private final ArchiveRepository repository;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate writes;
    private final AuditTrail audit;
    private final TableStatistics statistics;

    AccountArchive(ArchiveSchema schema, ArchiveRepository repository, PlatformTransactionManager transactions,
                   AuditTrail audit, TableStatistics statistics) {
        this.schema = schema;
        this.repository = repository;
        this.statistics = statistics;
        this.audit = audit;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        this.writes = new TransactionTemplate(transactions);
    }

    /** What one file of an archive holds. */
    public record Part(String table, long rows) { }

    /** What an export wrote. */
    public record Exported(AccountId account, List<Part> parts) {
        /** How many rows of {@code table} the archive holds. */
        public long rows(String table) {
            return parts.stream().filter(p -> p.table().equals(table)).mapToLong(Part::rows).sum();
        }
    }

    /**
     * Writes the actor's account as an archive to {@code out} (left open): administrators only, and
     * recorded in the security log, since it is everything the account holds.
     */
    public Exported export(Actor actor, OutputStream out) {
        actor.requireAdmin();
        var exported = export(actor.account(), out);
        audit.record(AuditKind.ACCOUNT_EXPORTED, actor.userId(), actor.account().value(),
            exported.rows("entry") == 1 ? "1 entry" : exported.rows("entry") + " entries");
        return exported;
    }

    /**
     * Writes {@code account} as an archive to {@code out} (left open), for the server's operator.
     * Unknown accounts are {@link NotFound}.
     */
    public Exported export(AccountId account, OutputStream out) {
        return snapshot.execute(status -> {
            var tables = schema.tables();
            var sizes = new ArrayList<Size>();
            for (var table : tables) {
                sizes.add(repository.size(table, account));
            }
            if (sizes.get(0).rows() == 0) {
                throw new NotFound("Account", account.value());
            }
            var people = repository.people(account);
            try {
                var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
                // JSON compresses well even at the fastest level, which keeps the export near the disk's speed
                zip.setLevel(Deflater.BEST_SPEED);
                var text = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                text.write(repository.manifest(account, FORMAT, VERSION, schema.version(), people, sizes));
                text.flush();
                zip.closeEntry();
                writePart(zip, text, "app_user.jsonl", null, account);
                for (var table : tables) {
                    writePart(zip, text, table.file(), table, account);
                }
                zip.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var parts = new ArrayList<Part>();
            parts.add(new Part("app_user", people.rows()));
            sizes.forEach(size -> parts.add(new Part(size.table(), size.rows())));
            return new Exported(account, List.copyOf(parts));
        });
    }

    /** One file of the archive: the table's lines, or the people's where {@code table} is null. */
    private void writePart(ZipOutputStream zip, Writer text, String file, ArchivedTable table, AccountId account)
            throws IOException {
        zip.putNextEntry(new ZipEntry(file));
        try {
            repository.eachLine(table, account, line -> {
                try {
                    text.write(line);
                    text.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        text.flush();
        zip.closeEntry();
    }

    // --- restore

    /**
     * What a restore made.
     *
     * @param keptIds  the tables whose rows kept the ids they had (all of them on a fresh server)
     * @param newUsers the emails of people the server did not know: they have no password yet
     */
    public record Restored(AccountId account, String name, List<Part> parts, List<String> keptIds,
                           List<String> newUsers, boolean dryRun) { }

    /**
     * Restores the archive in {@code file} as a new account, named {@code name} (null: as it was);
     * a dry run does all of it and rolls it back. Anything wrong with the archive is {@link Invalid}
     * (field {@code archive}) and restores nothing.
     */
    public Restored restore(Path file, String name, boolean dryRun) {
        return restore(file, name, dryRun, Progress.NONE);
    }

    /** As {@link #restore(Path, String, boolean)}, telling {@code progress} batch by batch. */
    public Restored restore(Path file, String name, boolean dryRun, Progress progress) {
        try (var zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            return writes.execute(status -> {
                var restored = restore(zip, name, dryRun, new Counted(progress));
                if (dryRun) {
                    status.setRollbackOnly();
                }
                return restored;
            });
        } catch (ZipException e) {
            throw new Invalid("archive", "is not a ZIP archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest's word on each table: its rows and the range of their ids. */
    private record Manifest(Map<String, Size> files) { }

    /** The rows restored so far, of all the manifest names. */
    private static final class Counted {
        final Progress progress;
        long done;
        long total;

        Counted(Progress progress) {
            this.progress = progress;
        }

        void add(long rows) {
            done += rows;
            progress.advanced(done, total, "rows");
        }
    }

    private Restored restore(ZipFile zip, String name, boolean dryRun, Counted counted) {
        var manifest = manifest(zip);
        counted.total = manifest.files().values().stream().mapToLong(Size::rows).sum();
        counted.add(0);
        repository.beginRestore();
        var kept = new ArrayList<String>();
        var parts = new ArrayList<Part>();
        var users = manifest.files().get("app_user");
        boolean keepUsers = users != null && repository.keepIds("app_user", users);
        var newUsers = new ArrayList<String>();
        parts.add(new Part("app_user", eachBatch(zip, "app_user.jsonl", lines -> {
            newUsers.addAll(repository.restorePeople(lines, keepUsers));
            counted.add(lines.length);
        })));
        if (keepUsers) {
            kept.add("app_user");
        }
        Long account = null;
        for (var table : schema.tables()) {
            var size = manifest.files().get(table.name());
            if (size == null || zip.getEntry(table.file()) == null) {
                continue; // a table the exporting server did not have yet
            }
            boolean keep = table.hasId() && repository.keepIds(table.name(), size);
            if (keep) {
                kept.add(table.name());
            }
            var restoredAccount = account;
            long rows = eachBatch(zip, table.file(), lines -> {
                repository.restore(table, lines, keep, restoredAccount, name);
                counted.add(lines.length);
            });
            // the next tables' references to this one are checked by index, not by scan (TableStatistics)
            statistics.refreshIfOutgrown(rows, table.name());
            if (table.isAccount()) {
                if (rows != 1) {
                    throw new Invalid("archive", "account.jsonl holds " + rows + " accounts, not one");
                }
                account = repository.restoredAccount();
            }
            parts.add(new Part(table.name(), rows));
        }
        if (account == null) {
            throw new Invalid("archive", "holds no account.jsonl");
        }
        var restoredName = repository.accountName(account);
        return new Restored(new AccountId(account), restoredName, List.copyOf(parts), List.copyOf(kept),
            List.copyOf(newUsers), dryRun);
    }

    /** Hands the file's lines to {@code batch} a batch at a time; answers how many there were. */
    private long eachBatch(ZipFile zip, String file, Consumer<String[]> batch) {
        var entry = zip.getEntry(file);
        if (entry == null) {
            return 0;
        }
        long count = 0;
        long first = 1;
        long line = 0;
        var lines = new ArrayList<String>(BATCH);
        try (var reader = new BufferedReader(new InputStreamReader(zip.getInputStream(entry),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)), 1 << 16)) {
            for (String text; (text = reader.readLine()) != null; ) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                lines.add(text);
                if (lines.size() == BATCH) {
                    write(file, first, line, lines, batch);
                    count += lines.size();
                    lines.clear();
                    first = line + 1;
                }
            }
        } catch (CharacterCodingException e) {
            throw new Invalid("archive", file + " line " + (line + 1) + " is not UTF-8");
        } catch (ZipException e) {
            throw new Invalid("archive", file + " cannot be read (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!lines.isEmpty()) {
            write(file, first, line, lines, batch);
            count += lines.size();
        }
        return count;
    }

    private static void write(String file, long first, long last, List<String> lines, Consumer<String[]> batch) {
        try {
            batch.accept(lines.toArray(String[]::new));
        } catch (DataAccessException e) {
            throw new Invalid("archive", file + (first == last ? " line " + first : " lines " + first + "-" + last)
                + ": " + DatabaseRefusals.message(e));
        }
    }

    private Manifest manifest(ZipFile zip) {
        var entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new Invalid("archive", "holds no " + MANIFEST + ": it is not a Timeledger account archive");
        }
        String text;
        try (var in = zip.getInputStream(entry)) {
            text = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Invalid("archive", MANIFEST + " cannot be read (" + e.getMessage() + ")");
        }
        ArchiveRepository.Head head;
        List<Size> files;
        try {
            head = repository.head(text);
            files = repository.files(text);
        } catch (DataAccessException e) {
            throw new Invalid("archive", MANIFEST + " is not a manifest: " + DatabaseRefusals.message(e));
        }
        if (!FORMAT.equals(head.format())) {
            throw new Invalid("archive", MANIFEST + " says format " + head.format() + ", not " + FORMAT);
        }
        if (!String.valueOf(VERSION).equals(head.version())) {
            throw new Invalid("archive", "is of format version " + head.version() + "; this server reads version "
                + VERSION);
        }
        var ours = schema.version();
        if (head.schema() == null || compareVersions(head.schema(), ours) > 0) {
            throw new Invalid("archive", "was written by a newer Timeledger (schema " + head.schema()
                + ", this server's is " + ours + "): upgrade this server first");
        }
        var byTable = new LinkedHashMap<String, Size>();
        files.forEach(size -> byTable.put(size.table(), size));
        return new Manifest(byTable);
    }

    /** Compares Flyway versions such as {@code 31} and {@code 31.1} by their numbers. */
    static int compareVersions(String a, String b) {
        var left = a.split("\\.");
        var right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? parse(left[i]) : 0;
            long r = i < right.length ? parse(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }

    private static long parse(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new Invalid("archive", "names schema version " + part + ", which is not a number");
        }
    }
}
