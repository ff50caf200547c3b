package cn.duban.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.dispatch.ReportCycle;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When reporting rounds come: the plan's cycle unless one is configured, and whether the period is over. */
class IndicatorRoundsTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCycleIsThePlansUnlessOneIsConfigured() {
        IndicatorRounds plans = new IndicatorRounds(BEIJING, "");
        assertThat(plans.cronFor("MONTHLY")).isEqualTo(ReportCycle.MONTHLY.cron());
        assertThat(plans.cronFor("QUARTERLY")).isEqualTo(ReportCycle.QUARTERLY.cron());
        assertThat(plans.textOf(plans.cronFor("QUARTERLY"))).isEqualTo("每季度");

        IndicatorRounds monthly = new IndicatorRounds(BEIJING, "monthly");
        assertThat(monthly.cronFor("QUARTERLY")).isEqualTo(ReportCycle.MONTHLY.cron());
        assertThat(monthly.textOf(monthly.cronFor("QUARTERLY"))).isEqualTo("每月");

        IndicatorRounds halfYearly = new IndicatorRounds(BEIJING, "0 0 9 1 1,7 ?");
        assertThat(halfYearly.cronFor("QUARTERLY")).isEqualTo("0 0 9 1 1,7 ?");
        assertThat(halfYearly.textOf("0 0 9 1 1,7 ?")).isEqualTo("按督查办设定的周期");

        assertThatThrownBy(() -> new IndicatorRounds(BEIJING, "every quarter"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNextRoundIsTheCyclesNextTimeAfterNowInBeijing() {
        at(LocalDateTime.of(2023, 5, 10, 10, 0));
        IndicatorRounds rounds = new IndicatorRounds(BEIJING, "");

        assertThat(rounds.next(ReportCycle.QUARTERLY.cron())).isEqualTo(beijing(LocalDateTime.of(2023, 7, 1, 9, 0)));
        assertThat(rounds.next(ReportCycle.MONTHLY.cron())).isEqualTo(beijing(LocalDateTime.of(2023, 6, 1, 9, 0)));
    }

    @Test
    void thePeriodIsOverAfterTheLastDayOfItsLastYear() {
        IndicatorRounds rounds = new IndicatorRounds(BEIJING, "");

        at(LocalDateTime.of(2025, 12, 31, 23, 0));
        assertThat(rounds.periodOver(2025)).isFalse();
        at(LocalDateTime.of(2026, 1, 1, 0, 30));
        assertThat(rounds.periodOver(2025)).isTrue();
        assertThat(rounds.periodOver(null)).as("a plan without a period").isFalse();
    }

    private static void at(LocalDateTime time) {
        ClockUtil.setCurrentTime(beijing(time));
    }

    private static Date beijing(LocalDateTime time) {
        return Date.from(time.atZone(BEIJING).toInstant());
    }
}
