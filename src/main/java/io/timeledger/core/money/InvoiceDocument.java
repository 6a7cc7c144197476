package io.timeledger.core.money;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.timeledger.core.account.Account;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * An invoice as a client receives it, laid out with OpenPDF on A4: who bills (the account, its
 * address and tax id) and whom (the client and its address), the number, dates and terms, the
 * lines, the totals, what was paid and what is due, and how to pay (the bank details).
 */
final class InvoiceDocument {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 22, new Color(31, 95, 191));
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font MUTED = FontFactory.getFont(FontFactory.HELVETICA, 9, Font.NORMAL, new Color(91, 101, 117));
    private static final Color LINE = new Color(216, 222, 232);
    private static final Color HEAD = new Color(243, 245, 249);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private InvoiceDocument() {
    }

    static byte[] render(Account account, InvoiceSender sender, String contactName, String contactAddress,
                         Invoice invoice, List<Payment> payments, LocalDate today) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter.getInstance(document, out);
        document.addTitle("Invoice " + invoice.number());
        document.addAuthor(account.name());
        document.addCreator("Timeledger");
        document.open();

        var top = new PdfPTable(new float[] {1, 1});
        top.setWidthPercentage(100);
        var from = plain(account.name(), HEADING);
        addLines(from, sender.address());
        if (sender.taxId() != null) {
            from.addElement(new Paragraph("Tax id " + sender.taxId(), MUTED));
        }
        top.addCell(from);
        var title = plain("", NORMAL);
        var heading = new Paragraph("Invoice " + invoice.number(), TITLE);
        heading.setAlignment(Element.ALIGN_RIGHT);
        title.addElement(heading);
        var status = invoice.status(today);
        if (status == Invoice.Status.VOID || status == Invoice.Status.PAID || status == Invoice.Status.DRAFT) {
            var stamp = new Paragraph(status.label().toUpperCase(Locale.ROOT), HEADING);
            stamp.setAlignment(Element.ALIGN_RIGHT);
            title.addElement(stamp);
        }
        top.addCell(title);
        document.add(top);
        document.add(new Paragraph(" "));

        var parties = new PdfPTable(new float[] {1, 1});
        parties.setWidthPercentage(100);
        var billTo = plain("Bill to", MUTED);
        billTo.addElement(new Paragraph(contactName, BOLD));
        addLines(billTo, contactAddress);
        parties.addCell(billTo);
        var dates = plain("", NORMAL);
        dates.addElement(right("Date: " + DAY.format(invoice.issuedOn())));
        dates.addElement(right("Due: " + DAY.format(invoice.dueOn()) + " ("
            + ChronoUnit.DAYS.between(invoice.issuedOn(), invoice.dueOn()) + " days)"));
        if (invoice.periodFrom() != null || invoice.periodTo() != null) {
            dates.addElement(right("Period: " + (invoice.periodFrom() == null ? "…" : DAY.format(invoice.periodFrom()))
                + " – " + (invoice.periodTo() == null ? "…" : DAY.format(invoice.periodTo()))));
        }
        if (invoice.reference() != null) {
            dates.addElement(right("Reference: " + invoice.reference()));
        }
        parties.addCell(dates);
        document.add(parties);
        document.add(new Paragraph(" "));

        var lines = new PdfPTable(new float[] {6, 1.5f, 1.8f, 1.8f});
        lines.setWidthPercentage(100);
        lines.setHeaderRows(1);
        for (var heading2 : new String[] {"Description", "Quantity", "Unit price", "Amount"}) {
            var cell = cell(heading2, BOLD, heading2.equals("Description") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            cell.setBackgroundColor(HEAD);
            lines.addCell(cell);
        }
        for (var line : invoice.lines()) {
            lines.addCell(cell(line.description(), NORMAL, Element.ALIGN_LEFT));
            lines.addCell(cell(line.quantity().toPlainString(), NORMAL, Element.ALIGN_RIGHT));
            lines.addCell(cell(money(line.unitAmount()), NORMAL, Element.ALIGN_RIGHT));
            lines.addCell(cell(money(line.subtotal()), NORMAL, Element.ALIGN_RIGHT));
        }
        document.add(lines);

        var totals = new PdfPTable(new float[] {8.3f, 2.8f});
        totals.setWidthPercentage(100);
        total(totals, "Subtotal", money(invoice.subtotal()), NORMAL);
        total(totals, "Tax (" + invoice.taxRate().stripTrailingZeros().toPlainString() + " %)", money(invoice.tax()),
            NORMAL);
        total(totals, "Total " + invoice.currency(), money(invoice.total()), BOLD);
        for (var payment : payments) {
            total(totals, "Paid " + DAY.format(payment.paidOn()), "-" + money(payment.amount()), NORMAL);
        }
        if (invoice.voidedAt() == null) {
            total(totals, "Amount due " + invoice.currency(), money(invoice.outstanding()), HEADING);
        }
        document.add(totals);

        if (sender.bankDetails() != null) {
            document.add(new Paragraph(" "));
            document.add(new Paragraph("How to pay", HEADING));
            for (var line : sender.bankDetails().split("\\R")) {
                document.add(new Paragraph(line, NORMAL));
            }
            document.add(new Paragraph("Please quote invoice " + invoice.number() + " with your payment.", MUTED));
        }
        document.close();
        return out.toByteArray();
    }

    private static void addLines(PdfPCell cell, String text) {
        if (text != null) {
            for (var line : text.split("\\R")) {
                cell.addElement(new Paragraph(line, NORMAL));
            }
        }
    }

    private static Paragraph right(String text) {
        var paragraph = new Paragraph(text, NORMAL);
        paragraph.setAlignment(Element.ALIGN_RIGHT);
        return paragraph;
    }

    static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }

    private static PdfPCell plain(String text, Font font) {
        var cell = new PdfPCell();
        cell.setBorder(PdfPCell.NO_BORDER);
        if (!text.isEmpty()) {
            cell.addElement(new Paragraph(text, font));
        }
        return cell;
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        var cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(6);
        cell.setBorderColor(LINE);
        return cell;
    }

    private static void total(PdfPTable table, String label, String amount, Font font) {
        for (var text : new String[] {label, amount}) {
            var cell = new PdfPCell(new Phrase(text, font));
            cell.setBorder(PdfPCell.NO_BORDER);
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            cell.setPadding(4);
            table.addCell(cell);
        }
    }
}
