package cn.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The score and its reasons from facts and weights, without the engine. */
class ScoringTest {

    @Test
    void indicatorsOnAndOffTrackWeighWithTheirOwnWeights() {
        Scoring.Result result =
                Scoring.score(new AssessmentFacts(4, 3, 2, 0, 0, 1, 0, 2, 1), AssessmentWeights.DEFAULTS);
        // 60 + 40 × 3/4 − 0.5 × 2 − 5 × 1 + 1 × 2 − 3 × 1 = 83
        assertThat(result.score()).isEqualByComparingTo("83.00");
        assertThat(result.reasons())
                .containsExactly(
                        "基础分：60分",
                        "按时完成3/4项（75.0%）× 40：+30.00分",
                        "逾期2个工作日 × 0.5：-1.00分",
                        "问责案件1件 × 5：-5.00分",
                        "指标正常2项 × 1：+2.00分",
                        "指标偏离目标1项 × 3：-3.00分");
    }

    @Test
    void aUnitWithoutTasksDueGetsTheOnTimePointsAndTheScoreStaysWithin0And100() {
        AssessmentWeights weights = new AssessmentWeights(
                new BigDecimal("40"),
                BigDecimal.ONE,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("5"),
                BigDecimal.ZERO);
        assertThat(Scoring.score(new AssessmentFacts(0, 0, 0, 0, 0, 0, 0, 3, 0), weights)
                        .score())
                .isEqualByComparingTo("100.00");
        Scoring.Result floor = Scoring.score(new AssessmentFacts(1, 0, 90, 0, 0, 0, 0, 0, 0), weights);
        assertThat(floor.score()).isEqualByComparingTo("0.00");
        assertThat(floor.reasons()).last().isEqualTo("合计低于0分，按0分计");
    }

    @Test
    void theOfficesWeightsAreChecked() {
        AssessmentWeights weights = new AssessmentWeights(
                new BigDecimal("120"), null, new BigDecimal("0.125"), null, null, null, null, null);
        assertThat(weights.problems()).containsExactly("权重“按时完成（满分）”须在0至100之间（收到120）", "权重“每次催办扣分”最多保留两位小数（收到0.125）");
        assertThat(weights.orDefaults().overdueDay()).isEqualByComparingTo("0.5");
    }
}
