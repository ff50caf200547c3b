package cn.duban.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of an assessment year, set by the performance office: {@code onTime} points for a 100 % on-time rate
 * (on top of the base of 60), and the points each overdue working day, urge, rectification, accountability case,
 * missed progress report or off-track indicator takes off and each on-track indicator adds.
 */
public record AssessmentWeights(
        BigDecimal onTime,
        BigDecimal overdueDay,
        BigDecimal urge,
        BigDecimal rectification,
        BigDecimal accountability,
        BigDecimal missedReport,
        BigDecimal indicatorOn,
        BigDecimal indicatorOff) {

    public static final AssessmentWeights DEFAULTS = new AssessmentWeights(
            new BigDecimal("40"),
            new BigDecimal("0.5"),
            new BigDecimal("2"),
            new BigDecimal("3"),
            new BigDecimal("5"),
            new BigDecimal("1"),
            new BigDecimal("1"),
            new BigDecimal("3"));

    private static final BigDecimal MAX = new BigDecimal("100");

    /** Each weight with its Chinese name, in the order of the form and the reasons. */
    public Map<String, BigDecimal> named() {
        Map<String, BigDecimal> named = new LinkedHashMap<>();
        named.put("按时完成（满分）", onTime);
        named.put("每逾期1个工作日扣分", overdueDay);
        named.put("每次催办扣分", urge);
        named.put("每次限期整改扣分", rectification);
        named.put("每件问责案件扣分", accountability);
        named.put("每次逾期未报进展扣分", missedReport);
        named.put("每项指标正常加分", indicatorOn);
        named.put("每项指标偏离目标扣分", indicatorOff);
        return named;
    }

    /** What is wrong with these weights, in Chinese; empty when none. A missing weight keeps its default. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        named().forEach((name, weight) -> {
            if (weight != null && (weight.signum() < 0 || weight.compareTo(MAX) > 0)) {
                problems.add("权重“" + name + "”须在0至100之间（收到" + weight.toPlainString() + "）");
            }
            if (weight != null
                    && weight.scale() > 2
                    && weight.stripTrailingZeros().scale() > 2) {
                problems.add("权重“" + name + "”最多保留两位小数（收到" + weight.toPlainString() + "）");
            }
        });
        return problems;
    }

    /** These weights, each missing one replaced by its default. */
    public AssessmentWeights orDefaults() {
        return new AssessmentWeights(
                or(onTime, DEFAULTS.onTime),
                or(overdueDay, DEFAULTS.overdueDay),
                or(urge, DEFAULTS.urge),
                or(rectification, DEFAULTS.rectification),
                or(accountability, DEFAULTS.accountability),
                or(missedReport, DEFAULTS.missedReport),
                or(indicatorOn, DEFAULTS.indicatorOn),
                or(indicatorOff, DEFAULTS.indicatorOff));
    }

    private static BigDecimal or(BigDecimal value, BigDecimal fallback) {
        return value == null ? fallback : value;
    }
}
