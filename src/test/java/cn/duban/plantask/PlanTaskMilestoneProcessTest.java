package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskProcess.REPORT_MILESTONE;
import static cn.duban.plantask.PlanTaskProcess.REPORT_RESULT;
import static cn.duban.plantask.PlanTaskProcess.VERIFY_RESULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.supervision.SupervisionEvent;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.support.DubanTest;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.taskform.SubmissionRejectedException;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task with dated commitments (到2029年6月底…；到2030年底…), a start date (2029年6月28日起) and a quantified target
 * (秸秆综合利用率达到90%以上): the lead reports the milestone by its own date, reminded no earlier than the start, and
 * reports the target with its result.
 */
@DubanTest
class PlanTaskMilestoneProcessTest {

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
    SupervisionRecord supervisionRecord;

    @Autowired
    MilestoneReports milestoneReports;

    @Autowired
    Jobs jobs;

    @Autowired
    cn.duban.support.TestUsers users;

    private String code;
    private String instanceId;

    @BeforeEach
    void dispatchAndSign() {
        code = Orders.freshCode("MILE");
        instanceId = dispatcher.dispatch(new TaskDispatchOrder(
                "TEST-PLAN",
                "测试计划",
                code,
                "一、测试",
                "推进秸秆综合利用",
                "到2029年6月底，建成秸秆收储点30个；到2030年底，秸秆综合利用率达到90%以上。",
                List.of(Orders.AGRICULTURE),
                List.of(),
                List.of(),
                Orders.DEADLINE,
                ReportCycle.QUARTERLY,
                false,
                null,
                null,
                LocalDate.of(2029, 6, 28),
                List.of(
                        new TaskDispatchOrder.Milestone(LocalDate.of(2029, 6, 30), "到2029年6月底，建成秸秆收储点30个"),
                        new TaskDispatchOrder.Milestone(Orders.DEADLINE, "到2030年底，秸秆综合利用率达到90%以上")),
                List.of("秸秆综合利用率达到90%以上")));
        Task claim = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        taskService.claim(claim.getId(), users.member("milestone-officer", Orders.AGRICULTURE.id()));
        taskService.complete(claim.getId(), Map.of("responsiblePerson", "李娜", "contactPhone", "0994-2345678"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachMilestoneBeforeTheDeadlineIsReportedByItsOwnDateAndRemindedNotBeforeTheStart() {
        List<Task> milestones = tasks(REPORT_MILESTONE);
        assertThat(milestones)
                .as("the last commitment is the task's own result")
                .hasSize(1);
        Task milestone = milestones.get(0);
        assertThat(milestone.getAssignee()).isEqualTo("milestone-officer");
        assertThat(milestone.getDueDate())
                .isEqualTo(at(LocalDate.of(2029, 6, 30).atTime(23, 59, 59)));
        assertThat(taskService.getVariable(milestone.getId(), "milestone"))
                .isEqualTo("2029年6月30日前：到2029年6月底，建成秸秆收储点30个");
        assertThat(managementService
                        .createJobQuery()
                        .activityId("BoundaryEvent_MilestoneDueSoon")
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getDuedate())
                .as("3 working days before 30 June 2029 is 26 June, before the task starts on 28 June")
                .isEqualTo(at(LocalDate.of(2029, 6, 28).atTime(9, 0)));

        ClockUtil.setCurrentTime(at(LocalDate.of(2029, 6, 27).atTime(9, 0)));
        jobs.executeAll(instanceId);
        assertThat(milestoneReminders()).isEmpty();

        ClockUtil.setCurrentTime(at(LocalDate.of(2029, 6, 28).atTime(9, 1)));
        jobs.executeAll(instanceId);
        assertThat(milestoneReminders()).containsExactly("阶段性目标临近：2029年6月30日前：到2029年6月底，建成秸秆收储点30个，请按时报送阶段性成果");

        taskService.complete(milestone.getId(), Map.of("milestoneResult", "已建成秸秆收储点32个"));
        jobs.executeAll(instanceId);
        assertThat(milestoneReports.of(code))
                .extracting(MilestoneReports.MilestoneReport::due, MilestoneReports.MilestoneReport::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2029, 6, 30), "已建成秸秆收储点32个"));
        assertThat(tasks(REPORT_RESULT)).hasSize(1);
    }

    @Test
    void theLeadReportsEachTargetWithItsResult() {
        taskService.complete(tasks(REPORT_MILESTONE).get(0).getId(), Map.of("milestoneResult", "已建成秸秆收储点32个"));
        jobs.executeAll(instanceId);
        Task report = tasks(REPORT_RESULT).get(0);
        assertThat(taskService.getVariable(report.getId(), "targetsText")).isEqualTo("秸秆综合利用率达到90%以上");

        assertThatThrownBy(() -> taskService.complete(
                        report.getId(), Map.of("resultDescription", "秸秆综合利用工作全面完成", "evidence", "验收报告")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("目标完成情况");
        taskService.complete(
                report.getId(),
                Map.of("resultDescription", "秸秆综合利用工作全面完成", "evidence", "验收报告", "targetResults", "秸秆综合利用率：达到91.5%"));
        assertThat(tasks(VERIFY_RESULT)).hasSize(1);
        assertThat(runtimeService.getVariable(instanceId, "targetResults")).isEqualTo("秸秆综合利用率：达到91.5%");
    }

    private List<String> milestoneReminders() {
        return supervisionRecord.events(code).stream()
                .filter(event -> event.kind() == SupervisionEvent.Kind.DUE_SOON)
                .map(SupervisionEvent::reason)
                .filter(reason -> reason.startsWith("阶段性目标"))
                .toList();
    }

    private List<Task> tasks(String key) {
        return taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(key)
                .list();
    }

    private static Date at(LocalDateTime time) {
        return Date.from(time.atZone(BEIJING).toInstant());
    }
}
