package cn.duban.dashboard;

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
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.stereotype.Component;

/**
 * A known set of eight tasks in one plan, brought through the workflow on the engine's clock, whose dashboard figures
 * the tests work out by hand. 2030–31 have no holidays stored, so Monday to Friday are the working days.
 *
 * <pre>
 * T1 生态环境局  due 2031-06-30  on track
 * T2 生态环境局  due 2031-01-16  due soon (1 working day left on 2031-01-15)
 * T3 农业农村局  due 2030-12-30  overdue 12 working days, urged once before the check → 预警
 * T4 财政局      due 2031-01-13  overdue 2 working days → 提醒; urged once from the dashboard afterwards
 * T5 生态环境局  due 2031-06-30  closed on time on 2031-01-15
 * T6 农业农村局  due 2031-01-06  overdue on 2031-01-08 (→ 提醒), closed late on 2031-01-15 (7 working days)
 * T7 生态环境局  due 2031-06-30  reported, inspection ordered rectification by 2031-02-28 → 整改中
 * T8 财政局      due 2031-06-30  reported → 待核验销号
 * </pre>
 */
@Component
class DashboardScenario {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2031, 1, 15);
    static final String LEAD_USER = "dash-ecology";
    static final String OFFICE_USER = "dash-office";
    static final String LEADER_USER = "dash-leader";
    static final String UNIT_USER = "dash-finance";

    private final PlanTaskDispatcher dispatcher;
    private final TaskService taskService;
    private final TestUsers users;
    private final DailySupervisionRun sweep;

    final Map<String, String> instances = new LinkedHashMap<>();
    String planCode;

    DashboardScenario(
            PlanTaskDispatcher dispatcher, TaskService taskService, TestUsers users, DailySupervisionRun sweep) {
        this.dispatcher = dispatcher;
        this.taskService = taskService;
        this.users = users;
        this.sweep = sweep;
    }

    /** Builds the set once; later calls return the same plan. */
    synchronized String build(TestRestTemplate rest) {
        if (planCode != null) {
            return planCode;
        }
        users.member(LEAD_USER, Orders.ECOLOGY.id());
        users.member(OFFICE_USER, DubanGroups.SUPERVISION_OFFICE);
        users.member(LEADER_USER, DubanGroups.LEADERS);
        users.member(UNIT_USER, Orders.FINANCE.id());
        planCode = Orders.freshCode("DASH");
        try {
            at(LocalDate.of(2030, 12, 1));
            dispatch("T1", Orders.ECOLOGY, LocalDate.of(2031, 6, 30));
            dispatch("T2", Orders.ECOLOGY, LocalDate.of(2031, 1, 16));
            dispatch("T3", Orders.AGRICULTURE, LocalDate.of(2030, 12, 30));
            dispatch("T4", Orders.FINANCE, LocalDate.of(2031, 1, 13));
            dispatch("T5", Orders.ECOLOGY, LocalDate.of(2031, 6, 30));
            dispatch("T6", Orders.AGRICULTURE, LocalDate.of(2031, 1, 6));
            dispatch("T7", Orders.ECOLOGY, LocalDate.of(2031, 6, 30));
            dispatch("T8", Orders.FINANCE, LocalDate.of(2031, 6, 30));

            at(LocalDate.of(2031, 1, 8));
            dailyCheck("T6");

            at(TODAY);
            urge(rest, "T3", "请于本周内报送");
            report("T5");
            pass("T5");
            report("T6");
            pass("T6");
            report("T7");
            complete(
                    "T7",
                    Map.of(
                            "inspectionDecision",
                            "rectify",
                            "inspectionOpinion",
                            "缺少验收报告",
                            "rectificationDeadline",
                            "2031-02-28"));
            report("T8");
            instances.keySet().forEach(this::dailyCheck);
            urge(rest, "T4", "已逾期，请尽快办理");
        } finally {
            ClockUtil.reset();
        }
        return planCode;
    }

    String code(String task) {
        return planCode + "-" + task;
    }

    private void dispatch(String task, Unit lead, LocalDate deadline) {
        instances.put(
                task,
                dispatcher.dispatch(new TaskDispatchOrder(
                        planCode,
                        "看板测试计划",
                        code(task),
                        "一、测试",
                        "任务" + task,
                        "任务" + task + "的内容。",
                        List.of(lead),
                        List.of(),
                        List.of(),
                        deadline,
                        ReportCycle.QUARTERLY)));
    }

    private void report(String task) {
        Task claim = open(task);
        if (claim.getTaskDefinitionKey().equals("UserTask_ClaimTask")) {
            if (task.equals("T7")) {
                taskService.claim(claim.getId(), LEAD_USER);
            }
            taskService.complete(claim.getId(), Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        }
        complete(task, Map.of("resultDescription", "已完成", "evidence", "报告.pdf"));
    }

    private void pass(String task) {
        complete(task, Map.of("inspectionDecision", "pass"));
        complete(task, Map.of("closureDecision", "approve"));
    }

    private void complete(String task, Map<String, Object> variables) {
        taskService.complete(open(task).getId(), variables);
    }

    private Task open(String task) {
        return taskService
                .createTaskQuery()
                .processInstanceId(instances.get(task))
                .singleResult();
    }

    private void urge(TestRestTemplate rest, String task, String message) {
        Http.Response urged = Http.as(rest, OFFICE_USER)
                .postJson("/api/plan-tasks/" + code(task) + "/urges", Map.of("message", message));
        if (urged.status() != 200) {
            throw new AssertionError("urge refused: " + urged);
        }
    }

    /** Runs the daily sweep (每日督办检查) on one task at the engine's current time. */
    void dailyCheck(String task) {
        sweep.now(code(task));
    }

    private static void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(BEIJING).toInstant()));
    }
}
