package io.timeledger.core.imports;

import io.timeledger.core.account.Actor;
import io.timeledger.core.account.NewUser;
import io.timeledger.core.account.People;
import io.timeledger.core.account.PersonChanges;
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

    Imports(ImportRepository repository, People people, Contacts contacts, Projects projects, Tasks tasks,
            CatalogChoices catalog, TransactionOperations transactions, Optional<HarvestReader> harvest) {
        this.harvest = harvest;
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
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        return run(actor, source, new InputStreamReader(bytes, decoder), zone, dryRun);
    }

    /** Imports {@code source}'s report from {@code file}, its times read in {@code zone}; a dry run stores nothing. */
    public ImportReport run(Actor actor, ImportSource source, Reader file, ZoneId zone, boolean dryRun) {
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
        return write(actor, source, read, dryRun);
    }

    /**
     * Imports a live Harvest account's time entries over Harvest's v2 API ({@link HarvestReader}),
     * times read in {@code zone}; each Harvest entry once, however often the account is imported.
     */
    public ImportReport run(Actor actor, HarvestAccount account, ZoneId zone, boolean dryRun) {
        actor.requireAdmin();
        var reader = harvest.orElseThrow(() -> new IllegalStateException("no Harvest reader is configured"));
        return write(actor, ImportSource.HARVEST_API, reader.read(account, zone), dryRun);
    }

    /** Writes what was read in one transaction, rolled back for a dry run. */
    private ImportReport write(Actor actor, ImportSource source, SourceRows read, boolean dryRun) {
        try {
            return transactions.execute(status -> {
                if (dryRun) {
                    status.setRollbackOnly();
                }
                return store(actor, source, read, dryRun);
            });
        } catch (DataAccessException refused) {
            var locked = DatabaseRefusals.lockedTime(refused);
            if (locked.isPresent()) {
                throw new Invalid("base", "Nothing was imported: " + locked.get().getMessage());
            }
            throw refused;
        }
    }

    private ImportReport store(Actor actor, ImportSource source, SourceRows read, boolean dryRun) {
        var service = source.product();
        var done = repository.imported(actor.account(), service,
            read.rows().stream().map(ImportedRow::key).toList());
        var fresh = read.rows().stream().filter(row -> !done.contains(row.key())).toList();

        var made = new Made();
        var choices = catalog.of(actor.account());
        var clientIds = byName(choices.clients());
        var taskIds = byName(choices.tasks());
        var projectIds = new HashMap<String, Long>();
        for (var project : projects.list(actor.account(), null, null)) {
            projectIds.putIfAbsent(project.contactId() + "/" + normal(project.details().name()), project.id());
        }
        var persons = new HashMap<String, Long>();
        for (var person : repository.people(actor.account())) {
            persons.putIfAbsent("@" + person.email(), person.membershipId());
            persons.putIfAbsent(normal(person.name()), person.membershipId());
        }

        var entries = new ArrayList<ImportRepository.NewEntry>();
        for (var row : fresh) {
            Long client = row.client() == null ? null : clientIds.computeIfAbsent(normal(row.client()), name -> {
                made.clients.add(row.client());
                return contacts.create(actor, DetailChanges.NONE.name(Field.of(row.client()))).id();
            });
            Long project = null;
            if (row.project() != null) {
                if (client == null) {
                    client = clientIds.computeIfAbsent(normal("(no client)"), name -> {
                        made.clients.add("(no client)");
                        return contacts.create(actor, DetailChanges.NONE.name(Field.of("(no client)"))).id();
                    });
                }
                long owner = client;
                project = projectIds.computeIfAbsent(owner + "/" + normal(row.project()), name -> {
                    made.projects.add(row.project());
                    return projects.create(actor, Field.of(owner), DetailChanges.NONE.name(Field.of(row.project())))
                        .id();
                });
            }
            Long task = row.task() == null ? null : taskIds.computeIfAbsent(normal(row.task()), name -> {
                made.tasks.add(row.task());
                return tasks.create(actor, new TaskChanges(Field.of(row.task()), Field.absent(), Field.absent(),
                    Field.absent(), Field.absent())).id();
            });
            long person = person(actor, row, persons, made);
            entries.add(new ImportRepository.NewEntry(row, person, client, project, task));
        }
        for (int from = 0; from < entries.size(); from += ImportRepository.BATCH) {
            repository.insert(actor.account(), service,
                entries.subList(from, Math.min(entries.size(), from + ImportRepository.BATCH)));
        }
        return new ImportReport(source, dryRun, read.rows().size(), entries.size(), done.size(),
            List.copyOf(made.clients), List.copyOf(made.projects), List.copyOf(made.tasks), List.copyOf(made.people),
            read.problems());
    }

    /**
     * The row's person: by email where the source gives one, else by name; else a placeholder made
     * for them, archived until invited.
     */
    private long person(Actor actor, ImportedRow row, Map<String, Long> persons, Made made) {
        var email = row.personEmail() == null ? null : row.personEmail().toLowerCase(Locale.ROOT);
        if (email != null && persons.containsKey("@" + email)) {
            return persons.get("@" + email);
        }
        var name = row.personName();
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
