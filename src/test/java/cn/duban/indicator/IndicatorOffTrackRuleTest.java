package cn.duban.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.indicator.OffTrackRule.Facts;
import cn.duban.indicator.OffTrackRule.Judgement;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The off-track rule on every indicator of the 14th Five-Year plan (period 2021–2025) and on its edge cases: what
 * value is expected on the as-of date, and whether the latest value is worse.
 */
class IndicatorOffTrackRuleTest {

    private static final LocalDate MID_2023 = LocalDate.of(2023, 7, 2);
    private static final LocalDate PERIOD_END = LocalDate.of(2025, 12, 31);

    @ParameterizedTest(name = "{0} / baseline {1}: {3} on {4} → {5}")
    @CsvSource(
            nullValues = "null",
            value = {
                // 受污染耕地安全利用率: ≥98%, no baseline
                "≥98%,      null,     %,    98.5,  2023-07-02, ON_TRACK",
                "≥98%,      null,     %,    97,    2023-07-02, ON_TRACK",
                "≥98%,      null,     %,    97,    2025-12-31, OFF_TRACK",
                "≥98%,      null,     %,    97,    2026-03-31, OFF_TRACK",
                "≥98%,      null,     %,    98,    2025-12-31, ON_TRACK",
                // 城市地下水集中式饮用水水源水质达到或优于Ⅲ类比例: 100, baseline 100 (keep it)
                "100,       100,      null, 100,   2022-03-31, ON_TRACK",
                "100,       100,      null, 99,    2022-03-31, OFF_TRACK",
                // 国家地下水环境质量考核点位水质目标: qualitative
                "水质类别不降低, 水质级别保持稳定, null, 3, 2023-07-02, UNKNOWN",
                // 化肥使用量: 减少 from 14.53万吨
                "减少,       14.53万吨, 万吨,  14.2,  2023-07-02, ON_TRACK",
                "减少,       14.53万吨, 万吨,  14.8,  2023-07-02, OFF_TRACK",
                "减少,       14.53万吨, 万吨,  14.53, 2023-07-02, ON_TRACK",
                "减少,       14.53万吨, 万吨,  14.53, 2025-12-31, OFF_TRACK",
                "减少,       null,     万吨,  14.2,  2023-07-02, UNKNOWN",
                // 农村环境整治村庄数量: 达到264个, no baseline
                "达到264个,   null,     个,    264,   2023-07-02, ON_TRACK",
                "达到264个,   null,     个,    200,   2024-12-31, ON_TRACK",
                "达到264个,   null,     个,    200,   2025-12-31, OFF_TRACK",
                // 农村生活污水治理率: 30%左右 (27 to 33), no baseline
                "30%左右,    null,     %,    28,    2023-07-02, ON_TRACK",
                "30%左右,    null,     %,    20,    2023-07-02, ON_TRACK",
                "30%左右,    null,     %,    32,    2025-12-31, ON_TRACK",
                "30%左右,    null,     %,    27,    2025-12-31, ON_TRACK",
                "30%左右,    null,     %,    35,    2025-12-31, OFF_TRACK",
                "30%左右,    null,     %,    20,    2025-12-31, OFF_TRACK",
                // 30%左右 from a baseline of 10: judged before the end like at least 27 on the line from 10
                "30%左右,    10%,      %,    19,    2023-07-02, ON_TRACK",
                "30%左右,    10%,      %,    18,    2023-07-02, OFF_TRACK",
                // 废弃农膜回收利用率: ≥85% from 80%; half way through the period 82.5 is expected
                "≥85%,      80%,      %,    83,    2023-07-02, ON_TRACK",
                "≥85%,      80%,      %,    82,    2023-07-02, OFF_TRACK",
                "≥85%,      80%,      %,    80,    2021-01-01, ON_TRACK",
                "≥85%,      80%,      %,    85,    2025-12-31, ON_TRACK",
                "≥85%,      80%,      %,    84.9,  2025-12-31, OFF_TRACK",
                // 畜禽粪污综合利用率: ≥80% from 75%
                "≥80%,      75%,      %,    78,    2023-07-02, ON_TRACK",
                "≥80%,      75%,      %,    77,    2023-07-02, OFF_TRACK",
                // at most, from a higher baseline: 20 down to 10, half way 15 is expected
                "≤10,       20,       吨,    14,    2023-07-02, ON_TRACK",
                "≤10,       20,       吨,    16,    2023-07-02, OFF_TRACK",
                // a baseline that already meets the target only has to be kept
                "≥98%,      99%,      %,    98.5,  2023-07-02, ON_TRACK",
                "≥98%,      99%,      %,    97.9,  2023-07-02, OFF_TRACK"
            })
    void judgesTheLatestValueAgainstTheValueExpectedOnItsDate(
            String target, String baseline, String unit, BigDecimal value, LocalDate asOf, IndicatorStatus status) {
        Judgement judgement = OffTrackRule.judge(new Facts(target, baseline, unit, 2021, 2025), value, asOf);

        assertThat(judgement.status()).as(judgement.reason()).isEqualTo(status);
    }

    @Test
    void theExpectedValueFollowsAStraightLineFromTheBaselineAtTheStartToTheTargetAtTheEnd() {
        Facts film = new Facts("≥85%", "80%", "%", 2021, 2025);

        assertThat(OffTrackRule.judge(film, new BigDecimal("90"), LocalDate.of(2021, 1, 1))
                        .expected())
                .isEqualByComparingTo("80");
        assertThat(OffTrackRule.judge(film, new BigDecimal("90"), MID_2023).expected())
                .as("day 912 of 1825")
                .isEqualByComparingTo("82.4986");
        assertThat(OffTrackRule.judge(film, new BigDecimal("90"), PERIOD_END).expected())
                .isEqualByComparingTo("85");
        assertThat(OffTrackRule.judge(film, new BigDecimal("90"), LocalDate.of(2020, 6, 30))
                        .expected())
                .as("before the period: the baseline")
                .isEqualByComparingTo("80");
        assertThat(OffTrackRule.judge(film, new BigDecimal("90"), LocalDate.of(2027, 6, 30))
                        .expected())
                .as("after the period: the target")
                .isEqualByComparingTo("85");
    }

    @Test
    void explainsTheVerdictInChinese() {
        Judgement behind =
                OffTrackRule.judge(new Facts("≥85%", "80%", "%", 2021, 2025), new BigDecimal("82.0000"), MID_2023);

        assertThat(behind.reason()).isEqualTo("截至2023年7月2日应不低于82.5，实际为82");
        assertThat(OffTrackRule.judge(new Facts("水质类别不降低", null, null, 2021, 2025), BigDecimal.ONE, MID_2023)
                        .reason())
                .isEqualTo("目标“水质类别不降低”为定性要求，无法按数值判断");
    }

    @Test
    void nothingReportedIsNoDataWhateverTheTarget() {
        assertThat(OffTrackRule.judge(new Facts("≥98%", null, "%", 2021, 2025), null, null)
                        .status())
                .isEqualTo(IndicatorStatus.NO_DATA);
        assertThat(OffTrackRule.judge(new Facts("水质类别不降低", null, null, 2021, 2025), null, null)
                        .status())
                .isEqualTo(IndicatorStatus.NO_DATA);
    }

    @Test
    void withoutAPeriodOnlyAValueThatMeetsTheTargetCanBeJudged() {
        Facts noPeriod = new Facts("≥98%", "90%", "%", null, null);

        assertThat(OffTrackRule.judge(noPeriod, new BigDecimal("98.2"), MID_2023)
                        .status())
                .isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(OffTrackRule.judge(noPeriod, new BigDecimal("95"), MID_2023).status())
                .isEqualTo(IndicatorStatus.UNKNOWN);
        assertThat(OffTrackRule.judge(new Facts("30%左右", null, "%", null, null), new BigDecimal("31"), MID_2023)
                        .status())
                .isEqualTo(IndicatorStatus.ON_TRACK);
    }

    @Test
    void numbersInMessagesAreWrittenPlainly() {
        assertThat(OffTrackRule.plain(new BigDecimal("98.5000"))).isEqualTo("98.5");
        assertThat(OffTrackRule.plain(new BigDecimal("100.0000"))).isEqualTo("100");
        assertThat(OffTrackRule.plain(new BigDecimal("82.4986"))).isEqualTo("82.5");
        assertThat(OffTrackRule.plain(new BigDecimal("264"))).isEqualTo("264");
    }
}
