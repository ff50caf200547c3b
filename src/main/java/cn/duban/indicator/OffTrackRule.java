package cn.duban.indicator;

import cn.duban.taskform.ChineseDates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Whether an indicator is on track (偏离目标 or 正常), judged on its latest reported value alone.
 *
 * <p>In plain words:
 * <ol>
 *   <li>Nothing reported yet: 未报送 ({@link IndicatorStatus#NO_DATA}).</li>
 *   <li>The target is read as "at least", "at most", "about" a number, or "lower than the baseline" (see
 *       {@link IndicatorTarget}). A qualitative target ("水质类别不降低", "保持稳定") cannot be judged by a number:
 *       无法量化判断 ({@link IndicatorStatus#UNKNOWN}).</li>
 *   <li>"At least" and "at most": the plan is expected to move in a straight line from its baseline on 1 January of
 *       the first year of the period to its target on 31 December of the last year. The latest value is compared with
 *       the value expected on its own as-of date (统计截至日期): worse than expected is 偏离目标, as good or better is
 *       正常. A baseline that already meets the target only needs to be kept: the expected value is then the target
 *       all along ("100" with a baseline of 100 means at least 100 throughout).</li>
 *   <li>No baseline ("--", or words such as "水质级别保持稳定"): no line can be drawn. A value that already meets the
 *       target is 正常; one that does not is 偏离目标 only if it is dated at or after the end of the period, and 正常
 *       before (there is no expected value to fall behind).</li>
 *   <li>"About" ("30%左右"): the band is the number ±10% of it (27 to 33). Before the end of the period it is judged
 *       like "at least" the lower edge (or "at most" the upper edge when the baseline lies above the target); at or
 *       after the end of the period the value must lie within the band.</li>
 *   <li>"Lower than the baseline" ("减少"): a value above the baseline is 偏离目标, one below it 正常; a value equal to
 *       the baseline is 正常 before the end of the period and 偏离目标 at or after it. Without a baseline it cannot be
 *       judged (无法量化判断).</li>
 *   <li>A plan without a period (start and end year): a value that meets the target is 正常, anything else cannot be
 *       judged (无法量化判断).</li>
 * </ol>
 */
final class OffTrackRule {

    private OffTrackRule() {}

    /** The verdict with the value that was expected (null when none applies) and the reason in Chinese. */
    record Judgement(IndicatorStatus status, BigDecimal expected, String reason) {}

    /** What is known of an indicator: its target and baseline as written, its unit and its plan's period. */
    record Facts(String target, String baseline, String unit, Integer periodStart, Integer periodEnd) {

        BigDecimal numericBaseline() {
            return IndicatorTarget.numberIn(baseline);
        }

        boolean hasPeriod() {
            return periodStart != null && periodEnd != null && periodEnd >= periodStart;
        }

        LocalDate start() {
            return LocalDate.of(periodStart, 1, 1);
        }

        LocalDate end() {
            return LocalDate.of(periodEnd, 12, 31);
        }
    }

    static Judgement judge(Facts facts, BigDecimal value, LocalDate asOf) {
        if (value == null || asOf == null) {
            return new Judgement(IndicatorStatus.NO_DATA, null, "尚未报送");
        }
        BigDecimal baseline = facts.numericBaseline();
        IndicatorTarget target = IndicatorTarget.read(facts.target(), baseline, facts.unit());
        return switch (target.direction()) {
            case QUALITATIVE -> new Judgement(IndicatorStatus.UNKNOWN, null, "目标“" + facts.target() + "”为定性要求，无法按数值判断");
            case BELOW_BASELINE -> belowBaseline(facts, baseline, value, asOf);
            case ABOUT -> about(facts, target.value(), baseline, value, asOf);
            case AT_LEAST, AT_MOST ->
                bound(
                        facts,
                        target.direction() == IndicatorTarget.Direction.AT_LEAST,
                        target.value(),
                        baseline,
                        value,
                        asOf);
        };
    }

    private static Judgement bound(
            Facts facts, boolean atLeast, BigDecimal target, BigDecimal baseline, BigDecimal value, LocalDate asOf) {
        String bound = atLeast ? "不低于" : "不高于";
        boolean meets = better(atLeast, value, target) >= 0;
        if (!facts.hasPeriod()) {
            return meets ? onTrack(target, "已达到目标值" + plain(target)) : unknown("计划未写明规划期，无法按进度判断");
        }
        if (baseline == null) {
            if (meets) {
                return onTrack(target, "已达到目标值" + plain(target));
            }
            if (asOf.isBefore(facts.end())) {
                return onTrack(null, "无基准值，规划期末（" + ChineseDates.of(facts.end()) + "）再与目标值比较");
            }
            return offTrack(target, "规划期末应" + bound + plain(target) + "，实际为" + plain(value));
        }
        BigDecimal expected = expected(facts, atLeast, baseline, target, asOf);
        String reason = "截至" + ChineseDates.of(asOf) + "应" + bound + plain(expected) + "，实际为" + plain(value);
        return better(atLeast, value, expected) >= 0 ? onTrack(expected, reason) : offTrack(expected, reason);
    }

    private static Judgement about(
            Facts facts, BigDecimal target, BigDecimal baseline, BigDecimal value, LocalDate asOf) {
        BigDecimal tolerance = target.multiply(IndicatorTarget.ABOUT_TOLERANCE);
        BigDecimal low = target.subtract(tolerance);
        BigDecimal high = target.add(tolerance);
        boolean ended = facts.hasPeriod() && !asOf.isBefore(facts.end());
        if (ended || !facts.hasPeriod()) {
            boolean within = value.compareTo(low) >= 0 && value.compareTo(high) <= 0;
            if (within) {
                return onTrack(target, "在目标值" + plain(target) + "左右（" + plain(low) + "至" + plain(high) + "）");
            }
            String reason = "应在" + plain(low) + "至" + plain(high) + "之间，实际为" + plain(value);
            return ended ? offTrack(target, reason) : unknown("计划未写明规划期，无法按进度判断；" + reason);
        }
        boolean fromAbove = baseline != null && baseline.compareTo(target) > 0;
        return bound(facts, !fromAbove, fromAbove ? high : low, baseline, value, asOf);
    }

    private static Judgement belowBaseline(Facts facts, BigDecimal baseline, BigDecimal value, LocalDate asOf) {
        if (baseline == null) {
            return unknown("目标“" + facts.target() + "”须与基准值比较，但没有数值基准值");
        }
        int comparison = value.compareTo(baseline);
        String reason = "应低于基准值" + plain(baseline) + "，实际为" + plain(value);
        boolean ended = facts.hasPeriod() && !asOf.isBefore(facts.end());
        if (comparison < 0 || (comparison == 0 && !ended)) {
            return onTrack(baseline, reason);
        }
        return offTrack(baseline, reason);
    }

    /** The value on the straight line from the baseline at the period's start to the target at its end. */
    private static BigDecimal expected(
            Facts facts, boolean atLeast, BigDecimal baseline, BigDecimal target, LocalDate asOf) {
        if (better(atLeast, baseline, target) >= 0) {
            return target;
        }
        long total = ChronoUnit.DAYS.between(facts.start(), facts.end());
        long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(facts.start(), asOf)));
        BigDecimal share = BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(total), 10, RoundingMode.HALF_UP);
        return baseline.add(target.subtract(baseline).multiply(share)).setScale(4, RoundingMode.HALF_UP);
    }

    /** Positive when {@code value} is better than {@code than} in the target's direction. */
    private static int better(boolean atLeast, BigDecimal value, BigDecimal than) {
        int comparison = value.compareTo(than);
        return atLeast ? comparison : -comparison;
    }

    private static Judgement onTrack(BigDecimal expected, String reason) {
        return new Judgement(IndicatorStatus.ON_TRACK, expected, reason);
    }

    private static Judgement offTrack(BigDecimal expected, String reason) {
        return new Judgement(IndicatorStatus.OFF_TRACK, expected, reason);
    }

    private static Judgement unknown(String reason) {
        return new Judgement(IndicatorStatus.UNKNOWN, null, reason);
    }

    /** 98.5000 → "98.5", 100.0000 → "100"; at most two decimals in a message. */
    static String plain(BigDecimal number) {
        BigDecimal rounded = number.setScale(Math.min(2, Math.max(0, number.scale())), RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
