package io.timeledger.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.timeledger.TimeledgerApplication;
import io.timeledger.auth.Credentials;
import io.timeledger.core.account.Avatars;
import io.timeledger.core.account.Role;
import io.timeledger.core.approval.Approvals;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.money.Expenses;
import io.timeledger.core.money.InvoiceDraft;
import io.timeledger.core.money.Invoices;
import io.timeledger.core.money.LineGrouping;
import io.timeledger.support.AccountRecords;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole account as one archive and back: every table of the account is in it and nothing of
 * another's; restored on a fresh server, every dialect shows the very same account, route by
 * route; restored beside other accounts it is the same account under new ids; a dry run or a
 * broken archive restores nothing.
 */
@ApiTest
class AccountArchiveTests {

    /** The smallest PNG: one transparent pixel. */
    static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        + "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired AccountArchive archive;
    @Autowired ArchiveSchema schema;
    @Autowired Invoices invoices;
    @Autowired Expenses expenses;
    @Autowired Approvals approvals;
    @Autowired Avatars avatars;
    @Autowired Credentials credentials;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Value("${local.server.port}") int port;
    @TempDir Path temp;

    /** An account that has used every part of the product: something in each table the archive carries. */
    private record Used(Person admin, Person member, Map<String, Long> ids) { }

    private Used anAccountThatUsedEverything(String name) {
        var admin = withExpenses(fixtures.anAccount(name));
        var member = fixtures.aPerson(admin.account(), Role.MEMBER, new BigDecimal("80.00"));
        var ids = new LinkedHashMap<>(AccountRecords.make(api, admin, name + " ✓ O'Brien"));
        var caller = api.bearer(admin.token());
        caller.put("/api/v1/projects/" + ids.get("projects"), "{\"project\": {\"billable\": true,"
            + " \"default_rate_dollars\": \"120.50\"}}").expect(200);
        // a member's week with tasks, submitted and approved
        var memberApi = api.bearer(member.token());
        memberApi.post("/api/v1/entries", "{\"entry\": {\"date\": \"2024-01-02\", \"duration\": 5400,"
            + " \"description\": \"Design #" + "review\", \"project_id\": " + ids.get("projects") + ", \"task_ids\": [\""
            + ids.get("tasks") + "\"]}}").expect(201);
        approvals.submit(fixtures.actorOf(member), LocalDate.of(2024, 1, 2));
        approvals.approve(fixtures.actorOf(admin), member.membershipId(), LocalDate.of(2024, 1, 2), null);
        avatars.upload(member.userId(), PNG);
        // the dock in use: a paused timer
        memberApi.put("/api/v1/dock", "{\"entry\": {\"description\": \"Thinking\", \"timer_active\": false}}")
            .expect(200);
        // a receipt, an invoice sent and partly paid
        expenses.attachReceipt(fixtures.actorOf(admin), ids.get("expenses"), "lunch.png", PNG);
        var invoice = invoices.draft(fixtures.actorOf(admin), new InvoiceDraft(ids.get("contacts"), null, null,
            LineGrouping.PROJECT, new BigDecimal("19"), LocalDate.of(2024, 2, 1), null, "January"));
        invoices.markSent(fixtures.actorOf(admin), invoice.id());
        invoices.recordPayment(fixtures.actorOf(admin), invoice.id(), new BigDecimal("10.00"),
            LocalDate.of(2024, 2, 10), "first part");
        return new Used(admin, member, ids);
    }

    private Person withExpenses(Person admin) {
        jdbc.sql("UPDATE account SET expenses_enabled = true WHERE id = :id").param("id", admin.account().value())
            .update();
        return admin;
    }

    private byte[] exported(Person admin) {
        var out = new ByteArrayOutputStream();
        archive.export(admin.account(), out);
        return out.toByteArray();
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(temp, "archive", ".zip"), bytes);
    }

    private static Map<String, String> contents(Path file) throws IOException {
        var files = new TreeMap<String, String>();
        try (var zip = new ZipFile(file.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                files.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void theArchiveHoldsEveryTableOfTheAccountAndNothingOfAnother() throws IOException {
        var used = anAccountThatUsedEverything("Archived");
        var other = withExpenses(fixtures.anAccount("Other"));
        AccountRecords.make(api, other, "ZZ-other-account-only");

        var files = contents(file(exported(used.admin())));

        var manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.get("format").stringValue()).isEqualTo("timeledger-account");
        assertThat(manifest.get("version").intValue()).isEqualTo(1);
        assertThat(manifest.get("account").get("id").longValue()).isEqualTo(used.admin().account().value());
        var empty = new ArrayList<String>();
        for (var part : manifest.get("files")) {
            var lines = files.get(part.get("file").stringValue()).lines().toList();
            assertThat(lines).as(part.get("table").stringValue()).hasSize(part.get("rows").intValue());
            if (lines.isEmpty()) {
                empty.add(part.get("table").stringValue());
            }
            for (var line : lines) {
                assertThat(JSON.readTree(line).has("account_id")).isFalse();
            }
        }
        // the scripted account reached every table: the round trips below exercise all of them
        assertThat(empty).isEmpty();
        assertThat(files.keySet()).contains("account.jsonl", "app_user.jsonl", "entry.jsonl", "expense_receipt.jsonl",
            "invoice_payment.jsonl", "timesheet_approval.jsonl", "dock.jsonl", "report.jsonl");
        assertThat(files.keySet()).doesNotContain("credential.jsonl", "change_log.jsonl", "audit_event.jsonl");
        assertThat(String.join("\n", files.values())).doesNotContain("ZZ-other-account-only")
            .doesNotContain("password_hash").doesNotContain(used.admin().token());
        assertThat(manifest.get("left_out").has("credential")).isTrue();
    }

    @Test
    void theTablesAreRestoredAfterThoseTheyReferTo() {
        var order = schema.tables().stream().map(ArchivedTable::name).toList();
        assertThat(order.get(0)).isEqualTo("account");
        assertThat(order.indexOf("contact")).isLessThan(order.indexOf("project"));
        assertThat(order.indexOf("invoice")).isLessThan(order.indexOf("entry"));
        assertThat(order.indexOf("entry")).isLessThan(order.indexOf("entry_task"));
        assertThat(order.indexOf("entry")).isLessThan(order.indexOf("timesheet_approval"));
        assertThat(order).doesNotContainAnyElementsOf(ArchiveSchema.LEFT_OUT.keySet());
    }

    @Test
    void restoredOnAFreshServerEveryDialectShowsTheSameAccountRouteByRoute() throws IOException {
        var used = anAccountThatUsedEverything("Moving house");
        var file = file(exported(used.admin()));
        try (var fresh = new SpringApplicationBuilder(TimeledgerApplication.class).properties(
                "server.port=0", "timeledger.database.ephemeral=true", "timeledger.first-start.enabled=false",
                "timeledger.rate-limit.enabled=false", "spring.datasource.hikari.pool-name=fresh").run()) {
            var restored = fresh.getBean(AccountArchive.class).restore(file, null, false);

            assertThat(restored.account()).isEqualTo(used.admin().account());
            assertThat(restored.keptIds()).containsAll(schema.tables().stream().filter(ArchivedTable::hasId)
                .map(ArchivedTable::name).toList()).contains("app_user");
            assertThat(restored.newUsers()).containsExactlyInAnyOrder(used.admin().email(), used.member().email());
            var credentials = fresh.getBean(Credentials.class);
            int freshPort = fresh.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            var differences = new ArrayList<String>();
            int compared = 0;
            for (var person : List.of(used.admin(), used.member())) {
                var token = credentials.issuePersonalAccessToken(person.userId(), person.account(), "moved").secret();
                for (var path : readableRoutes(used.ids())) {
                    var before = get(port, person, person.token(), path);
                    var after = get(freshPort, person, token, path);
                    compared++;
                    if (before.statusCode() != after.statusCode() || !normal(before.body()).equals(normal(after.body()))) {
                        differences.add(path + " as " + person.email() + ":\n  " + before.statusCode() + " "
                            + before.body() + "\n  " + after.statusCode() + " " + after.body());
                    }
                }
                var changes = get(freshPort, person, token, "/api/v1/changes");
                assertThat(changes.statusCode()).isEqualTo(200);
                assertThat(changes.body()).contains("\"changes\":[]");
            }
            assertThat(compared).isGreaterThan(60);
            assertThat(differences).isEmpty();
        }
    }

    @Test
    void restoredBesideOtherAccountsItIsTheSameAccountUnderNewIdsAndItsPeopleAreRecognised() throws IOException {
        var used = anAccountThatUsedEverything("Twin");
        var file = file(exported(used.admin()));

        var restored = archive.restore(file, "Twin (restored)", false);

        assertThat(restored.account()).isNotEqualTo(used.admin().account());
        assertThat(restored.name()).isEqualTo("Twin (restored)");
        assertThat(restored.keptIds()).doesNotContain("entry", "project", "app_user");
        assertThat(restored.newUsers()).isEmpty(); // both people are this server's already
        var original = archive.export(used.admin().account(), new ByteArrayOutputStream()).parts();
        assertThat(restored.parts()).isEqualTo(original);
        // the admin, recognised by email, is admin of both accounts; every list reads the same but for ids
        var admin = used.admin();
        var twin = new Person(restored.account(), admin.userId(), -1, admin.email(),
            credentials.issuePersonalAccessToken(admin.userId(), restored.account(), "twin").secret());
        var differences = new ArrayList<String>();
        int showingTheRecords = 0;
        for (var path : readableRoutes(Map.of())) {
            var before = get(port, used.admin(), used.admin().token(), path);
            var after = get(port, twin, twin.token(), path);
            if (before.body().contains("Twin ✓ O'Brien")) {
                showingTheRecords++;
            }
            if (before.statusCode() != after.statusCode() || !withoutIds(before.body()).equals(withoutIds(after.body()))) {
                differences.add(path + "\n  " + before.body() + "\n  " + after.body());
            }
        }
        assertThat(showingTheRecords).isGreaterThan(15);
        assertThat(differences).isEmpty();
    }

    @Test
    void aDryRunSaysWhatARestoreWouldMakeAndMakesNothing() throws IOException {
        var used = anAccountThatUsedEverything("Rehearsal");
        var file = file(exported(used.admin()));
        long accounts = jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();

        var rehearsed = archive.restore(file, null, true);

        assertThat(rehearsed.dryRun()).isTrue();
        assertThat(rehearsed.parts()).contains(new AccountArchive.Part("entry", 3));
        assertThat(jdbc.sql("SELECT count(*) FROM account").query(Long.class).single()).isEqualTo(accounts);
    }

    @Test
    void anArchiveThatIsNotWholeRestoresNothingAndSaysWhy() throws IOException {
        var used = anAccountThatUsedEverything("Broken");
        var files = contents(file(exported(used.admin())));
        long accounts = jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();

        assertThatThrownBy(() -> archive.restore(file("not a zip".getBytes(StandardCharsets.UTF_8)), null, false))
            .isInstanceOf(Invalid.class).hasMessageContaining("archive is not a ZIP archive");
        var noManifest = new TreeMap<>(files);
        noManifest.remove("manifest.json");
        assertThatThrownBy(() -> archive.restore(zip(noManifest), null, false))
            .isInstanceOf(Invalid.class).hasMessageContaining("holds no manifest.json");
        var newer = new TreeMap<>(files);
        newer.put("manifest.json", files.get("manifest.json").replaceFirst("\"schema\": \"\\d+\"", "\"schema\": \"999\""));
        assertThatThrownBy(() -> archive.restore(zip(newer), null, false))
            .isInstanceOf(Invalid.class).hasMessageContaining("newer Timeledger (schema 999");
        var notJson = new TreeMap<>(files);
        notJson.put("item.jsonl", "{\"id\": 1, \"name\": \n");
        assertThatThrownBy(() -> archive.restore(zip(notJson), null, false))
            .isInstanceOf(Invalid.class).hasMessageContaining("item.jsonl line");
        // an entry of a project the archive does not hold
        var dangling = new TreeMap<>(files);
        dangling.put("project.jsonl", "");
        assertThatThrownBy(() -> archive.restore(zip(dangling), null, false))
            .isInstanceOf(Invalid.class).hasMessageContaining(".jsonl line").hasMessageContaining("project");
        assertThat(jdbc.sql("SELECT count(*) FROM account").query(Long.class).single()).isEqualTo(accounts);
    }

    private Path zip(Map<String, String> files) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file(bytes.toByteArray());
    }

    /** A body with every id (and the account's name) taken out: what two copies of an account share. */
    private static String withoutIds(String body) {
        return normal(body).replaceAll("\"(id|\\w+_id)\": ?\"?\\d+\"?", "\"$1\": ID")
            .replaceAll("\"(\\w+_ids)\": ?\\[[^]]*]", "\"$1\": IDS")
            .replaceAll("/\\d+(\\.pdf)?\"", "/ID$1\"").replace("Twin (restored)", "Twin");
    }

    /** Every route of the four dialects that reads, with the account's records in its variables. */
    /**
     * What archives leave out (ArchiveSchema.LEFT_OUT): the change feed's log (a restored account's
     * changes start afresh) and the webhooks (an administrator subscribes again on the new server).
     */
    private static final Set<String> NOT_CARRIED = Set.of("/api/v1/changes", "/api/v1/webhooks",
        "/api/v1/webhooks/{id}", "/api/v1/webhooks/{id}/deliveries");

    private List<String> readableRoutes(Map<String, Long> ids) {
        var paths = new TreeSet<String>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            var mapping = entry.getKey();
            if (!mapping.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                continue;
            }
            for (var pattern : mapping.getPatternValues()) {
                if (NOT_CARRIED.contains(pattern)) {
                    continue;
                }
                if (pattern.startsWith("/api/") || pattern.startsWith("/v1/") || pattern.startsWith("/v2/")) {
                    var path = AccountRecords.fill(pattern, ids);
                    if (path != null) {
                        paths.add(path);
                    }
                }
            }
        }
        return List.copyOf(paths);
    }

    private static HttpResponse<String> get(int port, Person person, String token, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Harvest-Account-Id", person.account().toString())
                .header("User-Agent", "archive round trip").build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A body without what must differ between two servers: their own address, and in a PDF the
     * moment it was made and the identifier drawn for it.
     */
    private static String normal(String body) {
        return body.replaceAll("http://localhost:\\d+", "http://localhost")
            .replaceAll("/CreationDate\\(D:\\d+Z\\)", "").replaceAll("/ID \\[<\\p{XDigit}+><\\p{XDigit}+>]", "");
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
}
