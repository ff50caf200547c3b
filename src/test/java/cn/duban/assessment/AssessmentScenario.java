package cn.duban.assessment;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.DubanGroups;
import cn.duban.identity.Unit;
import cn.duban.support.DailySupervisionRun;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.stereotype.Component;

/**
 * A known assessment year, 2031 (no holidays stored: Monday to Friday are the working days), of five tasks in one
 * plan brought through the workflow on the engine's clock; the expected scores are worked out by hand in
 * {@link AssessmentIT}.
 *
 * <pre>
 * E1 生态环境局  due 2031-03-31  closed on time (2031-03-20)
 * E2 生态环境局  due 2031-06-30  closed on time (2031-06-20)
 * G1 农业农村局  due 2031-02-28  overdue at the check of 2031-03-07, urged once, closed late on 2031-03-10 (6 working days)
 * F1 财政局      due 2031-09-30  implemented by 昌吉市 and 奇台县; overdue at the check of 2031-10-03, urged twice,
 *                                never reported (66 working days late by 2031-12-31)
 * F2 财政局      due 2031-06-30  the progress round of 2031-04-01 not reported (逾期未报); reported 2031-06-20,
 *                                inspection ordered rectification by 2031-12-31, still rectifying at the year's end
 * </pre>
 */
@Component
class AssessmentScenario {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final int YEAR = 2031;
    static final String PERFORMANCE_USER = "assess-performance";
    static final String LEADER_USER = "assess-leader";
    static final String FINANCE_USER = "assess-finance";
    static final String ECOLOGY_USER = "assess-ecology";
    static final String OTHER_UNIT_USER = "assess-health";

    private final PlanTaskDispatcher dispatcher;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final TestUsers users;
    private final DailySupervisionRun sweep;

    final Map<String, String> instances = new LinkedHashMap<>();
    String planCode;

    AssessmentScenario(
            PlanTaskDispatcher dispatcher,
            TaskService taskService,
            ManagementService managementService,
            TestUsers users,
            DailySupervisionRun sweep) {
        this.dispatcher = dispatcher;
        this.taskService = taskService;
        this.managementService = managementService;
        this.users = users;
        this.sweep = sweep;
    }

    synchronized String build(TestRestTemplate rest) {
        if (planCode != null) {
            return planCode;
        }
        users.member(PERFORMANCE_USER, AssessmentController.PERFORMANCE_OFFICE);
        users.member(LEADER_USER, DubanGroups.LEADERS);
        users.member(FINANCE_USER, Orders.FINANCE.id());
        users.member(ECOLOGY_USER, Orders.ECOLOGY.id());
        users.member(OTHER_UNIT_USER, "health");
        users.member("assess-office", DubanGroups.SUPERVISION_OFFICE);
        planCode = Orders.freshCode("ASSESS");
        try {
            at(LocalDate.of(2031, 1, 6));
            dispatch("E1", Orders.ECOLOGY, List.of(), LocalDate.of(2031, 3, 31));
            dispatch("E2", Orders.ECOLOGY, List.of(), LocalDate.of(2031, 6, 30));
            dispatch("G1", Orders.AGRICULTURE, List.of(), LocalDate.of(2031, 2, 28));
            dispatch(
                    "F1", Orders.FINANCE, List.of(Orders.CHANGJI_CITY, Orders.QITAI_COUNTY), LocalDate.of(2031, 9, 30));
            dispatch("F2", Orders.FINANCE, List.of(), LocalDate.of(2031, 6, 30));

            at(LocalDate.of(2031, 3, 7));
            dailyCheck("G1");
            urge(rest, "G1", "请尽快办结");
            at(LocalDate.of(2031, 3, 10));
            report("G1");
            pass("G1");
            at(LocalDate.of(2031, 3, 20));
            report("E1");
            pass("E1");

            at(LocalDate.of(2031, 4, 1));
            timer("F2", "StartEvent_ProgressReportDue");
            at(LocalDate.of(2031, 4, 15));
            timer("F2", "BoundaryEvent_ProgressReportMissed");

            at(LocalDate.of(2031, 6, 20));
            report("E2");
            pass("E2");
            report("F2");
            complete(
                    "F2",
                    "UserTask_VerifyResult",
                    Map.of(
                            "inspectionDecision",
                            "rectify",
                            "inspectionOpinion",
                            "缺少资金拨付凭证",
                            "rectificationDeadline",
                            "2031-12-31"));

            at(LocalDate.of(2031, 10, 3));
            dailyCheck("F1");
            urge(rest, "F1", "已逾期，请抓紧办理");
            urge(rest, "F1", "再次催办，请本周内报送");
        } finally {
            ClockUtil.reset();
        }
        return planCode;
    }

    String code(String task) {
        return planCode + "-" + task;
    }

    private void dispatch(String task, Unit lead, List<Unit> implementers, LocalDate deadline) {
        instances.put(
                task,
                dispatcher.dispatch(new TaskDispatchOrder(
                        planCode,
                        "考核测试计划",
                        code(task),
                        "一、测试",
                        "任务" + task,
                        "任务" + task + "的内容。",
                        List.of(lead),
                        List.of(),
                        implementers,
                        deadline,
                        ReportCycle.QUARTERLY)));
    }

    private void report(String task) {
        complete(task, "UserTask_ClaimTask", Map.of("responsiblePerson", "李明", "contactPhone", "0994-2345678"));
        complete(task, "UserTask_ReportResult", Map.of("resultDescription", "已完成", "evidence", "验收报告.pdf"));
    }

    private void pass(String task) {
        complete(task, "UserTask_VerifyResult", Map.of("inspectionDecision", "pass"));
        complete(task, "UserTask_ApproveClosure", Map.of("closureDecision", "approve"));
    }

    private void complete(String task, String activity, Map<String, Object> variables) {
        Task open = taskService
                .createTaskQuery()
                .processInstanceId(instances.get(task))
                .taskDefinitionKey(activity)
                .singleResult();
        if (open == null) {
            throw new AssertionError(task + " has no open " + activity + ": "
                    + taskService
                            .createTaskQuery()
                            .processInstanceId(instances.get(task))
                            .list());
        }
        taskService.complete(open.getId(), variables);
    }

    private void urge(TestRestTemplate rest, String task, String message) {
        Http.Response urged = Http.as(rest, "assess-office")
                .postJson("/api/plan-tasks/" + code(task) + "/urges", Map.of("message", message));
        if (urged.status() != 200) {
            throw new AssertionError("urge refused: " + urged);
        }
    }

    private void dailyCheck(String task) {
        sweep.now(code(task));
    }

    private void timer(String task, String activity) {
        List<Job> timers = managementService
                .createJobQuery()
                .processInstanceId(instances.get(task))
                .timers()
                .activityId(activity)
                .list();
        if (timers.isEmpty()) {
            throw new AssertionError(task + " has no timer " + activity);
        }
        managementService.executeJob(timers.get(0).getId());
    }

    static void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(BEIJING).toInstant()));
    }
}
