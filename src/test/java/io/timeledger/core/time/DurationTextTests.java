package io.timeledger.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.timeledger.core.common.Invalid;
import org.junit.jupiter.api.Test;

class DurationTextTests {

    @Test
    void whatPeopleTypeIsRead() {
        assertThat(DurationText.parse("d", "1:30")).isEqualTo(5400);
        assertThat(DurationText.parse("d", "0:05")).isEqualTo(300);
        assertThat(DurationText.parse("d", "1.5")).isEqualTo(5400);
        assertThat(DurationText.parse("d", "1,25")).isEqualTo(4500);
        assertThat(DurationText.parse("d", "2")).isEqualTo(7200);
        assertThat(DurationText.parse("d", "2h")).isEqualTo(7200);
        assertThat(DurationText.parse("d", " 90m ")).isEqualTo(5400);
        assertThat(DurationText.parse("d", "45 min")).isEqualTo(2700);
        assertThat(DurationText.parse("d", "1h 30m")).isEqualTo(5400);
        assertThat(DurationText.parse("d", "24:00")).isEqualTo(86400);
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        for (var text : new String[] {"", "abc", "1:75", "-1", "1:3", "25", "1441m", "1.5.5"}) {
            assertThatThrownBy(() -> DurationText.parse("duration", text)).as(text)
                .isInstanceOf(Invalid.class)
                .satisfies(e -> assertThat(((Invalid) e).violations().get(0).field()).isEqualTo("duration"));
        }
    }

    @Test
    void pagesShowHoursAndMinutes() {
        assertThat(DurationText.format(5400)).isEqualTo("1:30");
        assertThat(DurationText.format(59)).isEqualTo("0:00");
        assertThat(DurationText.format(36000 + 300)).isEqualTo("10:05");
    }
}
