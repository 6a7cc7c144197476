package io.timeledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodsTests {

    @Test
    void aSpanSaysEachPartOnce() {
        assertThat(Periods.span(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 7))).isEqualTo("7 Dec 2026");
        assertThat(Periods.span(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))).isEqualTo("1 – 30 Nov 2026");
        assertThat(Periods.span(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 4)))
            .isEqualTo("28 Nov – 4 Dec 2026");
        assertThat(Periods.span(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 3)))
            .isEqualTo("28 Dec 2026 – 3 Jan 2027");
        assertThat(Periods.span(LocalDate.of(2026, 11, 1), null)).isEqualTo("1 Nov 2026 – …");
        assertThat(Periods.span(null, LocalDate.of(2026, 11, 30))).isEqualTo("… – 30 Nov 2026");
        assertThat(Periods.span(null, null)).isNull();
    }

    @Test
    void aMomentIsWrittenWhereThePersonIs() {
        var at = java.time.Instant.parse("2026-12-31T23:50:00Z");
        assertThat(Periods.moment(at, java.time.ZoneOffset.UTC)).isEqualTo("31 Dec 2026, 23:50");
        assertThat(Periods.moment(at, java.time.ZoneId.of("Australia/Sydney"))).isEqualTo("1 Jan 2027, 10:50");
    }

    @Test
    void aSentenceSaysOpenEnds() {
        assertThat(Periods.between(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
            .isEqualTo("from 1 Nov 2026 to 30 Nov 2026");
        assertThat(Periods.between(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 7))).isEqualTo("on 7 Dec 2026");
        assertThat(Periods.between(null, LocalDate.of(2026, 12, 7))).isEqualTo("up to 7 Dec 2026");
        assertThat(Periods.between(LocalDate.of(2026, 12, 7), null)).isEqualTo("from 7 Dec 2026 on");
        assertThat(Periods.between(null, null)).isEqualTo("in any period");
    }
}
