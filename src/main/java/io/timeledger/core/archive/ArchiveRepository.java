package io.timeledger.core.archive;

import io.timeledger.core.common.AccountId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The archive's SQL: an account's rows read as JSON lines, and lines written back as rows. */
@Repository
class ArchiveRepository {

    /** How many rows a table holds of the account, and the range of their ids (null without ids). */
    record Size(String table, long rows, Long minId, Long maxId) { }

    /** What a manifest says it is. */
    record Head(String format, String version, String schema) { }

    private static final int FETCH = 2_000;

    private final JdbcClient jdbc;

    ArchiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Size size(ArchivedTable table, AccountId account) {
        return jdbc.sql(table.sizeSql()).param("account", account.value())
            .query((rs, row) -> new Size(table.name(), rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3)))
            .single();
    }

    /** The account's people: {@code app_user}, which has no account of its own. */
    Size people(AccountId account) {
        return jdbc.sql(peopleSql("count(*), min(u.id), max(u.id)", "")).param("account", account.value())
            .query((rs, row) -> new Size("app_user", rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3)))
            .single();
    }

    /** Each row of the table (or, without one, each person) as a line of JSON, from a cursor. */
    void eachLine(ArchivedTable table, AccountId account, Consumer<String> line) {
        var sql = table == null ? peopleSql(PERSON_LINE, " ORDER BY u.id") : table.exportSql();
        jdbc.sql(sql).param("account", account.value()).withFetchSize(FETCH)
            .query((RowCallbackHandler) rs -> line.accept(rs.getString(1)));
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

    String manifest(AccountId account, String format, int version, String schema, Size people, List<Size> sizes) {
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
            .param("format", format).param("version", version).param("schema", schema)
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

    /**
     * Begins a restore in this transaction: its entries, invoices and catalog reach no change feed
     * (the account is new; nobody follows it: V31, V35, V36), and ids are mapped in
     * {@code archive_id}, dropped at commit.
     */
    void beginRestore() {
        jdbc.sql("SELECT set_config('timeledger.batch_logged', 'on', true), set_config('timeledger.restoring', 'on', true)")
            .query().listOfRows();
        jdbc.sql("CREATE TEMPORARY TABLE archive_id (tbl text, old bigint, new bigint, PRIMARY KEY (tbl, old))"
            + " ON COMMIT DROP").update();
    }

    /** Matches or makes the people of {@code lines}; answers the emails of those made. */
    List<String> restorePeople(String[] lines, boolean keep) {
        return jdbc.sql(USERS_SQL).param("lines", lines).param("keep", keep).query(String.class).list();
    }

    /** Writes {@code lines} as rows of {@code table} in {@code account} (null while restoring the account). */
    void restore(ArchivedTable table, String[] lines, boolean keep, Long account, String name) {
        if (table.hasId()) {
            jdbc.sql(table.mapIdsSql()).param("lines", lines).param("keep", keep).update();
        }
        jdbc.sql(table.insertSql()).param("lines", lines).param("account", account).param("name", name).update();
    }

    /** The restored account's id and name. */
    long restoredAccount() {
        return jdbc.sql("SELECT new FROM archive_id WHERE tbl = 'account'").query(Long.class).single();
    }

    String accountName(long id) {
        return jdbc.sql("SELECT name FROM account WHERE id = :id").param("id", id).query(String.class).single();
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
    boolean keepIds(String table, Size size) {
        if (size.minId() == null || size.maxId() == null) {
            return false;
        }
        jdbc.sql("SELECT setval(s, greatest(:max, coalesce(pg_sequence_last_value(s), 1)))"
                + " FROM (SELECT CAST(pg_get_serial_sequence(:table, 'id') AS regclass) AS s) AS q")
            .param("max", size.maxId()).param("table", table).query(Long.class).single();
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id BETWEEN :min AND :max)")
            .param("min", size.minId()).param("max", size.maxId()).query(Boolean.class).single();
    }

    Head head(String manifest) {
        return jdbc.sql("SELECT m ->> 'format', m ->> 'version', m ->> 'schema' FROM (SELECT CAST(:manifest AS jsonb) AS m) AS q")
            .param("manifest", manifest)
            .query((rs, row) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3))).single();
    }

    List<Size> files(String manifest) {
        return jdbc.sql("""
                SELECT f ->> 'table', CAST(f ->> 'rows' AS bigint), CAST(f ->> 'min_id' AS bigint),
                       CAST(f ->> 'max_id' AS bigint)
                  FROM jsonb_array_elements(CAST(:manifest AS jsonb) -> 'files') AS f""")
            .param("manifest", manifest)
            .query((rs, row) -> new Size(rs.getString(1), rs.getLong(2), (Long) rs.getObject(3), (Long) rs.getObject(4)))
            .list();
    }
}
