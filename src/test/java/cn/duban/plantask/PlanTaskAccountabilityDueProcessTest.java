package cn.duban.plantask;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.accountability.AccountabilityCases;
import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.supervision.EscalationLevel;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.supervision.SupervisionState;
import cn.duban.support.DailySupervisionRun;
import cn.duban.support.DubanTest;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 启动问责 wherever the ladder can rise, not only in the daily check: a task dispatched long after its deadline, and
 * a result reported long after it before any daily check saw the task. Deadline Tuesday 31 December 2030 (2030–31
 * have no holidays stored: Monday to Friday count).
 */
@DubanTest
class PlanTaskAccountabilityDueProcessTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DEADLINE = LocalDate.of(2030, 12, 31);

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    ManagementService managementService;

    @Autowired
    SupervisionRecord record;

    @Autowired
    AccountabilityCases cases;

    @Autowired
    Jobs jobs;

    @Autowired
    DailySupervisionRun sweep;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aTaskDispatchedFifteenWorkingDaysAfterItsDeadlineOpensACaseAtOnceAndTheDailyCheckNoSecond() {
        at(LocalDate.of(2031, 1, 21));
        String code = Orders.freshCode("AD");
        String instanceId = dispatch(code);

        assertThat(record.find(code).orElseThrow().escalationLevel()).isEqualTo(EscalationLevel.CIRCULATED_CRITICISM);
        assertThat(cases.of(code)).singleElement().satisfies(opened -> {
            assertThat(opened.trigger()).isEqualTo(AccountabilityCases.Trigger.ESCALATION);
            assertThat(opened.triggerReason()).isEqualTo("通报批评：逾期15个工作日以上（逾期15个工作日，催办0次）");
        });
        assertThat(ran(instanceId, "ServiceTask_OpenCaseOnDispatch")).isTrue();

        sweep.on(LocalDate.of(2031, 1, 22), code);
        assertThat(cases.of(code)).as("the level did not rise again").hasSize(1);
        assertThat(ran(instanceId, "ServiceTask_OpenCaseOnDailyCheck")).isFalse();
    }

    @Test
    void aResultReportedLongAfterTheDeadlineBeforeAnyDailyCheckOpensTheCaseTheCheckWouldHaveOpened() {
        String code = Orders.freshCode("AR");
        String instanceId = dispatch(code);
        taskService.complete(
                taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getId(),
                Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        jobs.executeAll(instanceId);

        at(LocalDate.of(2031, 1, 21));
        taskService.complete(
                taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getId(),
                Map.of("resultDescription", "已完成", "evidence", "报告.pdf"));

        assertThat(record.find(code).orElseThrow().state()).isEqualTo(SupervisionState.SUBMITTED);
        assertThat(record.find(code).orElseThrow().escalationLevel()).isEqualTo(EscalationLevel.CIRCULATED_CRITICISM);
        assertThat(cases.of(code))
                .singleElement()
                .satisfies(opened -> assertThat(opened.trigger()).isEqualTo(AccountabilityCases.Trigger.ESCALATION));
        assertThat(ran(instanceId, "ServiceTask_OpenCaseOnLateReport")).isTrue();
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getTaskDefinitionKey())
                .as("the result goes on to inspection")
                .isEqualTo(PlanTaskProcess.VERIFY_RESULT);
    }

    private String dispatch(String code) {
        return dispatcher.dispatch(new TaskDispatchOrder(
                "TEST-PLAN",
                "测试计划",
                code,
                null,
                "开展土壤污染状况详查",
                "开展全州土壤污染状况详查。",
                List.of(Orders.ECOLOGY),
                List.of(),
                List.of(),
                DEADLINE,
                ReportCycle.QUARTERLY,
                false,
                null,
                null));
    }

    private boolean ran(String instanceId, String activityId) {
        return historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(instanceId)
                        .activityId(activityId)
                        .count()
                > 0;
    }

    private static void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(BEIJING).toInstant()));
    }
}
