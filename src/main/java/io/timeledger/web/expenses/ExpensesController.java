package io.timeledger.web.expenses;

import io.timeledger.core.account.Role;
import io.timeledger.core.catalog.CatalogChoices;
import io.timeledger.core.catalog.Contacts;
import io.timeledger.core.catalog.Projects;
import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.money.Expense;
import io.timeledger.core.money.ExpenseChanges;
import io.timeledger.core.money.ExpenseQuery;
import io.timeledger.core.money.Expenses;
import io.timeledger.web.Forms;
import io.timeledger.web.Header;
import io.timeledger.web.Money;
import io.timeledger.web.Periods;
import io.timeledger.web.SignedIn;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Money spent ({@code /expenses}, where the account tracks expenses): one's own — everyone's for
 * an administrator — newest first; add one with its receipt (a picture or a PDF), change it,
 * replace or remove its receipt, delete it. An expense for a client goes on that client's next
 * invoice draft; an invoiced one no longer changes. The receipt is served only to those who may
 * see the expense.
 */
@Controller
class ExpensesController {

    private static final Map<String, String> LABELS = Map.of("rate_cents", "Amount", "date", "Date",
        "contact_id", "Client", "project_id", "Project");

    private final SignedIn signedIn;
    private final Header header;
    private final Expenses expenses;
    private final CatalogChoices catalog;
    private final Contacts contacts;
    private final Projects projects;
    private final Clock clock;

    ExpensesController(SignedIn signedIn, Header header, Expenses expenses, CatalogChoices catalog, Contacts contacts,
                       Projects projects, Clock clock) {
        this.signedIn = signedIn;
        this.header = header;
        this.expenses = expenses;
        this.catalog = catalog;
        this.contacts = contacts;
        this.projects = projects;
        this.clock = clock;
    }

    /** An expense as the list shows it; {@code day} its date as the pages write one. */
    record Row(Expense expense, String day, String client, String project, String amount, String unit, boolean receipt,
               boolean locked) { }

    @GetMapping("/expenses")
    String list(Principal principal, HttpSession session, Model model) {
        var place = signedIn.place(principal, session);
        var actor = place.actor();
        if (!actor.tenant().preferences().expensesEnabled()) {
            // a bookmark or a link from before they were turned off: say so, and where to turn them on
            header.show(model, place, "expenses");
            model.addAttribute("off", true);
            return "expenses";
        }
        var found = expenses.search(actor, new ExpenseQuery(null, null, null, null, null, null, null, 500, 0));
        var clientNames = contacts.names(actor.account(), found.stream().map(Expense::contactId)
            .filter(Objects::nonNull).distinct().toList());
        var projectNames = projects.names(actor.account(), found.stream().map(Expense::projectId)
            .filter(Objects::nonNull).distinct().toList());
        var receipts = expenses.withReceipts(actor, found.stream().map(Expense::id).toList());
        header.show(model, place, "expenses");
        model.addAttribute("everyone", actor.role() == Role.ADMIN);
        model.addAttribute("today", LocalDate.now(clock.withZone(actor.member().timeZone())));
        var choices = catalog.of(actor.account());
        model.addAttribute("clients", choices.clients().stream().filter(c -> c.active()).toList());
        model.addAttribute("projects", choices.projects().stream().filter(p -> p.active()).toList());
        model.addAttribute("rows", found.stream().map(e -> new Row(e, Periods.day(e.date()),
            e.contactId() == null || !clientNames.containsKey(e.contactId()) ? "" : clientNames.get(e.contactId()).name(),
            e.projectId() == null || !projectNames.containsKey(e.projectId()) ? ""
                : projectNames.get(e.projectId()).name(),
            Money.format(e.amount()), e.unitAmount().toPlainString(), receipts.contains(e.id()), e.invoiced()))
            .toList());
        model.addAttribute("total", Money.format(found.stream().map(Expense::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add)));
        model.addAttribute("maxReceiptMb", Expenses.MAX_RECEIPT_BYTES / (1024 * 1024));
        return "expenses";
    }

    @PostMapping("/expenses")
    String create(Principal principal, HttpSession session, @RequestParam(defaultValue = "") String description,
                  @RequestParam(defaultValue = "") String amount, @RequestParam(required = false) LocalDate date,
                  @RequestParam(required = false) Long client, @RequestParam(required = false) Long project,
                  @RequestParam(required = false) MultipartFile receipt, RedirectAttributes redirect)
            throws IOException {
        var actor = signedIn.actor(principal, session);
        var bytes = receipt == null || receipt.isEmpty() ? null : receipt.getBytes();
        var name = receipt == null ? null : receipt.getOriginalFilename();
        return act(redirect, () -> {
            var expense = expenses.create(actor, changes(description, amount, date, client, project), name, bytes);
            return "Added the expense “" + expense.description() + "”.";
        });
    }

    @PostMapping("/expenses/{id}")
    String change(Principal principal, HttpSession session, @PathVariable long id,
                  @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String amount,
                  @RequestParam(required = false) LocalDate date, @RequestParam(required = false) Long client,
                  @RequestParam(required = false) Long project, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, () -> "Saved the expense “" + expenses.update(actor, id,
            changes(description, amount, date, client, project)).description() + "”.");
    }

    @PostMapping("/expenses/{id}/delete")
    String delete(Principal principal, HttpSession session, @PathVariable long id, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        var description = expenses.get(actor, id).description();
        return act(redirect, () -> {
            expenses.delete(actor, id);
            return "Deleted the expense “" + description + "”.";
        });
    }

    @PostMapping("/expenses/{id}/receipt")
    String attach(Principal principal, HttpSession session, @PathVariable long id,
                  @RequestParam(required = false) MultipartFile receipt, RedirectAttributes redirect)
            throws IOException {
        var actor = signedIn.actor(principal, session);
        var bytes = receipt == null ? null : receipt.getBytes();
        var name = receipt == null ? null : receipt.getOriginalFilename();
        return act(redirect, () -> {
            expenses.attachReceipt(actor, id, name, bytes);
            return "Kept the receipt.";
        });
    }

    @PostMapping("/expenses/{id}/receipt/remove")
    String removeReceipt(Principal principal, HttpSession session, @PathVariable long id,
                         RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, () -> {
            expenses.removeReceipt(actor, id);
            return "Removed the receipt.";
        });
    }

    /** The receipt, to those who may see the expense; nothing in it may run, even opened on its own. */
    @GetMapping("/expenses/{id}/receipt")
    ResponseEntity<byte[]> receipt(Principal principal, HttpSession session, @PathVariable long id) {
        var actor = signedIn.actor(principal, session);
        var receipt = expenses.receipt(actor, id).orElseThrow(() -> new NotFound("Receipt", id));
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(receipt.contentType()))
            .cacheControl(CacheControl.noStore())
            .header("X-Content-Type-Options", "nosniff")
            .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
            .header("Content-Disposition", ContentDisposition.inline().filename(receipt.fileName(),
                StandardCharsets.UTF_8).build().toString())
            .body(receipt.bytes());
    }

    private static ExpenseChanges changes(String description, String amount, LocalDate date, Long client,
                                          Long project) {
        var money = Forms.amount("rate_cents", amount);
        if (money != null && money.stripTrailingZeros().scale() > 2) {
            throw new Invalid("rate_cents", "must be an amount to the cent, such as 12.50");
        }
        // absurd amounts are clamped, so that the core's limit names the problem
        Long cents = money == null ? null : money.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0
            ? money.signum() * 100_000_000_000_000L : money.movePointRight(2).longValueExact();
        return ExpenseChanges.NONE.description(Field.of(description.isBlank() ? null : description.strip()))
            .quantity(Field.of(BigDecimal.ONE))
            .rateCents(Field.of(cents))
            .date(Field.of(date)).contactId(Field.of(client)).projectId(Field.of(project));
    }

    private static String act(RedirectAttributes redirect, Supplier<String> action) {
        Forms.act(redirect, LABELS, action);
        return "redirect:/expenses";
    }
}
