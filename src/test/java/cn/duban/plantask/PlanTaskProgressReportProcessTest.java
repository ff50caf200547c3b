package cn.duban.plantask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.supervision.EscalationLevel;
import cn.duban.supervision.SupervisionEvent;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.supervision.SupervisionState;
import cn.duban.support.DailySupervisionRun;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import cn.duban.taskform.SubmissionRejectedException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 进展报送 on the plan's cycle: the lead unit and each county report their part; a missed round counts as overdue. */
@DubanTest
class PlanTaskProgressReportProcessTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    SupervisionRecord record;

    @Autowired
    ProgressReports reports;

    @Autowired
    DailySupervisionRun sweep;

    private String code;
    private String instanceId;

    @BeforeEach
    void dispatchWithACounty() {
        code = Orders.freshCode("PR");
        instanceId = dispatcher.dispatch(
                Orders.order(code, List.of(Orders.ECOLOGY), List.of(), List.of(Orders.QITAI_COUNTY)));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theQuarterAsksTheLeadUnitAndEachCountyAndKeepsWhatTheyReport() {
        runTimer("StartEvent_ProgressReportDue", LocalDate.of(2030, 10, 1));

        List<Task> round = progressTasks();
        assertThat(round)
                .extracting(this::group)
                .containsExactlyInAnyOrder(Orders.ECOLOGY.id(), Orders.QITAI_COUNTY.id());
        assertThat(round)
                .extracting(Task::getDueDate)
                .as("5 working days after Tuesday 1 October 2030")
                .containsOnly(Date.from(LocalDate.of(2030, 10, 8)
                        .atTime(23, 59, 59)
                        .atZone(BEIJING)
                        .toInstant()));

        Task county = round.stream()
                .filter(t -> Orders.QITAI_COUNTY.id().equals(group(t)))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> taskService.complete(county.getId(), Map.of()))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("本期进展");
        taskService.complete(county.getId(), Map.of("progress", "奇台县完成30个点位采样"));

        assertThat(reports.of(code))
                .extracting(ProgressReports.ProgressReport::unitName, ProgressReports.ProgressReport::content)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("奇台县人民政府", "奇台县完成30个点位采样"));
        assertThat(record.events(code))
                .extracting(SupervisionEvent::reason)
                .containsExactly("奇台县人民政府报送进展：奇台县完成30个点位采样");
    }

    @Test
    void aRoundNotInByItsDueDateIsRecordedAndCountsLikeAnOverdueItem() {
        runTimer("StartEvent_ProgressReportDue", LocalDate.of(2030, 10, 1));
        Task county = progressTasks().stream()
                .filter(t -> Orders.QITAI_COUNTY.id().equals(group(t)))
                .findFirst()
                .orElseThrow();
        taskService.complete(county.getId(), Map.of("progress", "奇台县完成采样"));

        runTimer("BoundaryEvent_ProgressReportMissed", LocalDate.of(2030, 10, 9));
        assertThat(record.events(code))
                .extracting(SupervisionEvent::kind, SupervisionEvent::reason)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        SupervisionEvent.Kind.PROGRESS_REPORT_MISSED, "州生态环境局未按期报送进展"));

        sweep.on(LocalDate.of(2030, 10, 10), code);
        assertThat(record.find(code).orElseThrow().state()).isEqualTo(SupervisionState.OVERDUE);
        assertThat(record.find(code).orElseThrow().escalationLevel()).isEqualTo(EscalationLevel.REMINDER);
        assertThat(record.events(code))
                .extracting(SupervisionEvent::reason)
                .contains("进展报送逾期（应于2030年10月8日前报送），按逾期事项督办");
    }

    private List<Task> progressTasks() {
        return taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(PlanTaskProcess.REPORT_PROGRESS)
                .list();
    }

    private String group(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(id -> id != null)
                .findFirst()
                .orElse(null);
    }

    private void runTimer(String activityId, LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 30).atZone(BEIJING).toInstant()));
        managementService.executeJob(managementService
                .createJobQuery()
                .processInstanceId(instanceId)
                .timers()
                .activityId(activityId)
                .singleResult()
                .getId());
    }
}
