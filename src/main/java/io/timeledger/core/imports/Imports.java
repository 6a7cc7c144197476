package io.timeledger.core.imports;

import io.timeledger.core.account.Actor;
import io.timeledger.core.account.NewUser;
import io.timeledger.core.account.People;
import io.timeledger.core.account.PersonChanges;
import io.timeledger.core.catalog.AssignmentChanges;
import io.timeledger.core.catalog.Assignments;
import io.timeledger.core.catalog.CatalogChoices;
import io.timeledger.core.catalog.Choices;
import io.timeledger.core.catalog.Contacts;
import io.timeledger.core.catalog.DetailChanges;
import io.timeledger.core.catalog.Projects;
import io.timeledger.core.catalog.TaskChanges;
import io.timeledger.core.catalog.Tasks;
import io.timeledger.core.common.DatabaseRefusals;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.Progress;
import io.timeledger.core.common.TableStatistics;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Takes in time tracked elsewhere (administrators only). A report is read whole first (every
 * unreadable row said with its line), then written in one transaction: its clients, projects,
 * tasks and people matched by name — people by email, else by name — and made where missing
 * (people as archived placeholders, to be invited later), each row an entry whose rate is the
 * source's, keyed by the row so that importing the same or an overlapping file again adds only
 * what is new. A dry run does all of it and rolls it back: its counts are exactly what the import
 * would do. A failure leaves nothing half-imported.
 */
@Service
public class Imports {

    private final ImportRepository repository;
    private final People people;
    private final Contacts contacts;
    private final Projects projects;
    private final Tasks tasks;
    private final CatalogChoices catalog;
    private final TransactionOperations transactions;
    private final Optional<HarvestReader> harvest;
    private final Assignments assignments;
    private final TableStatistics statistics;

    Imports(ImportRepository repository, People people, Contacts contacts, Projects projects, Tasks tasks,
            CatalogChoices catalog, TransactionOperations transactions, Optional<HarvestReader> harvest,
            Assignments assignments, TableStatistics statistics) {
        this.harvest = harvest;
        this.statistics = statistics;
        this.assignments = assignments;
        this.repository = repository;
        this.people = people;
        this.contacts = contacts;
        this.projects = projects;
        this.tasks = tasks;
        this.catalog = catalog;
        this.transactions = transactions;
    }

    /**
     * Imports {@code source}'s report from {@code bytes} (UTF-8; anything else is refused, not
     * guessed at), its times read in {@code zone}; a dry run stores nothing.
     */
    public ImportReport run(Actor actor, ImportSource source, InputStream bytes, ZoneId zone, boolean dryRun) {
        return run(actor, source, bytes, zone, dryRun, Progress.NONE);
    }

    /** As {@link #run(Actor, ImportSource, InputStream, ZoneId, boolean)}, telling {@code progress} batch by batch. */
    public ImportReport run(Actor actor, ImportSource source, InputStream bytes, ZoneId zone, boolean dryRun,
                            Progress progress) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        return run(actor, source, new InputStreamReader(bytes, decoder), zone, dryRun, progress);
    }

    /** Imports {@code source}'s report from {@code file}, its times read in {@code zone}; a dry run stores nothing. */
    public ImportReport run(Actor actor, ImportSource source, Reader file, ZoneId zone, boolean dryRun) {
        return run(actor, source, file, zone, dryRun, Progress.NONE);
    }

    private ImportReport run(Actor actor, ImportSource source, Reader file, ZoneId zone, boolean dryRun,
                             Progress progress) {
        actor.requireAdmin();
        if (source == ImportSource.HARVEST_API) {
            throw new Invalid("source", "harvest-api reads an account, not a file");
        }
        SourceRows read;
        try {
            read = CsvReports.read(source, file, zone);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new Invalid("file", "is not UTF-8 text: export it again as CSV in UTF-8 (Unicode)");
            }
            throw e;
        }
        return write(actor, source, read, dryRun, progress);
    }

    /**
     * Imports a live Harvest account's time entries over Harvest's v2 API ({@link HarvestReader}),
     * times read in {@code zone}; each Harvest entry once, however often the account is imported.
     */
    public ImportReport run(Actor actor, HarvestAccount account, ZoneId zone, boolean dryRun) {
        return run(actor, account, zone, dryRun, Progress.NONE);
    }

    /** As {@link #run(Actor, HarvestAccount, ZoneId, boolean)}, telling {@code progress} batch by batch. */
    public ImportReport run(Actor actor, HarvestAccount account, ZoneId zone, boolean dryRun, Progress progress) {
        actor.requireAdmin();
        var reader = harvest.orElseThrow(() -> new IllegalStateException("no Harvest reader is configured"));
        return write(actor, ImportSource.HARVEST_API, reader.read(account, zone), dryRun, progress);
    }

    /** Writes what was read in one transaction, rolled back for a dry run. */
    private ImportReport write(Actor actor, ImportSource source, SourceRows read, boolean dryRun, Progress progress) {
        try {
            return transactions.execute(status -> {
                if (dryRun) {
                    status.setRollbackOnly();
                }
                return store(actor, source, read, dryRun, progress);
            });
        } catch (DataAccessException refused) {
            var locked = DatabaseRefusals.lockedTime(refused);
            if (locked.isPresent()) {
                throw new Invalid("base", "Nothing was imported: " + locked.get().getMessage());
            }
            throw refused;
        }
    }

    private ImportReport store(Actor actor, ImportSource source, SourceRows read, boolean dryRun,
                               Progress progress) {
        var service = source.product();
        var done = repository.imported(actor.account(), service,
            read.rows().stream().map(ImportedRow::key).toList());
        var fresh = read.rows().stream().filter(row -> !done.contains(row.key())).toList();

        var names = new Names(actor);
        var entries = new ArrayList<ImportRepository.NewEntry>();
        for (var row : fresh) {
            Long client = names.client(row.client(), row.project() != null);
            Long project = row.project() == null ? null : names.project(client, row.project());
            Long task = row.task() == null ? null : names.task(row.task());
            long person = names.person(row.personEmail(), row.personName());
            entries.add(new ImportRepository.NewEntry(row, person, client, project, task));
        }
        progress.advanced(0, entries.size(), "entries");
        for (int from = 0; from < entries.size(); from += ImportRepository.BATCH) {
            int to = Math.min(entries.size(), from + ImportRepository.BATCH);
            repository.insert(actor.account(), service, entries.subList(from, to));
            if (from == 0 && to < entries.size()) {
                // the entries' tasks are checked against the entries: by index, not by scan (TableStatistics)
                statistics.refreshIfOutgrown(entries.size(), "entry", "entry_task");
            }
            progress.advanced(to, entries.size(), "entries");
        }
        long assigned = 0;
        for (var assignment : read.assignments()) {
            assigned += assign(actor, names, assignment) ? 1 : 0;
        }
        var made = names.made;
        return new ImportReport(source, dryRun, read.rows().size(), entries.size(), done.size(),
            List.copyOf(made.clients), List.copyOf(made.projects), List.copyOf(made.tasks), List.copyOf(made.people),
            assigned, read.problems());
    }

    /**
     * Makes the source's assignment of a task or person to a project where the project has none
     * yet (its client, project, task or person made like an entry's); answers whether it did.
     */
    private boolean assign(Actor actor, Names names, ImportedAssignment assignment) {
        long project = names.project(names.client(assignment.client(), true), assignment.project());
        var fields = new AssignmentChanges(Field.of(assignment.flag()), Field.of(assignment.active()),
            assignment.hourlyRate() == null ? Field.absent() : Field.of(assignment.hourlyRate()), Field.absent());
        if (assignment.ofTask()) {
            long task = names.task(assignment.task());
            if (!assignments.taskAssignments(actor.account(), project, List.of(task)).isEmpty()) {
                return false;
            }
            assignments.assignTask(actor, project, task, fields);
        } else {
            long person = names.person(assignment.personEmail(), assignment.personName());
            if (!assignments.userAssignments(actor.account(), project, person, null).isEmpty()) {
                return false;
            }
            assignments.assignUser(actor, project, person, fields);
        }
        return true;
    }

    /**
     * The account's clients, projects, tasks and people by name (people by email, else by name), and
     * those an import makes: matched ignoring case and spacing, made once when missing.
     */
    private final class Names {
        private final Actor actor;
        private final Map<String, Long> clients;
        private final Map<String, Long> tasks;
        private final Map<String, Long> projects = new HashMap<>();
        private final Map<String, Long> persons = new HashMap<>();
        private final Made made = new Made();

        Names(Actor actor) {
            this.actor = actor;
            var choices = catalog.of(actor.account());
            clients = byName(choices.clients());
            tasks = byName(choices.tasks());
            for (var project : Imports.this.projects.list(actor.account(), null, null)) {
                projects.putIfAbsent(project.contactId() + "/" + normal(project.details().name()), project.id());
            }
            for (var person : repository.people(actor.account())) {
                persons.putIfAbsent("@" + person.email(), person.membershipId());
                persons.putIfAbsent(normal(person.name()), person.membershipId());
            }
        }

        /** The client named so; a project without one goes under "(no client)" when {@code forProject}. */
        Long client(String name, boolean forProject) {
            if (name == null && !forProject) {
                return null;
            }
            var shown = name == null ? "(no client)" : name;
            return clients.computeIfAbsent(normal(shown), key -> {
                made.clients.add(shown);
                return contacts.create(actor, DetailChanges.NONE.name(Field.of(shown))).id();
            });
        }

        long project(long client, String name) {
            return projects.computeIfAbsent(client + "/" + normal(name), key -> {
                made.projects.add(name);
                return Imports.this.projects.create(actor, Field.of(client), DetailChanges.NONE.name(Field.of(name)))
                    .id();
            });
        }

        long task(String name) {
            return tasks.computeIfAbsent(normal(name), key -> {
                made.tasks.add(name);
                return Imports.this.tasks.create(actor, new TaskChanges(Field.of(name), Field.absent(), Field.absent(),
                    Field.absent(), Field.absent())).id();
            });
        }

        /**
         * The person: by email where the source gives one, else by name; else a placeholder made
         * for them, archived until invited. A row naming nobody is the importer's.
         */
        long person(String givenEmail, String name) {
            var email = givenEmail == null ? null : givenEmail.toLowerCase(Locale.ROOT);
            if (email != null && persons.containsKey("@" + email)) {
                return persons.get("@" + email);
            }
            // a name decides only where the source gives no email: two people may share a name
            if (email == null && name != null && persons.containsKey(normal(name))) {
                return persons.get(normal(name));
            }
            if (email == null && name == null) {
                return actor.membershipId();
            }
            var shown = name != null ? name : email;
            var parts = name == null ? new String[] {"", ""} : name.split("\\s+", 2);
            var placeholder = email != null ? email : slug(name) + "@imported.invalid";
            var member = people.add(actor, new NewUser(placeholder, parts[0], parts.length > 1 ? parts[1] : "", null),
                PersonChanges.none().active(Field.of(false)));
            made.people.add(shown);
            persons.put("@" + placeholder.toLowerCase(Locale.ROOT), member.id());
            if (name != null) {
                persons.put(normal(name), member.id());
            }
            return member.id();
        }
    }

    private static Map<String, Long> byName(List<Choices.Choice> choices) {
        var found = new HashMap<String, Long>();
        choices.forEach(choice -> found.putIfAbsent(normal(choice.name()), choice.id()));
        return found;
    }

    private static String normal(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** "Zoë Ng" → "zoe.ng": a placeholder's address, in the reserved .invalid domain. */
    private static String slug(String name) {
        var plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
        return plain.isEmpty() ? "someone" : plain;
    }

    /** What an import made to hold its rows, by name. */
    private static final class Made {
        final LinkedHashSet<String> clients = new LinkedHashSet<>();
        final LinkedHashSet<String> projects = new LinkedHashSet<>();
        final LinkedHashSet<String> tasks = new LinkedHashSet<>();
        final LinkedHashSet<String> people = new LinkedHashSet<>();
    }

}
