package io.timeledger.admin;

import io.timeledger.TimeledgerApplication;
import io.timeledger.auth.Credential;
import io.timeledger.auth.Credentials;
import io.timeledger.auth.OAuthClients;
import io.timeledger.auth.Passwords;
import io.timeledger.core.account.Accounts;
import io.timeledger.core.archive.AccountArchive;
import io.timeledger.core.account.Actor;
import io.timeledger.core.account.NewAccount;
import io.timeledger.core.account.NewUser;
import io.timeledger.core.account.People;
import io.timeledger.core.account.Role;
import io.timeledger.core.account.User;
import io.timeledger.core.audit.AuditFilter;
import io.timeledger.core.audit.AuditTrail;
import io.timeledger.core.common.AccountId;
import io.timeledger.core.common.Forbidden;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Progress;
import io.timeledger.core.imports.HarvestAccount;
import io.timeledger.core.imports.ImportReport;
import io.timeledger.core.imports.ImportSource;
import io.timeledger.core.imports.Imports;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar timeledger.jar admin ...}: manages accounts, users, memberships and credentials
 * against the configured database (the embedded one is joined if the server is running).
 */
@Command(name = "admin", mixinStandardHelpOptions = true, versionProvider = AdminCommandLine.Version.class,
    description = "Administer Timeledger without SQL.",
    subcommands = {
        AdminCommandLine.AccountCommands.class,
        AdminCommandLine.UserCommands.class,
        AdminCommandLine.MemberCommands.class,
        AdminCommandLine.TokenCommands.class,
        AdminCommandLine.ApiKeyCommands.class,
        AdminCommandLine.OAuthClientCommands.class,
        AdminCommandLine.Audit.class,
        AdminCommandLine.Import.class,
        AdminCommandLine.Export.class
    })
public final class AdminCommandLine {

    /** {@code admin -V}: the version of the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Timeledger " + TimeledgerApplication.version()};
        }
    }

    private ConfigurableApplicationContext spring;
    private PrintWriter out;

    /** Runs {@code args} (starting with "admin") and returns the process exit code. */
    public static int run(String... args) {
        var root = new AdminCommandLine();
        var commandLine = new CommandLine(root);
        root.out = commandLine.getOut();
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof Invalid || e instanceof NotFound || e instanceof Forbidden) {
                cmd.getErr().println("error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        try {
            return commandLine.execute(java.util.Arrays.copyOfRange(args, 1, args.length));
        } finally {
            if (root.spring != null) {
                root.spring.close();
            }
        }
    }

    private <T> T bean(Class<T> type) {
        if (spring == null) {
            spring = TimeledgerApplication.withoutWebServer().run();
        }
        return spring.getBean(type);
    }

    private User userByEmail(String email) {
        return bean(People.class).userByEmail(email).orElseThrow(() -> new NotFound("User", email));
    }

    /**
     * A progress bar on the terminal's error stream ({@code [#####.....] 40,000 of 100,000 entries}),
     * redrawn at most five times a second; nothing when the output is not a terminal.
     */
    static Progress progressBar() {
        if (System.console() == null) {
            return Progress.NONE;
        }
        return new Progress() {
            private long drawnAt;

            @Override
            public void advanced(long done, long total, String what) {
                long now = System.nanoTime();
                boolean finished = done >= total;
                if (!finished && now - drawnAt < 200_000_000L) {
                    return;
                }
                drawnAt = now;
                int filled = total == 0 ? 30 : (int) (30 * done / total);
                System.err.printf("\r[%s%s] %,d of %,d %s%s", "#".repeat(filled), ".".repeat(30 - filled), done, total,
                    what, finished ? System.lineSeparator() : "");
                System.err.flush();
            }
        };
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    // --- accounts

    @Command(name = "account", description = "Accounts (tenants).", mixinStandardHelpOptions = true,
        subcommands = {AccountCreate.class, AccountList.class, AccountExpenses.class})
    static final class AccountCommands { }

    @Command(name = "create", description = "Open a new account.", mixinStandardHelpOptions = true)
    static final class AccountCreate implements Callable<Integer> {
        @Option(names = "--name", required = true) String name;
        @Option(names = "--currency", defaultValue = "USD") String currency;
        @Option(names = "--time-zone", description = "IANA zone, e.g. Europe/Berlin (default: this machine's)")
        String timeZone;
        @Option(names = "--week-start", defaultValue = "MONDAY") DayOfWeek weekStart;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var admin = root(spec);
            var account = admin.bean(Accounts.class).open(
                new NewAccount(name, currency, or(timeZone, ZoneId.systemDefault().getId()), weekStart));
            admin.out.printf("account %s \"%s\" (%s, %s)%n", account.id(), account.name(), account.currency(),
                account.timeZone());
            return 0;
        }
    }

    @Command(name = "list", description = "List all accounts.", mixinStandardHelpOptions = true)
    static final class AccountList implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var admin = root(spec);
            for (var account : admin.bean(Accounts.class).all()) {
                admin.out.printf("%s\t%s\t%s\t%s%n", account.id(), account.name(), account.currency(),
                    account.timeZone());
            }
            return 0;
        }
    }

    @Command(name = "expenses", description = "Turn an account's expenses feature on or off.",
        mixinStandardHelpOptions = true)
    static final class AccountExpenses implements Callable<Integer> {
        @Option(names = "--account", required = true) long account;
        @Option(names = "--enabled", required = true, arity = "1", description = "true or false") boolean enabled;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var admin = root(spec);
            var changed = admin.bean(Accounts.class).switchExpenses(new AccountId(account), enabled);
            admin.out.printf("account %s expenses %s%n", changed.id(),
                changed.preferences().expensesEnabled() ? "enabled" : "disabled");
            return 0;
        }
    }

    // --- users

    @Command(name = "user", description = "Users (people who sign in).", mixinStandardHelpOptions = true,
        subcommands = {UserCreate.class, UserPassword.class})
    static final class UserCommands { }

    @Command(name = "create", description = "Create a user, optionally adding them to an account.",
        mixinStandardHelpOptions = true)
    static final class UserCreate implements Callable<Integer> {
        @Option(names = "--email", required = true) String email;
        @Option(names = "--first-name") String firstName;
        @Option(names = "--last-name") String lastName;
        @Option(names = "--time-zone") String timeZone;
        @Option(names = "--account", description = "Account id to add the user to") Long account;
        @Option(names = "--role", defaultValue = "member", description = "admin, manager or member") String role;
        @Option(names = "--rate", description = "Billing rate, e.g. 150.00") BigDecimal rate;
        @Option(names = "--password-stdin", description = "Read a password from standard input")
        boolean passwordFromStdin;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            var admin = root(spec);
            var people = admin.bean(People.class);
            var user = people.createUser(new NewUser(email, firstName, lastName,
                or(timeZone, ZoneId.systemDefault().getId())));
            admin.out.printf("user %d %s%n", user.id(), user.email());
            if (passwordFromStdin) {
                admin.bean(Passwords.class).set(user.id(), readLine());
                admin.out.println("password set");
            }
            if (account != null) {
                var member = people.join(new AccountId(account), user.id(), Role.parse("role", role), rate);
                admin.out.printf("member %d of account %d as %s%n", member.id(), account, member.role().wire());
            }
            return 0;
        }
    }

    @Command(name = "password", description = "Set a user's password, read from standard input.",
        mixinStandardHelpOptions = true)
    static final class UserPassword implements Callable<Integer> {
        @Option(names = "--email", required = true) String email;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            var admin = root(spec);
            admin.bean(Passwords.class).set(admin.userByEmail(email).id(), readLine());
            admin.out.println("password set");
            return 0;
        }
    }

    // --- memberships

    @Command(name = "member", description = "Memberships (a user's place in an account).",
        mixinStandardHelpOptions = true, subcommands = {MemberAdd.class, MemberRole.class, MemberList.class})
    static final class MemberCommands { }

    @Command(name = "add", description = "Add an existing user to an account.", mixinStandardHelpOptions = true)
    static final class MemberAdd implements Callable<Integer> {
        @Option(names = "--email", required = true) String email;
        @Option(names = "--account", required = true) long account;
        @Option(names = "--role", defaultValue = "member", description = "admin, manager or member") String role;
        @Option(names = "--rate", description = "Billing rate, e.g. 150.00") BigDecimal rate;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var admin = root(spec);
            var user = admin.userByEmail(email);
            var member = admin.bean(People.class).join(new AccountId(account), user.id(), Role.parse("role", role), rate);
            admin.out.printf("member %d of account %d as %s%n", member.id(), account, member.role().wire());
            return 0;
        }
    }

    @Command(name = "role", description = "Change a member's role (an account keeps at least one admin).",
        mixinStandardHelpOptions = true)
    static final class MemberRole implements Callable<Integer> {
        @Option(names = "--email", required = true) String email;
        @Option(names = "--account", required = true) long account;
        @Option(names = "--role", required = true, description = "admin, manager or member") String role;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var admin = root(spec);
            var member = admin.bean(People.class)
                .changeRole(new AccountId(account), admin.userByEmail(email).id(), Role.parse("role", role));
            admin.out.printf("member %d of account %d as %s%n", member.id(), account, member.role().wire());
            return 0;
        }
    }

    @Command(name = "list", description = "List an account's members.", mixinStandardHelpOptions = true)
    static final class MemberList implements Callable<Integer> {
        @Option(names = "--account", required = true) long account;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var admin = root(spec);
            for (var m : admin.bean(People.class).members(new AccountId(account), null)) {
                admin.out.printf("%d\t%s\t%s %s\t%s%s%n", m.id(), m.email(), m.firstName(), m.lastName(),
                    m.role().wire(), m.archived() ? "\tarchived" : "");
            }
            return 0;
        }
    }

    // --- credentials

    @Command(name = "token", description = "Personal access tokens.", mixinStandardHelpOptions = true,
        subcommands = {TokenCreate.class, TokenList.class, TokenRevoke.class})
    static final class TokenCommands { }

    @Command(name = "create", description = "Create a personal access token for one account; prints it once.",
        mixinStandardHelpOptions = true)
    static final class TokenCreate implements Callable<Integer> {
        @Option(names = "--email", required = true) String email;
        @Option(names = "--account", required = true) long account;
        @Option(names = "--name") String name;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var admin = root(spec);
            var issued = admin.bean(Credentials.class)
                .issuePersonalAccessToken(admin.userByEmail(email).id(), new AccountId(account), name);
            admin.out.println(issued.secret());
            return 0;
        }
    }

    @Command(name = "list", description = "List a user's tokens and API keys (never their secrets).",
        mixinStandardHelpOptions = true)
    static final class TokenList implements Callable<Integer> {
        @Option(names = "--email", required = true) String email;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var admin = root(spec);
            for (Credential c : admin.bean(Credentials.class).ofUser(admin.userByEmail(email).id())) {
                admin.out.printf("%d\t%s\t%s…\taccount %s\t%s\tcreated %s\tlast used %s%s%n", c.id(),
                    c.kind().name().toLowerCase(java.util.Locale.ROOT), c.prefix(),
                    c.accountId() == null ? "any" : c.accountId(), or(c.name(), "-"), c.createdAt(),
                    c.lastUsedAt() == null ? "never" : c.lastUsedAt(), c.revoked() ? "\trevoked" : "");
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a token or API key by id.", mixinStandardHelpOptions = true)
    static final class TokenRevoke implements Callable<Integer> {
        @Option(names = "--id", required = true) long id;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var admin = root(spec);
            admin.bean(Credentials.class).revoke(id);
            admin.out.printf("credential %d revoked%n", id);
            return 0;
        }
    }

    @Command(name = "api-key", description = "Legacy API keys (X-API-Key).", mixinStandardHelpOptions = true,
        subcommands = {ApiKeyCreate.class})
    static final class ApiKeyCommands { }

    @Command(name = "create", description = "Create (or replace) a user's API key; prints it once.",
        mixinStandardHelpOptions = true)
    static final class ApiKeyCreate implements Callable<Integer> {
        @Option(names = "--email", required = true) String email;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var admin = root(spec);
            admin.out.println(admin.bean(Credentials.class).regenerateApiKey(admin.userByEmail(email).id()).secret());
            return 0;
        }
    }

    // --- OAuth apps

    @Command(name = "oauth-client", description = "Apps that connect through OAuth 2.0.", mixinStandardHelpOptions = true,
        subcommands = {OAuthClientCreate.class, OAuthClientList.class, OAuthClientDelete.class})
    static final class OAuthClientCommands { }

    @Command(name = "create", mixinStandardHelpOptions = true, description = {
        "Register an app; prints its client_id (and, for a confidential app, its secret, once).",
        "Confidential: a server that keeps a secret; gets refresh tokens. Public (--public): a mobile,",
        "desktop or browser app; no secret, PKCE required, no refresh tokens."})
    static final class OAuthClientCreate implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "shown to people on the consent page") String name;
        @Option(names = "--redirect-uri", required = true, description = "exact callback URI; repeat for several")
        java.util.List<String> redirectUris;
        @Option(names = "--public", description = "a public client (no secret, PKCE)") boolean publicClient;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var admin = root(spec);
            var client = admin.bean(OAuthClients.class).register(name, redirectUris, !publicClient);
            admin.out.printf("client_id     %s%n", client.clientId());
            if (client.secret() != null) {
                admin.out.printf("client_secret %s   (shown this once)%n", client.secret());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List the registered apps (never their secrets).",
        mixinStandardHelpOptions = true)
    static final class OAuthClientList implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var admin = root(spec);
            for (var client : admin.bean(OAuthClients.class).all()) {
                admin.out.printf("%s\t%s\t%s\t%s%n", client.clientId(), client.name(),
                    client.confidential() ? "confidential" : "public", String.join(" ", client.redirectUris()));
            }
            return 0;
        }
    }

    @Command(name = "delete", description = "Remove an app and every authorization and token given to it.",
        mixinStandardHelpOptions = true)
    static final class OAuthClientDelete implements Callable<Integer> {
        @Option(names = "--client-id", required = true) String clientId;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var admin = root(spec);
            admin.bean(OAuthClients.class).delete(clientId);
            admin.out.printf("oauth client %s deleted%n", clientId);
            return 0;
        }
    }

    // --- the audit trail

    @Command(name = "audit", mixinStandardHelpOptions = true, description = {
        "Security events, newest first: sign-ins (and failures, lockouts), passwords, tokens and API keys,",
        "OAuth grants, refreshes and revocations, roles. One line each:",
        "time (UTC), kind, email, account, via (web, api, oauth, server), address, detail."})
    static final class Audit implements Callable<Integer> {
        @Option(names = "--email", description = "one person's events (or the email typed at a failed sign-in)")
        String email;
        @Option(names = "--account", description = "events in one account") Long account;
        @Option(names = "--kind", description = "e.g. sign_in.failed, or a family: sign_in, token, oauth, role")
        String kind;
        @Option(names = "--since", description = "a date (2026-12-01, UTC) or an instant (2026-12-01T08:00:00Z)")
        String since;
        @Option(names = "--limit", defaultValue = "50", description = "at most this many (default 50)") int limit;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 100_000) {
                throw new Invalid("limit", "must be between 1 and 100000");
            }
            var admin = root(spec);
            var events = admin.bean(AuditTrail.class)
                .search(new AuditFilter(email, account, kind, instant("since", since), limit));
            for (var e : events) {
                admin.out.printf("%s	%s	%s	%s	%s	%s	%s%n", e.occurredAt(), e.kind().wire(), or(e.email(), "-"),
                    e.accountId() == null ? "-" : "account " + e.accountId(), e.via(), or(e.clientAddress(), "-"),
                    e.detail());
            }
            return 0;
        }

        private static java.time.Instant instant(String field, String value) {
            if (value == null) {
                return null;
            }
            try {
                return value.contains("T") ? java.time.Instant.parse(value)
                    : java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new Invalid(field, "is not a date (2026-12-01) or an instant (2026-12-01T08:00:00Z)");
            }
        }
    }

    private static AdminCommandLine root(CommandLine.Model.CommandSpec spec) {
        return (AdminCommandLine) spec.root().userObject();
    }

    private static String readLine() throws IOException {
        var console = System.console();
        if (console != null) {
            return new String(console.readPassword("password: "));
        }
        var line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
    }

    // --- imports

    @Command(name = "import", mixinStandardHelpOptions = true, description = {
        "Import time tracked elsewhere: a detailed time report (harvest-csv, toggl-csv, clockify-csv) or a",
        "live Harvest account over its API (harvest-api: --harvest-account, the token in HARVEST_TOKEN).",
        "Clients, projects, tasks and people are matched by name (people by email) and made when missing;",
        "a row imported before is skipped. --dry-run says what would happen and stores nothing.",
        "timeledger: restore an account archive (admin export) as a new account; no --account."})
    static final class Import implements Callable<Integer> {
        @Option(names = "--account", description = "the account's id (not for timeledger)") Long account;
        @Option(names = "--source", required = true,
            description = "harvest-csv, toggl-csv, clockify-csv, harvest-api or timeledger") String source;
        @Option(names = "--file", description = "the report, UTF-8 (the CSV sources), or the archive") Path file;
        @Option(names = "--name", description = "timeledger: the restored account's name (default: as it was)")
        String name;
        @Option(names = "--harvest-url", defaultValue = "https://api.harvestapp.com",
            description = "harvest-api: the API's address (default https://api.harvestapp.com)") String harvestUrl;
        @Option(names = "--harvest-account", description = "harvest-api: the Harvest account's id")
        String harvestAccount;
        @Option(names = "--time-zone", description = "the zone of the file's times (default: the account's)")
        String timeZone;
        @Option(names = "--as", description = "the administrator to import as (default: the account's first)")
        String as;
        @Option(names = "--dry-run", description = "say what would be imported; store nothing") boolean dryRun;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            var admin = root(spec);
            if (source.equals("timeledger")) {
                return restore(admin);
            }
            var kind = ImportSource.of(source).orElseThrow(() -> new Invalid("source",
                "must be harvest-csv, toggl-csv, clockify-csv, harvest-api or timeledger"));
            if (account == null) {
                throw new Invalid("account", "is needed for " + kind.wire() + ": the id of the account to import into");
            }
            var tenant = admin.bean(Accounts.class).get(new AccountId(account));
            var people = admin.bean(People.class);
            var member = people.members(tenant.id(), true).stream()
                .filter(m -> as == null ? m.role() == Role.ADMIN : m.email().equalsIgnoreCase(as))
                .findFirst().orElseThrow(() -> new NotFound("Administrator", as == null ? "of the account" : as));
            var zone = timeZone == null ? tenant.timeZone() : ZoneId.of(timeZone);
            var actor = new Actor(member, tenant);
            var imports = admin.bean(Imports.class);
            ImportReport report;
            if (kind == ImportSource.HARVEST_API) {
                var token = System.getenv("HARVEST_TOKEN");
                if (token == null || token.isBlank() || harvestAccount == null) {
                    throw new Invalid("harvest", "harvest-api needs --harvest-account and the token in HARVEST_TOKEN");
                }
                report = imports.run(actor, new HarvestAccount(harvestUrl, token, harvestAccount), zone, dryRun,
                    progressBar());
            } else {
                if (file == null) {
                    throw new Invalid("file", "is needed for " + kind.wire());
                }
                try (var bytes = Files.newInputStream(file)) {
                    report = imports.run(actor, kind, bytes, zone, dryRun, progressBar());
                }
            }
            admin.out.printf("%s%s: %d rows, %d entries %s, %d imported before%n", dryRun ? "Dry run of " : "",
                kind.product(), report.rows(), report.created(), dryRun ? "would be created" : "created",
                report.skipped());
            admin.out.printf("new clients %d, projects %d, tasks %d, people %d%n", report.clients().size(),
                report.projects().size(), report.tasks().size(), report.people().size());
            if (report.assignments() > 0) {
                admin.out.printf("task and person assignments %s %d%n", dryRun ? "to make" : "made",
                    report.assignments());
            }
            for (var problem : report.problems()) {
                admin.out.printf("line %d: %s%n", problem.line(), problem.message());
            }
            return report.problems().isEmpty() ? 0 : 2;
        }

        private int restore(AdminCommandLine admin) {
            if (account != null) {
                throw new Invalid("account", "is not for timeledger: an archive is restored as a new account"
                    + " (--name renames it)");
            }
            if (file == null) {
                throw new Invalid("file", "is needed for timeledger: the archive admin export wrote");
            }
            var restored = admin.bean(AccountArchive.class).restore(file, name, dryRun, progressBar());
            admin.out.printf("%s \"%s\"%s%n", dryRun ? "Dry run: would restore account"
                : "restored account " + restored.account(), restored.name(),
                restored.keptIds().isEmpty() ? " (new ids)" : " (ids kept: " + String.join(", ", restored.keptIds()) + ")");
            for (var part : restored.parts()) {
                if (part.rows() > 0) {
                    admin.out.printf("  %-20s %,d%n", part.table(), part.rows());
                }
            }
            if (!restored.newUsers().isEmpty()) {
                admin.out.printf("%d people are new to this server and have no password yet; set one with"
                    + " admin user password --email EMAIL --password-stdin:%n", restored.newUsers().size());
                restored.newUsers().forEach(email -> admin.out.println("  " + email));
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = {
        "Write an account whole to one archive: a ZIP of a manifest and one file of JSON lines per kind of",
        "record (people, clients, projects, tasks, entries, the dock, expenses and receipts, invoices,",
        "saved reports, approvals, settings). admin import --source timeledger restores it, here or on",
        "another server. Tokens and passwords are not in it."})
    static final class Export implements Callable<Integer> {
        @Option(names = "--account", required = true, description = "the account's id") long account;
        @Option(names = "--file", required = true, description = "where to write the archive (.zip)") Path file;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            var admin = root(spec);
            var written = file.resolveSibling(file.getFileName() + ".part");
            AccountArchive.Exported exported;
            try (var out = new BufferedOutputStream(Files.newOutputStream(written), 1 << 16)) {
                exported = admin.bean(AccountArchive.class).export(new AccountId(account), out);
            } catch (RuntimeException e) {
                Files.deleteIfExists(written);
                throw e;
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
            admin.out.printf("account %d written to %s (%,d bytes)%n", account, file, Files.size(file));
            for (var part : exported.parts()) {
                if (part.rows() > 0) {
                    admin.out.printf("  %-20s %,d%n", part.table(), part.rows());
                }
            }
            return 0;
        }
    }
}
