package io.timeledger.core.archive;

import io.timeledger.core.account.Actor;
import io.timeledger.core.audit.AuditKind;
import io.timeledger.core.audit.AuditTrail;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.DatabaseRefusals;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Progress;
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
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private static final int FETCH = 2_000;

    private final ArchiveSchema schema;
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate writes;
    private final AuditTrail audit;

    AccountArchive(ArchiveSchema schema, JdbcClient jdbc, PlatformTransactionManager transactions, AuditTrail audit) {
        this.schema = schema;
        this.audit = audit;
        this.jdbc = jdbc;
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
                sizes.add(jdbc.sql(table.sizeSql()).param("account", account.value())
                    .query((rs, row) -> new Size(table.name(), rs.getLong(1), (Long) rs.getObject(2),
                        (Long) rs.getObject(3)))
                    .single());
            }
            if (sizes.get(0).rows() == 0) {
                throw new NotFound("Account", account.value());
            }
            var people = jdbc.sql(peopleSql("count(*), min(u.id), max(u.id)", "")).param("account", account.value())
                .query((rs, row) -> new Size("app_user", rs.getLong(1), (Long) rs.getObject(2),
                    (Long) rs.getObject(3)))
                .single();
            try {
                var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
                // JSON compresses well even at the fastest level, which keeps the export near the disk's speed
                zip.setLevel(Deflater.BEST_SPEED);
                var text = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                text.write(manifest(account, people, sizes));
                text.flush();
                zip.closeEntry();
                writePart(zip, text, "app_user.jsonl", peopleSql(PERSON_LINE, " ORDER BY u.id"),
                    account);
                for (var table : tables) {
                    writePart(zip, text, table.file(), table.exportSql(), account);
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

    private record Size(String table, long rows, Long minId, Long maxId) { }

    private void writePart(ZipOutputStream zip, Writer text, String file, String sql, AccountId account)
            throws IOException {
        zip.putNextEntry(new ZipEntry(file));
        try {
            jdbc.sql(sql).param("account", account.value()).withFetchSize(FETCH).query((RowCallbackHandler) rs -> {
                try {
                    text.write(rs.getString(1));
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

    /** The account's people, as {@code select} over {@code app_user u}. */
    private static String peopleSql(String select, String order) {
        return "SELECT " + select + " FROM app_user u WHERE u.id IN (SELECT user_id FROM membership"
            + " WHERE account_id = :account)" + order;
    }

    /** A person as the archive has them: who they are and their picture, no password. */
    private static final String PERSON_LINE = """
        CAST(jsonb_strip_nulls(jsonb_build_object('id', u.id, 'email', u.email, 'first_name', u.first_name,
            'last_name', u.last_name, 'time_zone', u.time_zone, 'avatar_key', u.avatar_key,
            'created_at', u.created_at, 'updated_at', u.updated_at,
            'avatar', (SELECT jsonb_build_object('content_type', a.content_type, 'bytes', a.bytes,
                                                 'uploaded_at', a.uploaded_at)
                         FROM avatar_image a WHERE a.user_id = u.id))) AS text)""";

    private String manifest(AccountId account, Size people, List<Size> sizes) {
        var names = new ArrayList<String>();
        var rows = new ArrayList<Long>();
        var minIds = new ArrayList<Long>();
        var maxIds = new ArrayList<Long>();
        var all = new ArrayList<Size>();
        all.add(people);
        all.addAll(sizes);
        for (var size : all) {
            names.add(size.table());
            rows.add(size.rows());
            minIds.add(size.minId());
            maxIds.add(size.maxId());
        }
        return jdbc.sql("""
                SELECT jsonb_pretty(jsonb_build_object(
                    'format', :format, 'version', :version, 'schema', :schema, 'exported_at', now(),
                    'account', (SELECT jsonb_build_object('id', id, 'name', name) FROM account WHERE id = :account),
                    'files', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('table', t, 'file', t || '.jsonl',
                                  'rows', n, 'min_id', lo, 'max_id', hi)) ORDER BY position)
                                FROM unnest(CAST(:names AS text[]), CAST(:rows AS bigint[]), CAST(:lows AS bigint[]),
                                            CAST(:highs AS bigint[])) WITH ORDINALITY AS f(t, n, lo, hi, position)),
                    'left_out', CAST(:leftOut AS jsonb)))""")
            .param("format", FORMAT).param("version", VERSION).param("schema", schema.version())
            .param("account", account.value())
            .param("names", names.toArray(String[]::new)).param("rows", rows.toArray(Long[]::new))
            .param("lows", minIds.toArray(Long[]::new)).param("highs", maxIds.toArray(Long[]::new))
            .param("leftOut", leftOut())
            .query(String.class).single();
    }

    private String leftOut() {
        return jdbc.sql("SELECT CAST(jsonb_object(CAST(:keys AS text[]), CAST(:values AS text[])) AS text)")
            .param("keys", ArchiveSchema.LEFT_OUT.keySet().stream().sorted().toArray(String[]::new))
            .param("values", ArchiveSchema.LEFT_OUT.keySet().stream().sorted().map(ArchiveSchema.LEFT_OUT::get)
                .toArray(String[]::new))
            .query(String.class).single();
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
        jdbc.sql("SELECT set_config('timeledger.batch_logged', 'on', true)").query(String.class).single();
        jdbc.sql("CREATE TEMPORARY TABLE archive_id (tbl text, old bigint, new bigint, PRIMARY KEY (tbl, old))"
            + " ON COMMIT DROP").update();
        var kept = new ArrayList<String>();
        var parts = new ArrayList<Part>();
        var users = manifest.files().get("app_user");
        boolean keepUsers = users != null && keepIds("app_user", users);
        var newUsers = new ArrayList<String>();
        parts.add(new Part("app_user", eachBatch(zip, "app_user.jsonl", lines -> {
            newUsers.addAll(jdbc.sql(USERS_SQL).param("lines", lines).param("keep", keepUsers).query(String.class)
                .list());
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
            boolean keep = table.hasId() && keepIds(table.name(), size);
            if (keep) {
                kept.add(table.name());
            }
            var restoredAccount = account;
            long rows = eachBatch(zip, table.file(), lines -> {
                if (table.hasId()) {
                    jdbc.sql(table.mapIdsSql()).param("lines", lines).param("keep", keep).update();
                }
                jdbc.sql(table.insertSql()).param("lines", lines).param("account", restoredAccount)
                    .param("name", name).update();
                counted.add(lines.length);
            });
            if (table.isAccount()) {
                if (rows != 1) {
                    throw new Invalid("archive", "account.jsonl holds " + rows + " accounts, not one");
                }
                account = jdbc.sql("SELECT new FROM archive_id WHERE tbl = 'account'").query(Long.class).single();
            }
            parts.add(new Part(table.name(), rows));
        }
        if (account == null) {
            throw new Invalid("archive", "holds no account.jsonl");
        }
        var restoredName = jdbc.sql("SELECT name FROM account WHERE id = :id").param("id", account)
            .query(String.class).single();
        return new Restored(new AccountId(account), restoredName, List.copyOf(parts), List.copyOf(kept),
            List.copyOf(newUsers), dryRun);
    }

    /**
     * People are the server's, not the account's: one already here with the same email is the same
     * person; the others are made, with their picture and without a password (their avatar's key
     * kept unless another person here has it). Answers the emails of those made.
     */
    private static final String USERS_SQL = """
        WITH lines AS (
            SELECT CAST(l.line ->> 'id' AS bigint) AS old, l.line, u.id AS known
              FROM unnest(CAST(:lines AS jsonb[])) AS l(line)
              LEFT JOIN app_user u ON email_key(u.email) = email_key(l.line ->> 'email')),
        made AS (
            INSERT INTO app_user (id, email, first_name, last_name, time_zone, avatar_key, created_at, updated_at)
            OVERRIDING SYSTEM VALUE
            SELECT CASE WHEN :keep THEN old ELSE nextval(pg_get_serial_sequence('app_user', 'id')) END,
                   line ->> 'email', coalesce(line ->> 'first_name', ''), coalesce(line ->> 'last_name', ''),
                   coalesce(line ->> 'time_zone', 'UTC'),
                   CASE WHEN EXISTS (SELECT 1 FROM app_user WHERE avatar_key = CAST(line ->> 'avatar_key' AS uuid))
                        THEN gen_random_uuid() ELSE coalesce(CAST(line ->> 'avatar_key' AS uuid), gen_random_uuid()) END,
                   coalesce(CAST(line ->> 'created_at' AS timestamptz), now()),
                   coalesce(CAST(line ->> 'updated_at' AS timestamptz), now())
              FROM lines WHERE known IS NULL
            RETURNING id, email),
        pictures AS (
            INSERT INTO avatar_image (user_id, content_type, bytes, uploaded_at)
            SELECT made.id, lines.line -> 'avatar' ->> 'content_type',
                   decode(substr(lines.line -> 'avatar' ->> 'bytes', 3), 'hex'),
                   coalesce(CAST(lines.line -> 'avatar' ->> 'uploaded_at' AS timestamptz), now())
              FROM made JOIN lines ON lines.known IS NULL AND lines.line ->> 'email' = made.email
             WHERE jsonb_typeof(lines.line -> 'avatar') = 'object'),
        mapped AS (
            INSERT INTO archive_id (tbl, old, new)
            SELECT 'app_user', old, coalesce(known, made.id)
              FROM lines LEFT JOIN made ON known IS NULL AND made.email = lines.line ->> 'email')
        SELECT email FROM made ORDER BY email""";

    /**
     * Whether a table's rows may keep their ids: none of the table's rows has an id in the archive's
     * range. The table's sequence is first moved past the range, so that no row written meanwhile
     * can take one of them.
     */
    private boolean keepIds(String table, Size size) {
        if (size.minId() == null || size.maxId() == null) {
            return false;
        }
        jdbc.sql("SELECT setval(s, greatest(:max, coalesce(pg_sequence_last_value(s), 1)))"
                + " FROM (SELECT CAST(pg_get_serial_sequence(:table, 'id') AS regclass) AS s) AS q")
            .param("max", size.maxId()).param("table", table).query(Long.class).single();
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id BETWEEN :min AND :max)")
            .param("min", size.minId()).param("max", size.maxId()).query(Boolean.class).single();
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
        record Head(String format, String version, String schema) { }
        Head head;
        List<Size> files;
        try {
            head = jdbc.sql("SELECT m ->> 'format', m ->> 'version', m ->> 'schema'"
                    + " FROM (SELECT CAST(:manifest AS jsonb) AS m) AS q")
                .param("manifest", text)
                .query((rs, row) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3))).single();
            files = jdbc.sql("""
                    SELECT f ->> 'table', CAST(f ->> 'rows' AS bigint), CAST(f ->> 'min_id' AS bigint),
                           CAST(f ->> 'max_id' AS bigint)
                      FROM jsonb_array_elements(CAST(:manifest AS jsonb) -> 'files') AS f""")
                .param("manifest", text)
                .query((rs, row) -> new Size(rs.getString(1), rs.getLong(2), (Long) rs.getObject(3),
                    (Long) rs.getObject(4)))
                .list();
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
