package io.timeledger.web.invoices;

import io.timeledger.core.account.Actor;
import io.timeledger.core.catalog.CatalogChoices;
import io.timeledger.core.catalog.Contacts;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.money.Invoice;
import io.timeledger.core.money.InvoiceDraft;
import io.timeledger.core.money.InvoiceQuery;
import io.timeledger.core.money.Invoices;
import io.timeledger.core.money.LineGrouping;
import io.timeledger.web.Forms;
import io.timeledger.web.Header;
import io.timeledger.web.Money;
import io.timeledger.web.Periods;
import io.timeledger.web.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Billing in the browser ({@code /invoices}, administrators — who manage invoices in every
 * dialect): the invoices by status; a draft from a client's uninvoiced time and expenses of a
 * period, previewed line by line in the grouping chosen before it is made; a draft's lines edited;
 * sending, payments (paid, partly paid), voiding; the PDF. The core's invoices, the same the
 * MinuteDock API drafts and lists.
 */
@Controller
class InvoicesController {

    private static final Map<String, String> LABELS = Map.of("contact_id", "Client", "unit_amount", "Unit price",
        "paid_on", "Paid on", "tax_rate", "Tax rate");

    private final SignedIn signedIn;
    private final Header header;
    private final Invoices invoices;
    private final Contacts contacts;
    private final CatalogChoices catalog;
    private final Clock clock;

    InvoicesController(SignedIn signedIn, Header header, Invoices invoices, Contacts contacts, CatalogChoices catalog,
                       Clock clock) {
        this.signedIn = signedIn;
        this.header = header;
        this.invoices = invoices;
        this.contacts = contacts;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** An invoice in the list: its client's name, status and money as shown. */
    record Row(long id, String number, String client, String issuedOn, String dueOn, String total,
               String outstanding, String currency, String status, String statusLabel) { }

    /** The list's tabs: a status, or a group of them (open: sent, partly paid or overdue). */
    enum Tab {
        ALL("All"), DRAFT("Drafts"), OPEN("Open"), OVERDUE("Overdue"), PAID("Paid"), VOID("Void");

        final String label;

        Tab(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean shows(Invoice.Status status) {
            return switch (this) {
                case ALL -> true;
                case DRAFT -> status == Invoice.Status.DRAFT;
                case OPEN -> status == Invoice.Status.SENT || status == Invoice.Status.PARTLY_PAID
                    || status == Invoice.Status.OVERDUE;
                case OVERDUE -> status == Invoice.Status.OVERDUE;
                case PAID -> status == Invoice.Status.PAID;
                case VOID -> status == Invoice.Status.VOID;
            };
        }
    }

    @GetMapping("/invoices")
    String list(Principal principal, HttpSession session, @RequestParam(defaultValue = "all") String status,
                Model model) {
        var place = signedIn.place(principal, session);
        var actor = place.actor();
        actor.requireAdmin();
        var tab = Arrays.stream(Tab.values()).filter(t -> t.param().equals(status)).findFirst().orElse(Tab.ALL);
        var today = today(place.actor().tenant().timeZone());
        var all = invoices.search(actor, new InvoiceQuery(null, null, null, null, false, false, false, 1000, 0));
        var names = contacts.names(actor.account(), all.stream().map(Invoice::contactId).distinct().toList());
        header.show(model, place, "invoices");
        model.addAttribute("tabs", Tab.values());
        model.addAttribute("tab", tab);
        model.addAttribute("rows", all.stream().filter(i -> tab.shows(i.status(today))).map(i -> new Row(i.id(),
            i.number(), names.containsKey(i.contactId()) ? names.get(i.contactId()).name() : "",
            Periods.day(i.issuedOn()), Periods.day(i.dueOn()), Money.format(i.total()), Money.format(i.outstanding()), i.currency(),
            i.status(today).wire(), i.status(today).label())).toList());
        return "invoices/list";
    }

    /** The new invoice's form; with a client chosen, the preview of the draft it makes. */
    @GetMapping("/invoices/new")
    String draftForm(Principal principal, HttpSession session, @RequestParam(required = false) Long client,
                     @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                     @RequestParam(defaultValue = "project") String grouping,
                     @RequestParam(name = "tax_rate", defaultValue = "") String taxRate,
                     HttpServletResponse response, Model model) {
        var place = signedIn.place(principal, session);
        var actor = place.actor();
        actor.requireAdmin();
        header.show(model, place, "invoices");
        var month = today(actor.tenant().timeZone()).withDayOfMonth(1).minusMonths(1);
        model.addAttribute("clients", catalog.of(actor.account()).clients());
        model.addAttribute("groupings", LineGrouping.values());
        model.addAttribute("client", client);
        model.addAttribute("from", from != null ? from : month);
        model.addAttribute("to", to != null ? to : month.plusMonths(1).minusDays(1));
        model.addAttribute("grouping", grouping);
        model.addAttribute("taxRate", taxRate);
        if (client != null) {
            try {
                model.addAttribute("preview", view(invoices.preview(actor, draft(client, from, to, grouping,
                    taxRate)), today(actor.tenant().timeZone())));
            } catch (Invalid refused) {
                response.setStatus(422);
                var nothing = nothingToBill(actor, client, from, to);
                if (nothing != null) {
                    model.addAttribute("nothing", nothing);
                } else {
                    model.addAttribute("problem", Forms.sentence(refused, LABELS));
                }
            }
        }
        return "invoices/new";
    }

    /**
     * A period with nothing to bill for the client, and which days have something (null
     * {@code unbilledFrom}: none do).
     */
    record NothingToBill(String client, String period, LocalDate unbilledFrom, LocalDate unbilledTo) {

        public String unbilled() {
            return unbilledFrom == null ? null : Periods.between(unbilledFrom, unbilledTo);
        }
    }

    /** Why a draft of the period would bill nothing, where that is why it was refused; else null. */
    private NothingToBill nothingToBill(Actor actor, long client, LocalDate from, LocalDate to) {
        var name = contacts.names(actor.account(), List.of(client)).get(client);
        if (name == null || invoices.unbilled(actor, client, from, to).items() > 0) {
            return null;
        }
        var any = invoices.unbilled(actor, client, null, null);
        return new NothingToBill(name.name(), Periods.between(from, to), any.first(), any.last());
    }

    @PostMapping("/invoices")
    String draft(Principal principal, HttpSession session, @RequestParam(required = false) Long client,
                 @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                 @RequestParam(defaultValue = "project") String grouping,
                 @RequestParam(name = "tax_rate", defaultValue = "") String taxRate, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        try {
            var made = invoices.draft(actor, draft(client, from, to, grouping, taxRate));
            redirect.addFlashAttribute("notice", "Drafted invoice " + made.number()
                + ": check its lines, then send it.");
            return "redirect:/invoices/" + made.id();
        } catch (Invalid refused) {
            redirect.addFlashAttribute("problem", Forms.sentence(refused, LABELS));
            return "redirect:/invoices/new?client=" + (client == null ? "" : client) + "&from=" + from + "&to=" + to
                + "&grouping=" + grouping;
        }
    }

    @GetMapping("/invoices/{id}")
    String invoice(Principal principal, HttpSession session, @PathVariable long id, Model model) {
        var place = signedIn.place(principal, session);
        var actor = place.actor();
        var invoice = invoices.get(actor, id);
        header.show(model, place, "invoices");
        model.addAttribute("invoice", view(invoice, today(actor.tenant().timeZone())));
        model.addAttribute("payments", invoices.payments(actor, id).stream()
            .map(p -> new PaymentRow(Periods.day(p.paidOn()), Money.format(p.amount()), p.note())).toList());
        model.addAttribute("client", contacts.names(actor.account(), List.of(invoice.contactId()))
            .getOrDefault(invoice.contactId(), null));
        model.addAttribute("today", today(actor.tenant().timeZone()));
        return "invoices/invoice";
    }

    record PaymentRow(String paidOn, String amount, String note) { }

    @GetMapping("/invoices/{id}.pdf")
    void pdf(Principal principal, HttpSession session, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        var actor = signedIn.actor(principal, session);
        var invoice = invoices.get(actor, id);
        var pdf = invoices.document(actor, id);
        response.setContentType("application/pdf");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("invoice-" + invoice.number() + ".pdf").build().toString());
        response.getOutputStream().write(pdf);
    }

    @PostMapping("/invoices/{id}/lines")
    String addLine(Principal principal, HttpSession session, @PathVariable long id,
                   @RequestParam(defaultValue = "") String description,
                   @RequestParam(defaultValue = "") String quantity,
                   @RequestParam(name = "unit_amount", defaultValue = "") String unit, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, id, () -> {
            invoices.changeLine(actor, id, null, description, Forms.amount("quantity", quantity),
                Forms.amount("unit_amount", unit));
            return "Added the line.";
        });
    }

    @PostMapping("/invoices/{id}/lines/{line}")
    String changeLine(Principal principal, HttpSession session, @PathVariable long id, @PathVariable long line,
                      @RequestParam(defaultValue = "") String description,
                      @RequestParam(defaultValue = "") String quantity,
                      @RequestParam(name = "unit_amount", defaultValue = "") String unit, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, id, () -> {
            invoices.changeLine(actor, id, line, description, Forms.amount("quantity", quantity),
                Forms.amount("unit_amount", unit));
            return "Saved the line.";
        });
    }

    @PostMapping("/invoices/{id}/lines/{line}/delete")
    String removeLine(Principal principal, HttpSession session, @PathVariable long id, @PathVariable long line,
                      RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, id, () -> {
            invoices.removeLine(actor, id, line);
            return "Removed the line.";
        });
    }

    @PostMapping("/invoices/{id}/send")
    String send(Principal principal, HttpSession session, @PathVariable long id, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, id, () -> "Marked invoice " + invoices.markSent(actor, id).number()
            + " as sent: its time is locked as billed.");
    }

    @PostMapping("/invoices/{id}/payments")
    String pay(Principal principal, HttpSession session, @PathVariable long id,
               @RequestParam(defaultValue = "") String amount, @RequestParam(name = "paid_on", required = false)
               LocalDate paidOn, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, id, () -> {
            var paid = invoices.recordPayment(actor, id, Forms.amount("amount", amount), paidOn, note);
            return paid.outstanding().signum() == 0 ? "Recorded the payment: the invoice is paid."
                : "Recorded the payment: " + Money.format(paid.outstanding()) + " " + paid.currency() + " to go.";
        });
    }

    @PostMapping("/invoices/{id}/void")
    String voidInvoice(Principal principal, HttpSession session, @PathVariable long id, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        return act(redirect, id, () -> "Voided invoice " + invoices.voidInvoice(actor, id).number()
            + ": its time and expenses can be invoiced again.");
    }

    @PostMapping("/invoices/{id}/delete")
    String delete(Principal principal, HttpSession session, @PathVariable long id, RedirectAttributes redirect) {
        var actor = signedIn.actor(principal, session);
        var number = invoices.get(actor, id).number();
        if (Forms.act(redirect, LABELS, () -> {
            invoices.deleteDraft(actor, id);
            return "Deleted draft " + number + ": its time and expenses are free to bill again.";
        })) {
            return "redirect:/invoices";
        }
        return "redirect:/invoices/" + id;
    }

    /** An invoice as its page shows it; {@code period} null when it names no days. */
    record View(Invoice invoice, String status, String statusLabel, boolean draft, boolean payable, boolean voidable,
                String issuedOn, String dueOn, String period,
                String subtotal, String tax, String total, String paid, String outstanding, List<LineView> lines) { }

    record LineView(long id, String description, String quantity, String unitAmount, String subtotal) { }

    private static View view(Invoice invoice, LocalDate today) {
        var status = invoice.status(today);
        return new View(invoice, status.wire(), status.label(), status == Invoice.Status.DRAFT,
            invoice.takesPayments(), invoice.voidable(), Periods.day(invoice.issuedOn()), Periods.day(invoice.dueOn()),
            Periods.span(invoice.periodFrom(), invoice.periodTo()),
            Money.format(invoice.subtotal()), Money.format(invoice.tax()), Money.format(invoice.total()),
            Money.format(invoice.paid()), Money.format(invoice.outstanding()),
            invoice.lines().stream().map(l -> new LineView(l.id(), l.description(), l.quantity().toPlainString(),
                l.unitAmount().toPlainString(), Money.format(l.subtotal()))).toList());
    }

    private static InvoiceDraft draft(Long client, LocalDate from, LocalDate to, String grouping, String taxRate) {
        var chosen = Arrays.stream(LineGrouping.values()).filter(g -> g.wire().equals(grouping)).findFirst()
            .orElse(LineGrouping.PROJECT);
        return new InvoiceDraft(client, from, to, chosen, Forms.amount("tax_rate", taxRate), null, null, null);
    }

    private LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    private static String act(RedirectAttributes redirect, long id, Supplier<String> action) {
        Forms.act(redirect, LABELS, action);
        return "redirect:/invoices/" + id;
    }
}
