package io.timeledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantsTests {

    @Test
    void writesWhatTheIsoFormatterWritesToTheSecond() {
        var random = new SplittableRandom(20261125);
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            var instant = Instant.ofEpochSecond(random.nextLong(from, to + 1), random.nextInt(1_000_000_000));
            assertThat(Instants.iso(instant)).isEqualTo(instant.truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }

    @Test
    void theEdgesOfTheCalendarAndOfTheFourDigitYear() {
        assertThat(Instants.iso(Instant.parse("2024-02-29T23:59:59.999Z"))).isEqualTo("2024-02-29T23:59:59Z");
        assertThat(Instants.iso(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(Instants.iso(Instant.parse("1969-12-31T23:59:59.5Z"))).isEqualTo("1969-12-31T23:59:59Z");
        assertThat(Instants.iso(Instant.parse("0000-01-01T00:00:00Z"))).isEqualTo("0000-01-01T00:00:00Z");
        assertThat(Instants.iso(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("+10000-01-01T00:00:00Z");
        assertThat(Instants.iso(Instant.parse("-0001-12-31T00:00:00Z"))).isEqualTo("-0001-12-31T00:00:00Z");
        assertThat(Instants.iso(null)).isNull();
    }
}
