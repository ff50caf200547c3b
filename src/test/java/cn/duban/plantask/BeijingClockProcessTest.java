package cn.duban.plantask;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

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
    void theDailySweepRunsAtEightInTheMorningBeijingTime() {
        ClockUtil.setCurrentTime(at("2026-03-11T08:00:05+08:00"));
        Job morning = sweepTimer();
        managementService.executeJob(morning.getId());
        HistoricProcessInstance sweep = historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("daily-supervision")
                .startedAfter(at("2026-03-11T08:00:04+08:00"))
                .startedBefore(at("2026-03-11T08:00:06+08:00"))
                .unfinished()
                .singleResult();
        assertThat(sweep).as("the timer started the sweep").isNotNull();
        // The sweep this test started is not this test's to finish: the other tests' tasks stay as they left them.
        runtimeService.deleteProcessInstance(sweep.getId(), "test");

        assertThat(sweepTimer().getDuedate())
                .as("08:00 every morning in Beijing")
                .isEqualTo(at("2026-03-12T08:00:00+08:00"));
    }

    @Test
    void progressReportsAreAskedForAtNineOnTheFirstDayOfTheQuarterBeijingTime() {
        // 23:30 on 31 March in Beijing is still the morning of 31 March in New York.
        ClockUtil.setCurrentTime(at("2026-03-31T23:30:00+08:00"));
        String instanceId = dispatcher.dispatch(Orders.ecologyLeads(Orders.freshCode("TZ")));

        assertThat(timer(instanceId, "StartEvent_ProgressReportDue").getDuedate())
                .isEqualTo(at("2026-04-01T09:00:00+08:00"));
    }

    private Job sweepTimer() {
        return managementService
                .createJobQuery()
                .processDefinitionKey("daily-supervision")
                .timers()
                .activityId("StartEvent_EveryMorning")
                .singleResult();
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
