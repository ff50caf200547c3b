package cn.duban.plantask;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No step is born overdue: a support unit's 配合办理 (5 working days before the deadline) and a county's local part
 * (at the deadline) leave the unit at least 3 working days (duban.supervision.minimum-working-days-for-a-step); when
 * the task's deadline is nearer, the step says so and the supervision office is told.
 */
@DubanTest
class PlanTaskMinimumTimeProcessTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    Jobs jobs;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private String officer;

    @BeforeEach
    void aSupervisionOfficer() {
        officer = users.member("minimum-office", DubanGroups.SUPERVISION_OFFICE);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aStepGetsThreeWorkingDaysWhenTheDeadlineIsNearerAndSaysSo() {
        // Signed on Monday 16 March 2026 for a deadline on Wednesday the 18th.
        ClockUtil.setCurrentTime(Date.from(
                LocalDate.of(2026, 3, 16).atTime(10, 0).atZone(BEIJING).toInstant()));
        String code = Orders.freshCode("MIN");
        List<Task> steps = dispatchAndSign(code, LocalDate.of(2026, 3, 18));

        assertThat(steps).hasSize(2).allSatisfy(step -> {
            assertThat(step.getDueDate()).as(step.getTaskDefinitionKey()).isEqualTo(endOf(LocalDate.of(2026, 3, 19)));
            assertThat(step.getDescription())
                    .contains("任务完成时限（2026年3月18日）临近")
                    .contains("为保证至少3个工作日办理时间，本环节办理期限为2026年3月19日");
        });
        assertThat(step(steps, PlanTaskProcess.CONTRIBUTE).getDescription()).contains("原定本环节应于2026年3月11日前完成");
        assertThat(step(steps, PlanTaskProcess.REPORT_LOCAL_PROGRESS).getDescription())
                .contains("原定本环节应于2026年3月18日前完成");
        assertThat(jdbc.sql("""
                        select subject from duban.notification
                        where recipient = ? and channel = 'INBOX' and event_key like 'short-due:%' and body like ?""")
                        .params(officer, "%" + code + "%")
                        .query(String.class)
                        .list())
                .as("the supervision office is told of each step")
                .hasSize(2)
                .containsOnly("【督办】办理时间不足：" + code);
    }

    @Test
    void withTimeEnoughTheStepsKeepTheirUsualDueDatesAndSayNothing() {
        ClockUtil.setCurrentTime(Date.from(
                LocalDate.of(2026, 3, 16).atTime(10, 0).atZone(BEIJING).toInstant()));
        String code = Orders.freshCode("MIN");
        List<Task> steps = dispatchAndSign(code, LocalDate.of(2026, 6, 30));

        // 5 working days before Tuesday 30 June 2026, 端午节 (19–21 June) in between: Tuesday the 23rd.
        assertThat(step(steps, PlanTaskProcess.CONTRIBUTE).getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 6, 23)));
        assertThat(step(steps, PlanTaskProcess.REPORT_LOCAL_PROGRESS).getDueDate())
                .isEqualTo(endOf(LocalDate.of(2026, 6, 30)));
        assertThat(steps).allSatisfy(step -> assertThat(step.getDescription()).doesNotContain("注意"));
        assertThat(jdbc.sql(
                                "select count(*) from duban.notification where body like ? and event_key like 'short-due:%'")
                        .param("%" + code + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private List<Task> dispatchAndSign(String code, LocalDate deadline) {
        String instanceId = dispatcher.dispatch(new TaskDispatchOrder(
                "TEST-PLAN",
                "测试计划",
                code,
                null,
                "开展土壤污染状况详查",
                "开展全州土壤污染状况详查。",
                List.of(Orders.ECOLOGY),
                List.of(Orders.FINANCE),
                List.of(Orders.QITAI_COUNTY),
                deadline,
                ReportCycle.QUARTERLY));
        Task claim = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        taskService.complete(claim.getId(), Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        jobs.executeAll(instanceId);
        return taskService.createTaskQuery().processInstanceId(instanceId).list();
    }

    private static Task step(List<Task> steps, String activityId) {
        return steps.stream()
                .filter(step -> step.getTaskDefinitionKey().equals(activityId))
                .findFirst()
                .orElseThrow();
    }

    private static Date endOf(LocalDate day) {
        return Date.from(day.atTime(23, 59, 59).atZone(BEIJING).toInstant());
    }
}
