package io.timeledger.web.reports;

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
import java.awt.Color;
import java.io.OutputStream;
import java.util.ArrayList;

/** A report's table on A4 (landscape when it has a cost column), as the page shows it, laid out with OpenPDF. */
final class ReportPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font MUTED = FontFactory.getFont(FontFactory.HELVETICA, 9, Font.NORMAL, Color.GRAY);
    private static final Color HEAD = new Color(235, 238, 243);

    private ReportPdf() {
    }

    static void write(ReportTable table, String accountName, String filters, OutputStream out) {
        var document = new Document(table.costs() ? PageSize.A4.rotate() : PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle(table.description());
        document.addCreator("Timeledger");
        document.open();
        document.add(new Paragraph(accountName, MUTED));
        document.add(new Paragraph(table.description(), TITLE));
        document.add(new Paragraph(filters, MUTED));
        document.add(new Paragraph(" "));

        var titles = new ArrayList<String>();
        titles.add(table.rowsTitle());
        titles.addAll(table.numberTitles());
        var widths = new float[titles.size()];
        widths[0] = 5;
        for (int i = 1; i < widths.length; i++) {
            widths[i] = 1.6f;
        }
        var pdf = new PdfPTable(widths);
        pdf.setWidthPercentage(100);
        pdf.setHeaderRows(1);
        for (int i = 0; i < titles.size(); i++) {
            var cell = cell(titles.get(i), BOLD, i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            cell.setBackgroundColor(HEAD);
            pdf.addCell(cell);
        }
        for (var row : table.rows()) {
            var font = row.level() == 0 && table.groupings().size() > 1 ? BOLD : NORMAL;
            var name = cell(row.name(), font, Element.ALIGN_LEFT);
            name.setPaddingLeft(5 + 14 * row.level());
            pdf.addCell(name);
            numbers(pdf, table, row.totals(), font);
        }
        var total = cell("Total", BOLD, Element.ALIGN_LEFT);
        pdf.addCell(total);
        numbers(pdf, table, table.total(), BOLD);
        document.add(pdf);
        document.close();
    }

    private static void numbers(PdfPTable pdf, ReportTable table, ReportTable.Totals totals, Font font) {
        pdf.addCell(cell(totals.hours().toPlainString(), font, Element.ALIGN_RIGHT));
        pdf.addCell(cell(totals.billableHours().toPlainString(), font, Element.ALIGN_RIGHT));
        if (table.money()) {
            pdf.addCell(cell(totals.amountText(), font, Element.ALIGN_RIGHT));
        }
        if (table.costs()) {
            pdf.addCell(cell(totals.costText(), font, Element.ALIGN_RIGHT));
        }
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        var cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(5);
        cell.setBorderColor(new Color(216, 222, 232));
        return cell;
    }
}
