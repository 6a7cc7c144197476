package io.timeledger.web.timesheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The week grid's rows as the page shows them (WeekGrid.body, written without the template). */
class WeekGridTests {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void aRowsNamesAreEscapedAndItsCellsAreTypedIntoOrLinkToTheirDay() {
        var key = new WeekGrid.Key(12L, 3L, null);
        var grid = new WeekGrid(List.of(new WeekGrid.Row(key, "<b>R&D</b>", "Design \"v2\"", List.of(
            new WeekGrid.Cell("cell:12:3:0:2026-12-07", MONDAY, "2:15", true),
            new WeekGrid.Cell("cell:12:3:0:2026-12-08", MONDAY.plusDays(1), "3:00", false)), "5:15")),
            List.of("2:15", "3:00", "0:00", "0:00", "0:00", "0:00", "0:00"), "5:15");

        var body = grid.body();

        assertThat(body).contains("<strong>&lt;b&gt;R&amp;D&lt;/b&gt;</strong>", "· Design &quot;v2&quot;")
            .doesNotContain("<b>R&D</b>", "(no project)");
        assertThat(body).contains("<input type=\"text\" name=\"cell:12:3:0:2026-12-07\" value=\"2:15\"",
            "aria-label=\"&lt;b&gt;R&amp;D&lt;/b&gt;, 2026-12-07\"",
            "<input type=\"hidden\" name=\"was:cell:12:3:0:2026-12-07\" value=\"2:15\">");
        assertThat(body).contains("<a href=\"?date=2026-12-08\" title=\"Several or locked entries: change them on"
            + " their day\">3:00</a>").doesNotContain("name=\"cell:12:3:0:2026-12-08\"");
        assertThat(body).contains("<td class=\"num\">5:15</td>");
    }

    @Test
    void aRowOfAClientWithoutProjectSaysSo() {
        var grid = new WeekGrid(List.of(new WeekGrid.Row(new WeekGrid.Key(null, null, 7L), "Retainer Ltd", null,
            List.of(new WeekGrid.Cell("cell:0:0:7:2026-12-07", MONDAY, "", true)), "0:00")),
            List.of(), "0:00");

        assertThat(grid.body()).contains("<strong>Retainer Ltd</strong> <span class=\"muted\">(no project)</span>",
            "name=\"cell:0:0:7:2026-12-07\" value=\"\"");
    }
}
