package cn.duban.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One indicator on the supervision dashboard ({@code GET /api/indicators}), with its status against the target. */
record IndicatorView(
        long id,
        String planCode,
        String planTitle,
        int position,
        String category,
        String name,
        String unit,
        String baseline,
        String target,
        boolean binding,
        String bindingText,
        String source,
        String leadUnitId,
        String leadUnitName,
        BigDecimal latestValue,
        LocalDate latestAsOf,
        OffsetDateTime latestReportedAt,
        IndicatorStatus status,
        String statusText,
        BigDecimal expectedValue,
        String statusReason) {

    static IndicatorView of(Indicator indicator) {
        OffTrackRule.Judgement judgement =
                OffTrackRule.judge(indicator.facts(), indicator.latestValue(), indicator.latestAsOf());
        return new IndicatorView(
                indicator.id(),
                indicator.planCode(),
                indicator.planTitle(),
                indicator.position(),
                indicator.category(),
                indicator.name(),
                indicator.unit(),
                indicator.baseline(),
                indicator.target(),
                indicator.binding(),
                indicator.bindingText(),
                indicator.source(),
                indicator.leadUnitId(),
                indicator.leadUnitName(),
                plain(indicator.latestValue()),
                indicator.latestAsOf(),
                indicator.latestReportedAt(),
                judgement.status(),
                judgement.status().text(),
                plain(judgement.expected()),
                judgement.reason());
    }

    /** 98.5000 → 98.5 and 100.0000 → 100, never 1E+2. */
    static BigDecimal plain(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
