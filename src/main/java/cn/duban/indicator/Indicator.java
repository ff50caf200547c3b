package cn.duban.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One indicator of a plan as Duban keeps it: the plan's row (baseline, target, 约束性 or not), its plan's period and
 * report cycle, the unit that reports it (null until the supervision office names one) and the latest value reported
 * (the one of the latest as-of date; of two for the same date, the later report).
 */
record Indicator(
        long id,
        String planCode,
        String planTitle,
        Integer periodStart,
        Integer periodEnd,
        String reportCycle,
        int position,
        String category,
        String name,
        String unit,
        String baseline,
        String target,
        boolean binding,
        String source,
        String leadUnitId,
        String leadUnitName,
        BigDecimal latestValue,
        LocalDate latestAsOf,
        OffsetDateTime latestReportedAt) {

    OffTrackRule.Facts facts() {
        return new OffTrackRule.Facts(target, baseline, unit, periodStart, periodEnd);
    }

    String bindingText() {
        return binding ? "约束性" : "预期性";
    }
}
