package io.timeledger.web.manage;

import io.timeledger.core.archive.AccountArchive;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.imports.HarvestAccount;
import io.timeledger.core.imports.ImportReport;
import io.timeledger.core.imports.ImportSource;
import io.timeledger.core.imports.Imports;
import io.timeledger.web.Forms;
import io.timeledger.web.Header;
import io.timeledger.web.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Manage → Import &amp; export (administrators): a detailed time report of Harvest, Toggl Track or
 * Clockify, checked first — a dry run: what would be created, what was imported before, every row
 * that cannot be read — then imported, each row once however often the file comes back; and the
 * whole account as one archive to take away.
 */
@Controller
class ImportController {

    private final SignedIn signedIn;
    private final Header header;
    private final Imports imports;
    private final AccountArchive archive;
    private final Clock clock;
    private final ImportJobs jobs;

    /** How the page names the fields an import may refuse. */
    private static final Map<String, String> LABELS = Map.of("time_zone", "Time zone", "url", "Harvest's address",
        "token", "The token");

    ImportController(SignedIn signedIn, Header header, Imports imports, AccountArchive archive, Clock clock,
                     ImportJobs jobs) {
        this.signedIn = signedIn;
        this.jobs = jobs;
        this.clock = clock;
        this.archive = archive;
        this.header = header;
        this.imports = imports;
    }

    @GetMapping("/manage/import")
    String form(Principal principal, HttpSession session, Model model) {
        var place = signedIn.place(principal, session);
        place.actor().requireAdmin();
        show(model, place, ImportSource.HARVEST_CSV, place.actor().tenant().timeZone().getId());
        return "manage/import";
    }

    @PostMapping("/manage/import")
    String run(Principal principal, HttpSession session, @RequestParam(defaultValue = "harvest-csv") String source,
               @RequestParam(name = "time_zone", defaultValue = "") String timeZone,
               @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
               @RequestParam(required = false) MultipartFile file, HttpServletResponse response, Model model)
            throws IOException {
        var place = signedIn.place(principal, session);
        var actor = place.actor();
        actor.requireAdmin();
        var kind = ImportSource.of(source).orElse(ImportSource.HARVEST_CSV);
        var zoneId = timeZone.isBlank() ? actor.tenant().timeZone().getId() : timeZone;
        show(model, place, kind, zoneId);
        if (file == null || file.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("problem", "Choose the report to import.");
            return "manage/import";
        }
        ZoneId zone;
        try {
            zone = Forms.zone("time_zone", zoneId);
        } catch (Invalid refused) {
            response.setStatus(422);
            model.addAttribute("problem", Forms.sentence(refused, LABELS));
            return "manage/import";
        }
        var bytes = file.getBytes();
        var job = jobs.start(actor, file.getOriginalFilename(), kind, zone.getId(), dryRun,
            progress -> imports.run(actor, kind, new ByteArrayInputStream(bytes), zone, dryRun, progress),
            refused -> Forms.sentence(refused, LABELS));
        return "redirect:/manage/import/" + job.id();
    }

    /** An import started here: its progress while it runs (the page follows by itself), then what it did. */
    @GetMapping("/manage/import/{id}")
    String job(Principal principal, HttpSession session, @PathVariable UUID id, Model model) {
        var place = signedIn.place(principal, session);
        place.actor().requireAdmin();
        var job = jobs.find(place.actor(), id).orElseThrow(() -> new NotFound("Import", id));
        show(model, place, job.source(), job.zone());
        // read once, and whether it ended before what it left: it may end while the page is drawn
        boolean running = !job.finished();
        model.addAttribute("job", job);
        model.addAttribute("running", running);
        if (!running && job.report() != null) {
            show(model, job.report(), job.what());
        } else if (!running) {
            model.addAttribute("problem", job.problem());
        }
        return "manage/import";
    }

    /** The progress bar alone, for the page to poll; once the import has ended, the page reloads. */
    @GetMapping("/manage/import/{id}/progress")
    String progress(Principal principal, HttpSession session, @PathVariable UUID id, HttpServletResponse response,
                    Model model) {
        var actor = signedIn.actor(principal, session);
        actor.requireAdmin();
        var job = jobs.find(actor, id).orElseThrow(() -> new NotFound("Import", id));
        boolean running = !job.finished();
        if (!running) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        model.addAttribute("running", running);
        return "manage/import :: progress";
    }

    /** The whole account as one archive (administrators): what admin import --source timeledger restores. */
    @GetMapping("/manage/export/account.zip")
    void export(Principal principal, HttpSession session, HttpServletResponse response) throws IOException {
        var actor = signedIn.actor(principal, session);
        actor.requireAdmin();
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("timeledger-account-" + actor.account() + "-" + LocalDate.ofInstant(clock.instant(), actor.tenant().timeZone())
                + ".zip").build().toString());
        archive.export(actor, response.getOutputStream());
    }

    /** A live Harvest account over its API: the token is used for this import only and kept nowhere. */
    @PostMapping("/manage/import/harvest")
    String harvest(Principal principal, HttpSession session,
                   @RequestParam(name = "harvest_url", defaultValue = "") String url,
                   @RequestParam(name = "harvest_account", defaultValue = "") String account,
                   @RequestParam(name = "harvest_token", defaultValue = "") String token,
                   @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
                   HttpServletResponse response, Model model) {
        var place = signedIn.place(principal, session);
        var actor = place.actor();
        actor.requireAdmin();
        if (account.isBlank() || token.isBlank()) {
            show(model, place, ImportSource.HARVEST_API, actor.tenant().timeZone().getId());
            model.addAttribute("harvestUrl", url);
            model.addAttribute("harvestAccount", account);
            response.setStatus(422);
            model.addAttribute("problem", "Give the Harvest account's id and a personal access token.");
            return "manage/import";
        }
        var harvest = new HarvestAccount(url, token.strip(), account.strip());
        var job = jobs.start(actor, "the Harvest account " + account.strip(), ImportSource.HARVEST_API,
            actor.tenant().timeZone().getId(), dryRun,
            progress -> imports.run(actor, harvest, actor.tenant().timeZone(), dryRun, progress),
            refused -> Forms.sentence(refused, LABELS));
        return "redirect:/manage/import/" + job.id();
    }

    private void show(Model model, SignedIn.Place place, ImportSource source, String zone) {
        header.show(model, place, "manage");
        model.addAttribute("sources", Arrays.stream(ImportSource.values())
            .filter(s -> s != ImportSource.HARVEST_API).toList());
        model.addAttribute("harvestUrl", "https://api.harvestapp.com");
        model.addAttribute("harvestAccount", "");
        model.addAttribute("source", source);
        model.addAttribute("zone", zone);
        model.addAttribute("zones", Forms.timeZones(zone));
    }

    /** What an import did (or would do), its first 200 unreadable rows, and a sentence of it. */
    private static void show(Model model, ImportReport report, String what) {
        model.addAttribute("report", report);
        model.addAttribute("fileName", what);
        model.addAttribute("shownProblems", report.problems().stream().limit(200).toList());
        model.addAttribute("notice", summary(report));
    }

    private static String summary(ImportReport report) {
        return (report.dryRun() ? "Checked: " + report.created() + " of " + report.rows()
            + " rows would be imported" : "Imported " + report.created() + " of " + report.rows() + " rows")
            + (report.skipped() > 0 ? "; " + report.skipped() + " were imported before" : "")
            + (report.problems().isEmpty() ? "." : "; " + report.problems().size() + " could not be read.");
    }
}
