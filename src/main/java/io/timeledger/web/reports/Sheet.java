package io.timeledger.web.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Rows written straight to a response as they come, as CSV or as an XLSX worksheet: cells are
 * text, whole numbers, amounts ({@link BigDecimal}), days or yes/no; null leaves a cell empty.
 * Nothing but the row being written (and the XLSX writer's current batch) is held in memory.
 */
abstract sealed class Sheet implements AutoCloseable {

    /** The formats an export comes in: the path's extension, its media type. */
    enum Format {
        CSV("text/csv;charset=UTF-8"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        Sheet open(OutputStream out, String title) {
            return this == CSV ? new Csv(out) : new Xlsx(out, title);
        }
    }

    abstract void header(String... titles);

    abstract void row(Object... cells);

    @Override
    public abstract void close();

    /**
     * CSV (RFC 4180, UTF-8, with a byte order mark so that Excel reads it as UTF-8). A text cell that
     * begins like a formula ({@code = + - @}, tab, return) is prefixed by an apostrophe: opened in a
     * spreadsheet, a note typed as {@code =HYPERLINK(…)} stays text (OWASP's CSV injection advice).
     */
    static final class Csv extends Sheet {

        private final CSVPrinter printer;

        Csv(OutputStream out) {
            try {
                var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writer.write('\uFEFF');
                printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void header(String... titles) {
            row((Object[]) titles);
        }

        @Override
        void row(Object... cells) {
            try {
                for (var cell : cells) {
                    printer.print(text(cell));
                }
                printer.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String text(Object cell) {
            if (cell == null) {
                return "";
            } else if (cell instanceof BigDecimal amount) {
                return amount.toPlainString();
            } else if (cell instanceof Boolean yes) {
                return yes ? "Yes" : "No";
            } else if (cell instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                return "'" + text;
            }
            return cell.toString();
        }

        @Override
        public void close() {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * An XLSX workbook of one worksheet, streamed by fastexcel: text as inline strings (no shared
     * table growing with the rows), days as dates, and the rows flushed to the response in batches.
     */
    static final class Xlsx extends Sheet {

        private static final int BATCH = 1_000;

        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        Xlsx(OutputStream out, String title) {
            workbook = new Workbook(out, "Timeledger", "1.0");
            sheet = workbook.newWorksheet(title);
        }

        @Override
        void header(String... titles) {
            for (int column = 0; column < titles.length; column++) {
                sheet.inlineString(row, column, titles[column]);
            }
            sheet.range(row, 0, row, titles.length - 1).style().bold().set();
            sheet.freezePane(0, 1);
            row++;
        }

        @Override
        void row(Object... cells) {
            for (int column = 0; column < cells.length; column++) {
                var cell = cells[column];
                if (cell instanceof Number number) {
                    sheet.value(row, column, number);
                } else if (cell instanceof LocalDate day) {
                    sheet.value(row, column, day);
                    sheet.style(row, column).format("yyyy-mm-dd").set();
                } else if (cell instanceof Boolean yes) {
                    sheet.inlineString(row, column, yes ? "Yes" : "No");
                } else if (cell != null) {
                    sheet.inlineString(row, column, cell.toString());
                }
            }
            row++;
            if (row % BATCH == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void close() {
            try {
                workbook.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
