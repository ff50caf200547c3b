package cn.duban.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.support.DubanTest;
import cn.duban.support.Jobs;
import cn.duban.support.TestUsers;
import cn.duban.taskform.SubmissionRejectedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * indicator-report on the engine and the database: naming a lead unit starts the reporting, only that unit sees and
 * completes the task, every value is checked and kept, the next round comes on the plan's cycle, the first report
 * after the period ends it, and naming another unit or withdrawing ends the first unit's reporting.
 */
@DubanTest
class IndicatorReportProcessTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String AGRICULTURE = "agriculture-rural";
    private static final String ECOLOGY = "ecology-environment";
    private static final int FILM = 6;

    @Autowired
    IndicatorPlans plans;

    @Autowired
    IndicatorAssignments assignments;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    IdentityService identityService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TestUsers users;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    private long film;
    private String agricultureUser;
    private String financeUser;

    @BeforeEach
    void aFiveYearPlanInMay2023() {
        setClock(LocalDateTime.of(2023, 5, 10, 10, 0));
        film = plans.indicatorIds(plans.fiveYearPlan()).get(FILM);
        agricultureUser = users.member("ind-agriculture", AGRICULTURE);
        financeUser = users.member("ind-finance", "finance");
    }

    @AfterEach
    void resetClockAndLogOut() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void namingALeadUnitStartsItsReportingAndItsUserReportsThroughTheEngine() {
        assignments.assign(film, AGRICULTURE, "office");

        identityService.setAuthentication(agricultureUser, List.of(AGRICULTURE));
        Task task = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(String.valueOf(film))
                .singleResult();
        assertThat(task.getName()).isEqualTo("报送指标值：废弃农膜回收利用率");
        assertThat(candidateGroups(task)).containsExactly(AGRICULTURE);
        assertThat(task.getDueDate())
                .as("5 working days after Wednesday 10 May 2023")
                .isEqualTo(Date.from(LocalDate.of(2023, 5, 17)
                        .atTime(23, 59, 59)
                        .atZone(BEIJING)
                        .toInstant()));
        Map<String, Object> shown = taskService.getVariables(task.getId());
        assertThat(shown)
                .containsEntry("indicatorName", "废弃农膜回收利用率")
                .containsEntry("planTitle", IndicatorPlans.TITLE)
                .containsEntry("baselineText", "80%")
                .containsEntry("target", "≥85%")
                .containsEntry("unitText", "%")
                .containsEntry("bindingText", "预期性")
                .containsEntry("periodText", "2021—2025年")
                .containsEntry("leadUnitNames", "州农业农村局")
                .containsEntry("reportCycleText", "每季度");

        taskService.claim(task.getId(), agricultureUser);
        taskService.complete(task.getId(), report(83.5, "2023-03-31", "全州回收农膜2.1万吨"));

        identityService.clearAuthentication();
        assertThat(jdbc.sql("""
                        select value, as_of, note, unit_id, reported_by from duban.indicator_value
                        where indicator_id = ?""")
                        .param(film)
                        .query((rs, row) -> List.of(
                                rs.getBigDecimal(1),
                                rs.getObject(2, LocalDate.class),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5)))
                        .single())
                .containsExactly(
                        new BigDecimal("83.5000"),
                        LocalDate.of(2023, 3, 31),
                        "全州回收农膜2.1万吨",
                        AGRICULTURE,
                        agricultureUser);
        ProcessInstance instance = running(film);
        assertThat(runtimeService.getActiveActivityIds(instance.getId()))
                .containsExactly(IndicatorReportProcess.NEXT_ROUND);
        assertThat(runtimeService.getVariable(instance.getId(), "lastReport"))
                .isEqualTo("83.5%（统计截至2023年3月31日）：全州回收农膜2.1万吨");
        assertThat(runtimeService.getVariable(instance.getId(), "indicatorValue"))
                .as("the form's fields stay local")
                .isNull();
    }

    @Test
    void anotherUnitNeitherSeesNorCompletesTheTask() {
        assignments.assign(film, AGRICULTURE, "office");
        Task task = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(String.valueOf(film))
                .singleResult();

        identityService.setAuthentication(financeUser, List.of("finance"));
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(String.valueOf(film))
                        .count())
                .isZero();
        assertThatThrownBy(() -> taskService.complete(task.getId(), report(90, "2023-03-31", null)))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.claim(task.getId(), financeUser))
                .isInstanceOf(AuthorizationException.class);

        identityService.clearAuthentication();
        assertThat(plans.valueCount(film)).isZero();
        assertThat(taskService
                        .createTaskQuery()
                        .taskId(task.getId())
                        .singleResult()
                        .getAssignee())
                .isNull();
    }

    @Test
    void aBadValueIsRefusedInChineseAndNothingIsKept() {
        assignments.assign(film, AGRICULTURE, "office");
        identityService.setAuthentication(agricultureUser, List.of(AGRICULTURE));
        Task task = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(String.valueOf(film))
                .singleResult();

        Map<Map<String, Object>, String> refused = new java.util.LinkedHashMap<>();
        refused.put(report(null, "2023-03-31", null), "请填写“本期数值”");
        refused.put(report("八十五", "2023-03-31", null), "“本期数值”应为数字，如98.5（不带单位）");
        refused.put(report("85%", "2023-03-31", null), "“本期数值”应为数字，如98.5（不带单位）");
        refused.put(report(120, "2023-03-31", null), "“本期数值”是百分比，应在0至100之间");
        refused.put(report(-1, "2023-03-31", null), "“本期数值”是百分比，应在0至100之间");
        refused.put(report(Double.NaN, "2023-03-31", null), "“本期数值”应为数字，如98.5（不带单位）");
        refused.put(report(85, null, null), "请填写“统计截至日期”");
        refused.put(report(85, "2023年3月31日", null), "“统计截至日期”格式不正确，应如 2025-12-31");
        refused.put(report(85, "2023-05-11", null), "“统计截至日期”不能晚于今天（2023年5月10日）");
        refused.put(report(85, "2020-12-31", null), "“统计截至日期”不能早于规划期开始（2021年1月1日）");
        refused.put(report(85, "2023-03-31", "很".repeat(2001)), "“说明及佐证”不能超过2000个字");
        refused.forEach((variables, reason) -> assertThatThrownBy(() -> taskService.complete(task.getId(), variables))
                .as(reason)
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining(reason));

        identityService.clearAuthentication();
        assertThat(plans.valueCount(film)).isZero();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count())
                .as("the task stays open")
                .isOne();
    }

    @Test
    void theNextRoundComesOnThePlansCycle() {
        ProcessInstance instance = startAndReport(film, AGRICULTURE, 82, "2023-03-31");
        Job timer = managementService
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .singleResult();
        assertThat(timer.getDuedate())
                .as("quarterly: 9:00 on 1 July")
                .isEqualTo(Date.from(
                        LocalDate.of(2023, 7, 1).atTime(9, 0).atZone(BEIJING).toInstant()));

        setClock(LocalDateTime.of(2023, 6, 30, 18, 0));
        assertThat(jobs.executeAll(instance.getId())).as("not yet due").isZero();
        setClock(LocalDateTime.of(2023, 7, 1, 9, 30));
        assertThat(jobs.executeAll(instance.getId())).isOne();

        Task second = taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(second.getTaskDefinitionKey()).isEqualTo(IndicatorReportProcess.REPORT_VALUE);
        assertThat(taskService.getVariable(second.getId(), "lastReport")).isEqualTo("82%（统计截至2023年3月31日）");
        assertThat(taskService.getVariable(second.getId(), "indicatorValue"))
                .as("a fresh form each round")
                .isNull();
        taskService.complete(second.getId(), report(83, "2023-06-30", null));
        assertThat(plans.valueCount(film)).isEqualTo(2);
    }

    @Test
    void theFirstReportAfterThePeriodIsOverEndsTheReporting() {
        setClock(LocalDateTime.of(2025, 11, 15, 10, 0));
        ProcessInstance instance = startAndReport(film, AGRICULTURE, 84, "2025-09-30");

        setClock(LocalDateTime.of(2026, 1, 1, 9, 30));
        jobs.executeAll(instance.getId());
        Task last = taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        taskService.complete(last.getId(), report(85.2, "2025-12-31", "2025年末值"));

        assertThat(endedAt(instance.getId(), IndicatorReportProcess.PERIOD_OVER))
                .isTrue();
        assertThat(plans.valueCount(film)).isEqualTo(2);
    }

    @Test
    void anotherLeadUnitEndsTheFirstUnitsReportingAndStartsItsOwn() {
        ProcessInstance first = startAndReport(film, ECOLOGY, 82, "2023-03-31");

        assertThat(assignments.assign(film, "州农业农村局", "office").leadUnitId()).isEqualTo(AGRICULTURE);

        assertThat(endedAt(first.getId(), IndicatorReportProcess.REPORTING_WITHDRAWN))
                .isTrue();
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(first.getId())
                        .variableName("withdrawReason")
                        .singleResult()
                        .getValue())
                .isEqualTo("牵头单位调整为州农业农村局");
        ProcessInstance second = running(film);
        Task task =
                taskService.createTaskQuery().processInstanceId(second.getId()).singleResult();
        assertThat(candidateGroups(task)).containsExactly(AGRICULTURE);
        assertThat(taskService.getVariable(task.getId(), "leadUnitNames")).isEqualTo("州农业农村局");

        assignments.assign(film, AGRICULTURE, "office");
        assertThat(running(film).getId())
                .as("the same unit again changes nothing")
                .isEqualTo(second.getId());

        assignments.withdraw(film);
        assertThat(running(film)).isNull();
        assertThat(endedAt(second.getId(), IndicatorReportProcess.REPORTING_WITHDRAWN))
                .isTrue();
        assertThat(jdbc.sql("select count(*) from duban.indicator_assignment where indicator_id = ?")
                        .param(film)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private ProcessInstance startAndReport(long indicator, String unit, double value, String asOf) {
        assignments.assign(indicator, unit, "office");
        ProcessInstance instance = running(indicator);
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        taskService.complete(task.getId(), report(value, asOf, null));
        return instance;
    }

    private boolean endedAt(String instanceId, String endEventId) {
        HistoricProcessInstance instance = historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instanceId)
                .singleResult();
        return instance.getEndTime() != null
                && historyService
                                .createHistoricActivityInstanceQuery()
                                .processInstanceId(instanceId)
                                .activityId(endEventId)
                                .finished()
                                .count()
                        == 1;
    }

    private ProcessInstance running(long indicator) {
        return runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(IndicatorReportProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(indicator))
                .singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(id -> id != null)
                .toList();
    }

    private static Map<String, Object> report(Object value, String asOf, String note) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("indicatorValue", value);
        variables.put("asOfDate", asOf);
        variables.put("valueNote", note);
        return variables;
    }

    private static void setClock(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(BEIJING).toInstant()));
    }
}
