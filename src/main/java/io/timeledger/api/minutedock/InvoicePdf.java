package io.timeledger.api.minutedock;

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
import io.timeledger.core.money.Invoice;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** A printable invoice, laid out with OpenPDF: who bills whom, the lines, and the totals. */
@Component
class InvoicePdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 20);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font MUTED = FontFactory.getFont(FontFactory.HELVETICA, 9, Font.NORMAL, Color.GRAY);

    byte[] render(Account account, String contactName, String contactAddress, Invoice invoice) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter.getInstance(document, out);
        document.addTitle("Invoice " + invoice.number());
        document.addCreator("Timeledger");
        document.open();

        document.add(new Paragraph(account.name(), BOLD));
        document.add(new Paragraph("Invoice " + invoice.number(), TITLE));
        document.add(new Paragraph((invoice.sent() ? "Sent" : "Draft") + (invoice.reference() == null ? ""
            : "  ·  Reference " + invoice.reference()), MUTED));
        document.add(new Paragraph(" "));

        var header = new PdfPTable(2);
        header.setWidthPercentage(100);
        header.addCell(plain("Bill to\n" + contactName + (contactAddress == null ? "" : "\n" + contactAddress)));
        header.addCell(plain("Date: " + invoice.issuedOn() + "\nDue: " + invoice.dueOn()
            + (invoice.periodFrom() == null ? "" : "\nPeriod: " + invoice.periodFrom() + " to "
                + (invoice.periodTo() == null ? "" : invoice.periodTo()))));
        document.add(header);
        document.add(new Paragraph(" "));

        var lines = new PdfPTable(new float[] {6, 1.5f, 1.8f, 1.8f});
        lines.setWidthPercentage(100);
        for (var title : new String[] {"Description", "Quantity", "Unit", "Amount"}) {
            var cell = new PdfPCell(new Phrase(title, BOLD));
            cell.setBackgroundColor(new Color(235, 235, 235));
            cell.setHorizontalAlignment(title.equals("Description") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            cell.setPadding(5);
            lines.addCell(cell);
        }
        for (var line : invoice.lines()) {
            lines.addCell(cell(line.description(), Element.ALIGN_LEFT));
            lines.addCell(cell(line.quantity().toPlainString(), Element.ALIGN_RIGHT));
            lines.addCell(cell(money(line.unitAmount()), Element.ALIGN_RIGHT));
            lines.addCell(cell(money(line.subtotal()), Element.ALIGN_RIGHT));
        }
        document.add(lines);

        var totals = new PdfPTable(new float[] {8.3f, 2.8f});
        totals.setWidthPercentage(100);
        totals.addCell(total("Subtotal", NORMAL));
        totals.addCell(total(money(invoice.subtotal()), NORMAL));
        totals.addCell(total("Tax (" + invoice.taxRate().stripTrailingZeros().toPlainString() + " %)", NORMAL));
        totals.addCell(total(money(invoice.tax()), NORMAL));
        totals.addCell(total("Total " + invoice.currency(), BOLD));
        totals.addCell(total(money(invoice.total()), BOLD));
        document.add(totals);
        document.close();
        return out.toByteArray();
    }

    private static String money(BigDecimal amount) {
        return String.format(java.util.Locale.ROOT, "%,.2f", amount);
    }

    private static PdfPCell plain(String text) {
        var cell = new PdfPCell(new Phrase(text, NORMAL));
        cell.setBorder(PdfPCell.NO_BORDER);
        return cell;
    }

    private static PdfPCell cell(String text, int alignment) {
        var cell = new PdfPCell(new Phrase(text, NORMAL));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(5);
        return cell;
    }

    private static PdfPCell total(String text, Font font) {
        var cell = new PdfPCell(new Phrase(text, font));
        cell.setBorder(PdfPCell.NO_BORDER);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        cell.setPadding(4);
        return cell;
    }
}
