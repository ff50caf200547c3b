package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeadlineFormatTest {

    @Test
    void readsIsoAndChineseDates() {
        assertThat(DeadlineFormat.parse("2017-12-31")).contains(LocalDate.of(2017, 12, 31));
        assertThat(DeadlineFormat.parse(" 2025年6月30日 ")).contains(LocalDate.of(2025, 6, 30));
    }

    @Test
    void refusesImpossibleAndVagueDates() {
        assertThat(DeadlineFormat.parse("2023-02-29")).isEmpty();
        assertThat(DeadlineFormat.parse("2023年底前")).isEmpty();
        assertThat(DeadlineFormat.parse("31/12/2023")).isEmpty();
    }

    @Test
    void writesDatesTheChineseWay() {
        assertThat(cn.duban.taskform.ChineseDates.of(LocalDate.of(2017, 5, 1))).isEqualTo("2017年5月1日");
    }
}
