package cn.duban.indicator;

import cn.duban.dispatch.ReportCycle;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * When the rounds of indicator reporting come, for the model's expressions: the cycle is the plan's report cycle
 * (每季度 or 每月), unless {@code duban.indicators.report-cycle} sets one for every indicator (MONTHLY, QUARTERLY or
 * a cron expression such as {@code 0 0 9 1 1,7 ?}). Reporting ends with the first report after the period's last
 * day, which gives the value at the end of the period.
 */
@Component("indicatorRounds")
public class IndicatorRounds {

    private final ZoneId zone;
    private final String configuredCycle;

    IndicatorRounds(
            @Value("${duban.time-zone}") ZoneId zone,
            @Value("${duban.indicators.report-cycle:}") String configuredCycle) {
        this.zone = zone;
        this.configuredCycle = configuredCycle == null ? "" : configuredCycle.strip();
        if (!this.configuredCycle.isEmpty()) {
            CronExpression.parse(cron(this.configuredCycle));
        }
    }

    /** The cron expression of the rounds for a plan whose report cycle is {@code planCycle} (MONTHLY, QUARTERLY). */
    String cronFor(String planCycle) {
        return cron(
                configuredCycle.isEmpty()
                        ? (planCycle == null ? ReportCycle.QUARTERLY.name() : planCycle)
                        : configuredCycle);
    }

    /** How a form says the cycle. */
    String textOf(String cron) {
        if (ReportCycle.MONTHLY.cron().equals(cron)) {
            return "每月";
        }
        if (ReportCycle.QUARTERLY.cron().equals(cron)) {
            return "每季度";
        }
        return "按督查办设定的周期";
    }

    /** The timer of {@code TimerEvent_NextRound}: when the next round after now begins. */
    public Date next(String cron) {
        ZonedDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(zone);
        return Date.from(CronExpression.parse(cron).next(now).toInstant());
    }

    /** The gateway after a report: is the plan's period (its last year) over? A plan without one never is. */
    public boolean periodOver(Object periodEnd) {
        if (!(periodEnd instanceof Number year)) {
            return false;
        }
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
        return today.isAfter(LocalDate.of(year.intValue(), 12, 31));
    }

    LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
    }

    ZoneId zone() {
        return zone;
    }

    private static String cron(String cycle) {
        for (ReportCycle known : ReportCycle.values()) {
            if (known.name().equalsIgnoreCase(cycle)) {
                return known.cron();
            }
        }
        return cycle;
    }
}
