package cn.duban.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.indicator.IndicatorTarget.Direction;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the targets of plans are read: each style of the 14th Five-Year plan's indicator table, and others. */
class IndicatorTargetTest {

    @ParameterizedTest(name = "{0} (baseline {1}, unit {2}) → {3} {4}")
    @CsvSource(
            nullValues = "null",
            value = {
                // the 14th Five-Year plan's indicator table, row by row
                "≥98%,               null,       %,    AT_LEAST,       98",
                "100,                100,        null, AT_LEAST,       100",
                "水质类别不降低,        水质级别保持稳定, null, QUALITATIVE,   null",
                "减少,                14.53万吨,   万吨,  BELOW_BASELINE, null",
                "达到264个,            null,       个,    AT_LEAST,       264",
                "30%左右,             null,       %,    ABOUT,          30",
                "≥85%,               80%,        %,    AT_LEAST,       85",
                "≥80%,               75%,        %,    AT_LEAST,       80",
                // other ways of writing the same
                "不低于95%,            null,       %,    AT_LEAST,       95",
                "达到90%以上,          null,       %,    AT_LEAST,       90",
                "≤5,                 null,       null, AT_MOST,        5",
                "不高于0.5,            null,       null, AT_MOST,        0.5",
                "控制在5万吨以内,        null,       万吨,  AT_MOST,        5",
                "降至12万吨,           14.53万吨,   万吨,  AT_MOST,        12",
                "力争达到30%左右,       null,       %,    ABOUT,          30",
                "约30%,              null,       %,    ABOUT,          30",
                "12,                 14.53万吨,   万吨,  AT_MOST,        12",
                "下降10%,             14.53万吨,   万吨,  AT_MOST,        13.077",
                "增长10%,             200,        个,    AT_LEAST,       220",
                "下降10%,             null,       万吨,  QUALITATIVE,    null",
                "全覆盖,              null,       %,    AT_LEAST,       100",
                "保持稳定,             null,       null, QUALITATIVE,    null",
                "达到或优于Ⅲ类,         null,       null, QUALITATIVE,    null",
                "≥９８％,              null,       %,    AT_LEAST,       98",
                "'',                 null,       null, QUALITATIVE,    null"
            })
    void readsTheDirectionAndTheNumber(
            String target, String baseline, String unit, Direction direction, BigDecimal value) {
        IndicatorTarget read = IndicatorTarget.read(target, IndicatorTarget.numberIn(baseline), unit);

        assertThat(read.direction()).isEqualTo(direction);
        if (value == null) {
            assertThat(read.value()).isNull();
        } else {
            assertThat(read.value()).isEqualByComparingTo(value);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            nullValues = "null",
            value = {
                "14.53万吨, 14.53",
                "80%, 80",
                "100, 100",
                "--, null",
                "水质级别保持稳定, null",
                "'1,200个', 1200",
                "null, null"
            })
    void readsTheNumberOfABaseline(String baseline, BigDecimal number) {
        if (number == null) {
            assertThat(IndicatorTarget.numberIn(baseline)).isNull();
        } else {
            assertThat(IndicatorTarget.numberIn(baseline)).isEqualByComparingTo(number);
        }
    }
}
