package cn.duban.plantask;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The server's clock may be in any zone; the office's is Beijing's. The JVM is put in New York's zone (or London's,
 * should it already be New York's) for each test, so the cron timers would fire at the wrong hour if the engine read
 * them in the JVM's zone, as Camunda's own cycle calendar does.
 */
@DubanTest
class BeijingClockProcessTest {

    private static final ZoneId NOT_BEIJING = ZoneId.of("America/New_York");

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    ManagementService managementService;

    private TimeZone jvmZone;

    @BeforeEach
    void putTheServerInAnotherZone() {
        jvmZone = TimeZone.getDefault();
        ZoneId other = jvmZone.toZoneId().equals(NOT_BEIJING) ? ZoneId.of("Europe/London") : NOT_BEIJING;
        TimeZone.setDefault(TimeZone.getTimeZone(other));
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(jvmZone);
        ClockUtil.reset();
    }

    @Test
    void theDailyCheckRunsAtEightInTheMorningBeijingTime() {
        ClockUtil.setCurrentTime(at("2026-03-10T10:00:00+08:00"));
        String instanceId = dispatcher.dispatch(Orders.ecologyLeads(Orders.freshCode("TZ")));

        Job check = timer(instanceId, "StartEvent_DailyCheck");
        assertThat(check.getDuedate())
                .as("08:00 the next morning in Beijing")
                .isEqualTo(at("2026-03-11T08:00:00+08:00"));

        ClockUtil.setCurrentTime(at("2026-03-11T08:00:05+08:00"));
        managementService.executeJob(check.getId());

        assertThat(timer(instanceId, "StartEvent_DailyCheck").getDuedate())
                .as("and every morning after")
                .isEqualTo(at("2026-03-12T08:00:00+08:00"));
    }

    @Test
    void progressReportsAreAskedForAtNineOnTheFirstDayOfTheQuarterBeijingTime() {
        // 23:30 on 31 March in Beijing is still the morning of 31 March in New York.
        ClockUtil.setCurrentTime(at("2026-03-31T23:30:00+08:00"));
        String instanceId = dispatcher.dispatch(Orders.ecologyLeads(Orders.freshCode("TZ")));

        assertThat(timer(instanceId, "StartEvent_ProgressReportDue").getDuedate())
                .isEqualTo(at("2026-04-01T09:00:00+08:00"));
        assertThat(timer(instanceId, "StartEvent_DailyCheck").getDuedate()).isEqualTo(at("2026-04-01T08:00:00+08:00"));
    }

    private Job timer(String instanceId, String activityId) {
        return managementService
                .createJobQuery()
                .processInstanceId(instanceId)
                .timers()
                .activityId(activityId)
                .singleResult();
    }

    private static Date at(String time) {
        return Date.from(OffsetDateTime.parse(time).toInstant());
    }
}
