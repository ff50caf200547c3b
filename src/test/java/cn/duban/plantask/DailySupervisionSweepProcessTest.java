package cn.duban.plantask;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.accountability.AccountabilityCases;
import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.supervision.EscalationLevel;
import cn.duban.supervision.SupervisionEvent;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.supervision.SupervisionState;
import cn.duban.support.DailySupervisionRun;
import cn.duban.support.DubanTest;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily sweep (process daily-supervision, 每日督办检查) does each task's step once a day: run twice on one day, or
 * with a batch whose transaction was lost after it did its work (a node dying before the commit) and that the job
 * executor runs again, the task is marked, escalated and has its case opened once. Deadline: Tuesday 31 December 2030
 * (2030–31 have no holidays stored: Monday to Friday count).
 */
@DubanTest
class DailySupervisionSweepProcessTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    SupervisionRecord record;

    @Autowired
    AccountabilityCases cases;

    @Autowired
    DailySupervisionRun sweep;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Autowired
    Jobs jobs;

    @Autowired
    TransactionTemplate transaction;

    private TimeZone jvmZone;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        if (jvmZone != null) {
            TimeZone.setDefault(jvmZone);
        }
    }

    @Test
    void aSecondSweepOnTheSameDayTakesNoStepAgain() {
        String late = dispatch();
        String another = dispatch();
        sweep.on(LocalDate.of(2030, 12, 20), late, another);
        assertThat(record.find(another).orElseThrow().state()).isEqualTo(SupervisionState.ON_TRACK);

        sweep.on(LocalDate.of(2031, 1, 21), late, another);
        List<SupervisionEvent> first = record.events(late);
        assertThat(first)
                .extracting(SupervisionEvent::kind)
                .containsExactly(
                        SupervisionEvent.Kind.OVERDUE,
                        SupervisionEvent.Kind.ESCALATED,
                        SupervisionEvent.Kind.ACCOUNTABILITY_OPENED);
        assertThat(record.find(late).orElseThrow().escalationLevel()).isEqualTo(EscalationLevel.CIRCULATED_CRITICISM);

        ClockUtil.setCurrentTime(Date.from(
                LocalDate.of(2031, 1, 21).atTime(17, 0).atZone(BEIJING).toInstant()));
        String again = sweep.now(late, another);

        assertThat(record.events(late)).as("no step twice").hasSameSizeAs(first);
        assertThat(cases.of(late)).as("one case").hasSize(1);
        assertThat(cases.of(another)).as("one case").hasSize(1);
        assertThat(historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(again)
                        .activityId("ServiceTask_SuperviseBatch")
                        .count())
                .as("nothing left to check that day: no batch")
                .isZero();
    }

    @Test
    void aBatchWhoseTransactionWasLostIsRunAgainWithoutDoubleEffects() {
        String late = dispatch();
        ClockUtil.setCurrentTime(Date.from(
                LocalDate.of(2031, 1, 21).atTime(8, 0, 1).atZone(BEIJING).toInstant()));
        String sweepId = sweep.start(late);
        Job batch = managementService
                .createJobQuery()
                .processInstanceId(sweepId)
                .activityId("ServiceTask_SuperviseBatch")
                .singleResult();
        assertThat(batch).as("each batch is a job of the sweep").isNotNull();

        // The batch does all its work, then its node dies before the commit.
        transaction.executeWithoutResult(status -> {
            managementService.executeJob(batch.getId());
            assertThat(record.find(late).orElseThrow().state()).isEqualTo(SupervisionState.OVERDUE);
            status.setRollbackOnly();
        });
        assertThat(record.find(late).orElseThrow().state()).isEqualTo(SupervisionState.ON_TRACK);
        assertThat(record.events(late)).isEmpty();

        jobs.executeAll(sweepId);

        assertThat(record.events(late))
                .extracting(SupervisionEvent::kind)
                .containsExactly(
                        SupervisionEvent.Kind.OVERDUE,
                        SupervisionEvent.Kind.ESCALATED,
                        SupervisionEvent.Kind.ACCOUNTABILITY_OPENED);
        assertThat(cases.of(late)).hasSize(1);
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(sweepId)
                        .count())
                .as("the sweep finished")
                .isZero();
    }

    @Test
    void theDayIsBeijingsWhateverTheServersZone() {
        jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        String late = dispatch();
        // 00:30 on Wednesday 1 January 2031 in Beijing is still 31 December, the deadline day, in New York.
        ClockUtil.setCurrentTime(
                Date.from(OffsetDateTime.parse("2031-01-01T00:30:00+08:00").toInstant()));

        sweep.now(late);

        assertThat(record.find(late).orElseThrow().state()).isEqualTo(SupervisionState.OVERDUE);
        assertThat(record.events(late))
                .extracting(SupervisionEvent::reason)
                .first()
                .isEqualTo("已超过完成时限（2030年12月31日），任务逾期");
    }

    private String dispatch() {
        String code = Orders.freshCode("SW");
        dispatcher.dispatch(Orders.order(code, List.of(Orders.ECOLOGY), List.of()));
        return code;
    }
}
