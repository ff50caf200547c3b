package cn.duban.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How a unit's score is worked out from its facts and the year's weights, with a reason for every point:
 * 60 + onTime × (tasks closed on time ÷ tasks due in the year), less each weight times its count, plus on-track
 * indicators, kept between 0 and 100 and rounded to two decimals. A unit with no task due in the year gets the
 * on-time points in full.
 */
final class Scoring {

    static final BigDecimal BASE = new BigDecimal("60");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Scoring() {}

    record Result(BigDecimal score, List<String> reasons) {}

    static Result score(AssessmentFacts facts, AssessmentWeights weights) {
        List<String> reasons = new ArrayList<>();
        BigDecimal score = BASE;
        reasons.add("基础分：60分");
        if (facts.tasksDue() == 0) {
            score = score.add(weights.onTime());
            reasons.add("本年度无到期任务，按时完成得分按满分计：+" + points(weights.onTime()) + "分");
        } else {
            BigDecimal rate = BigDecimal.valueOf(facts.closedOnTime())
                    .divide(BigDecimal.valueOf(facts.tasksDue()), 6, RoundingMode.HALF_UP);
            BigDecimal onTime = weights.onTime().multiply(rate);
            score = score.add(onTime);
            reasons.add("按时完成" + facts.closedOnTime() + "/" + facts.tasksDue() + "项（"
                    + rate.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%）× "
                    + weight(weights.onTime()) + "：+" + points(onTime) + "分");
        }
        score = score.subtract(term(reasons, "逾期", facts.overdueWorkingDays(), "个工作日", weights.overdueDay(), "-"));
        score = score.subtract(term(reasons, "被催办", facts.urges(), "次", weights.urge(), "-"));
        score = score.subtract(term(reasons, "限期整改", facts.rectifications(), "次", weights.rectification(), "-"));
        score = score.subtract(term(reasons, "问责案件", facts.accountabilityCases(), "件", weights.accountability(), "-"));
        score = score.subtract(
                term(reasons, "逾期未报进展", facts.missedProgressReports(), "次", weights.missedReport(), "-"));
        score = score.add(term(reasons, "指标正常", facts.indicatorsOnTrack(), "项", weights.indicatorOn(), "+"));
        score = score.subtract(term(reasons, "指标偏离目标", facts.indicatorsOffTrack(), "项", weights.indicatorOff(), "-"));
        if (score.signum() < 0) {
            reasons.add("合计低于0分，按0分计");
            score = BigDecimal.ZERO;
        } else if (score.compareTo(HUNDRED) > 0) {
            reasons.add("合计高于100分，按100分计");
            score = HUNDRED;
        }
        return new Result(score.setScale(2, RoundingMode.HALF_UP), List.copyOf(reasons));
    }

    private static BigDecimal term(
            List<String> reasons, String what, int count, String measure, BigDecimal weight, String sign) {
        if (count == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal points = weight.multiply(BigDecimal.valueOf(count));
        reasons.add(what + count + measure + " × " + weight(weight) + "：" + sign + points(points) + "分");
        return points;
    }

    private static String weight(BigDecimal weight) {
        BigDecimal plain = weight.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    private static String points(BigDecimal points) {
        return points.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
