package cn.duban.plantask;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.accountability.AccountabilityCases;
import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.supervision.EscalationLevel;
import cn.duban.supervision.SupervisionEvent;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.supervision.SupervisionState;
import cn.duban.supervision.TaskSupervision;
import cn.duban.support.DailySupervisionRun;
import cn.duban.support.DubanTest;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deadline tracking: the daily check (a timer of the event sub-process 每日督办检查) driven on the engine's clock,
 * around the deadline of Tuesday 31 December 2030 (2030–31 have no holidays stored: Monday to Friday count).
 */
@DubanTest
class PlanTaskDeadlineProcessTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

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

    private String code;
    private String instanceId;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theTaskTurnsDueSoonThenOverdueAndClimbsTheLadderWhileStayingWithTheUnit() {
        dispatch(List.of(Orders.FINANCE));
        Task claim = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(state().state()).isEqualTo(SupervisionState.ON_TRACK);

        checkOn(LocalDate.of(2030, 12, 20));
        assertThat(state().state()).as("7 working days left").isEqualTo(SupervisionState.ON_TRACK);
        assertThat(record.events(code)).isEmpty();

        checkOn(LocalDate.of(2030, 12, 26));
        assertThat(state().state()).as("3 working days left").isEqualTo(SupervisionState.DUE_SOON);
        checkOn(LocalDate.of(2030, 12, 27));
        assertThat(record.events(code))
                .extracting(SupervisionEvent::reason)
                .containsExactly("临期提醒：距完成时限（2030年12月31日）还有3个工作日");

        checkOn(LocalDate.of(2031, 1, 1));
        assertThat(state().state()).isEqualTo(SupervisionState.OVERDUE);
        assertThat(state().escalationLevel()).isEqualTo(EscalationLevel.REMINDER);

        checkOn(LocalDate.of(2031, 1, 2));
        checkOn(LocalDate.of(2031, 1, 7));
        assertThat(state().workingDaysOverdue()).isEqualTo(5);
        assertThat(state().escalationLevel()).isEqualTo(EscalationLevel.WARNING);

        checkOn(LocalDate.of(2031, 1, 21));
        assertThat(state().escalationLevel()).isEqualTo(EscalationLevel.CIRCULATED_CRITICISM);

        assertThat(record.events(code))
                .extracting(SupervisionEvent::kind)
                .containsExactly(
                        SupervisionEvent.Kind.DUE_SOON,
                        SupervisionEvent.Kind.OVERDUE,
                        SupervisionEvent.Kind.ESCALATED,
                        SupervisionEvent.Kind.OVERDUE_REMINDER,
                        SupervisionEvent.Kind.ESCALATED,
                        SupervisionEvent.Kind.OVERDUE_REMINDER,
                        SupervisionEvent.Kind.ESCALATED,
                        SupervisionEvent.Kind.ACCOUNTABILITY_OPENED);
        assertThat(cases.of(code)).singleElement().satisfies(opened -> {
            assertThat(opened.trigger()).isEqualTo(AccountabilityCases.Trigger.ESCALATION);
            assertThat(opened.triggerReason()).startsWith("通报批评：逾期15个工作日以上");
        });
        assertThat(record.events(code).get(6).reason()).isEqualTo("通报批评：逾期15个工作日以上（逾期15个工作日，催办0次）");
        Task stillThere = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(PlanTaskProcess.CLAIM_TASK)
                .singleResult();
        assertThat(stillThere.getId()).as("the task stays with the unit").isEqualTo(claim.getId());
    }

    @Test
    void urgesAndABindingTargetWeighOnTheLevel() {
        dispatch(List.of());
        runtimeService.setVariables(instanceId, Map.of("timesUrged", 1, "binding", true));

        checkOn(LocalDate.of(2031, 1, 1));

        assertThat(state().escalationLevel()).isEqualTo(EscalationLevel.WARNING);
        assertThat(record.events(code)).extracting(SupervisionEvent::reason).contains("预警：逾期且已被催办（逾期1个工作日，催办1次）");
    }

    @Test
    void aReportedTaskIsNotOverdueAndAClosedOneLeavesSupervision() {
        dispatch(List.of());
        Task claim = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        taskService.complete(claim.getId(), Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        jobs.executeAll(instanceId);
        Task report =
                taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        taskService.complete(report.getId(), Map.of("resultDescription", "已完成", "evidence", "报告.pdf"));

        checkOn(LocalDate.of(2031, 2, 3));
        assertThat(state().state()).isEqualTo(SupervisionState.SUBMITTED);
        assertThat(state().escalationLevel()).isEqualTo(EscalationLevel.NONE);
        assertThat(record.events(code)).isEmpty();

        taskService.complete(
                taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getId(),
                Map.of("inspectionDecision", "pass"));
        taskService.complete(
                taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getId(),
                Map.of("closureDecision", "approve"));
        assertThat(state().state()).isEqualTo(SupervisionState.CLOSED);
        assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(instanceId)
                        .count())
                .as("no timer outlives the task")
                .isZero();
    }

    /**
     * The daily check that would have found the task 逾期 has not run yet (its node died holding it, and the lock has
     * not expired; or the job executor is behind) when the lead unit reports after the deadline: the report must not
     * wipe the step out. The task is recorded 逾期 and climbs the ladder once, and the late check repeats neither.
     */
    @Test
    void aResultReportedAfterTheDeadlineBeforeTheDailyCheckRanIsStillRecordedOverdueOnce() {
        dispatch(List.of());
        taskService.complete(
                taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getId(),
                Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        jobs.executeAll(instanceId);

        ClockUtil.setCurrentTime(
                Date.from(LocalDate.of(2031, 1, 6).atTime(9, 0).atZone(BEIJING).toInstant()));
        taskService.complete(
                taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getId(),
                Map.of("resultDescription", "已完成", "evidence", "报告.pdf"));
        checkOn(LocalDate.of(2031, 1, 6));
        checkOn(LocalDate.of(2031, 1, 7));

        assertThat(state().state()).isEqualTo(SupervisionState.SUBMITTED);
        assertThat(state().escalationLevel()).isEqualTo(EscalationLevel.REMINDER);
        assertThat(record.events(code))
                .extracting(SupervisionEvent::kind)
                .containsExactly(SupervisionEvent.Kind.OVERDUE, SupervisionEvent.Kind.ESCALATED);
        assertThat(record.events(code).get(0).reason()).isEqualTo("已超过完成时限（2030年12月31日），任务逾期");
    }

    @Test
    void aResultReportedAfterTheDailyCheckFoundItOverdueAddsNoSecondStep() {
        dispatch(List.of());
        taskService.complete(
                taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getId(),
                Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        jobs.executeAll(instanceId);
        checkOn(LocalDate.of(2031, 1, 2));

        taskService.complete(
                taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getId(),
                Map.of("resultDescription", "已完成", "evidence", "报告.pdf"));
        checkOn(LocalDate.of(2031, 1, 3));

        assertThat(state().state()).isEqualTo(SupervisionState.SUBMITTED);
        assertThat(record.events(code))
                .extracting(SupervisionEvent::kind)
                .containsExactly(SupervisionEvent.Kind.OVERDUE, SupervisionEvent.Kind.ESCALATED);
    }

    @Test
    void theRecordFollowsTheTaskAtEveryStepNotOnlyAtTheDailyCheck() {
        dispatch(List.of());
        taskService.complete(
                taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getId(),
                Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        jobs.executeAll(instanceId);
        assertThat(state().state()).isEqualTo(SupervisionState.ON_TRACK);

        taskService.complete(
                taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getId(),
                Map.of("resultDescription", "已完成", "evidence", "报告.pdf"));
        assertThat(state().state()).as("reported: out of the units' hands").isEqualTo(SupervisionState.SUBMITTED);

        taskService.complete(
                taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getId(),
                Map.of("inspectionDecision", "pass"));
        taskService.complete(
                taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getId(),
                Map.of("closureDecision", "return", "closureOpinion", "成效数据不完整"));
        assertThat(state().state())
                .as("sent back by a leader: with the units again")
                .isEqualTo(SupervisionState.ON_TRACK);
    }

    @Test
    void aDueSoonReminderThatFallsOnASaturdayGoesOutOnMonday() {
        // Imported on Saturday 14 March 2026, due Wednesday the 18th: 临期 at once, but told on Monday.
        ClockUtil.setCurrentTime(Date.from(
                LocalDate.of(2026, 3, 14).atTime(10, 0).atZone(BEIJING).toInstant()));
        dispatchDue(LocalDate.of(2026, 3, 18), null, null);
        assertThat(state().state()).isEqualTo(SupervisionState.DUE_SOON);
        assertThat(reminders()).isEmpty();

        checkOn(LocalDate.of(2026, 3, 15));
        assertThat(reminders()).as("nor on Sunday").isEmpty();

        checkOn(LocalDate.of(2026, 3, 16));
        checkOn(LocalDate.of(2026, 3, 17));
        assertThat(reminders())
                .as("once, on Monday")
                .containsExactly("2026-03-16 DUE_SOON 临期提醒：距完成时限（2026年3月18日）还有2个工作日");
    }

    @Test
    void onASaturdayThatIsAnAdjustedWorkingDayTheReminderGoesOutThatDay() {
        // Saturday 10 October 2026 is a working day (国庆节调休).
        ClockUtil.setCurrentTime(Date.from(
                LocalDate.of(2026, 10, 10).atTime(10, 0).atZone(BEIJING).toInstant()));
        dispatchDue(LocalDate.of(2026, 10, 14), null, null);

        checkOn(LocalDate.of(2026, 10, 11));
        checkOn(LocalDate.of(2026, 10, 12));
        assertThat(reminders()).containsExactly("2026-10-10 DUE_SOON 临期提醒：距完成时限（2026年10月14日）还有3个工作日");
    }

    @Test
    void overdueRemindersComeEveryFifthWorkingDayOnlyOnWorkingDaysAndNeverTwice() {
        // Due Wednesday 1 April 2026; 清明节 4–6 April and 劳动节 1–5 May are off, Saturday 9 May works. The 20th
        // working day overdue is Thursday 30 April, the last before five days off: no reminder again on those.
        ClockUtil.setCurrentTime(
                Date.from(LocalDate.of(2026, 3, 2).atTime(10, 0).atZone(BEIJING).toInstant()));
        dispatchDue(LocalDate.of(2026, 4, 1), null, null);

        for (LocalDate day = LocalDate.of(2026, 4, 2); !day.isAfter(LocalDate.of(2026, 5, 11)); day = day.plusDays(1)) {
            checkOn(day);
        }

        assertThat(reminders())
                .containsExactly(
                        "2026-04-09 OVERDUE_REMINDER 逾期提醒：已逾期5个工作日",
                        "2026-04-16 OVERDUE_REMINDER 逾期提醒：已逾期10个工作日",
                        "2026-04-23 OVERDUE_REMINDER 逾期提醒：已逾期15个工作日",
                        "2026-04-30 OVERDUE_REMINDER 逾期提醒：已逾期20个工作日",
                        "2026-05-11 OVERDUE_REMINDER 逾期提醒：已逾期25个工作日");
        assertThat(state().workingDaysOverdue()).isEqualTo(25);
    }

    @Test
    void aPlanSetsItsOwnCadenceInWorkingDays() {
        ClockUtil.setCurrentTime(
                Date.from(LocalDate.of(2026, 3, 2).atTime(10, 0).atZone(BEIJING).toInstant()));
        dispatchDue(LocalDate.of(2026, 3, 20), 1, 2);
        assertThat(runtimeService.getVariable(instanceId, "overdueReminderWorkingDays"))
                .isEqualTo(2);

        checkOn(LocalDate.of(2026, 3, 18));
        assertThat(state().state())
                .as("2 working days left, the plan warns at 1")
                .isEqualTo(SupervisionState.ON_TRACK);
        checkOn(LocalDate.of(2026, 3, 19));
        for (LocalDate day = LocalDate.of(2026, 3, 21);
                !day.isAfter(LocalDate.of(2026, 3, 27));
                day = day.plusDays(1)) {
            checkOn(day);
        }

        assertThat(reminders())
                .containsExactly(
                        "2026-03-19 DUE_SOON 临期提醒：距完成时限（2026年3月20日）还有1个工作日",
                        "2026-03-24 OVERDUE_REMINDER 逾期提醒：已逾期2个工作日",
                        "2026-03-26 OVERDUE_REMINDER 逾期提醒：已逾期4个工作日");
    }

    /** The reminders sent, as "day kind reason", day in Beijing. */
    private List<String> reminders() {
        return record.events(code).stream()
                .filter(e -> e.kind() == SupervisionEvent.Kind.DUE_SOON
                        || e.kind() == SupervisionEvent.Kind.OVERDUE_REMINDER)
                .map(e -> e.happenedAt().atZoneSameInstant(BEIJING).toLocalDate() + " " + e.kind() + " " + e.reason())
                .toList();
    }

    private void dispatchDue(LocalDate deadline, Integer dueSoonWorkingDays, Integer overdueReminderWorkingDays) {
        code = Orders.freshCode("DL");
        instanceId = dispatcher.dispatch(new TaskDispatchOrder(
                "TEST-PLAN",
                "测试计划",
                code,
                null,
                "开展土壤污染状况详查",
                "开展全州土壤污染状况详查。",
                List.of(Orders.ECOLOGY),
                List.of(),
                List.of(),
                deadline,
                ReportCycle.QUARTERLY,
                false,
                dueSoonWorkingDays,
                overdueReminderWorkingDays));
    }

    private void dispatch(List<cn.duban.identity.Unit> supportUnits) {
        code = Orders.freshCode("DL");
        instanceId = dispatcher.dispatch(Orders.order(code, List.of(Orders.ECOLOGY), supportUnits));
    }

    /** Moves the engine's clock to 09:00 Beijing time of {@code day} and runs the daily sweep (每日督办检查) on the task. */
    private void checkOn(LocalDate day) {
        sweep.on(day, code);
    }

    private TaskSupervision state() {
        return record.find(code).orElseThrow();
    }
}
