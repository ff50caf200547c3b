package cn.duban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.DubanGroups;
import cn.duban.plantask.PlanTaskProcess;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The task page's timeline as the office reads it: one row per event with its content: each contribution once, the
 * reported text, the inspection's conclusion and findings, the leader's reason for returning the result.
 */
@DubanTest
class TimelineIT {

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    Jobs jobs;

    @Autowired
    WorkingDayCalendar calendar;

    @Test
    void theTimelineShowsEachStepOnceWithWhatWasReportedAndDecided() {
        String lead = users.member("timeline-lead", Orders.ECOLOGY.id());
        String support = users.member("timeline-support", Orders.FINANCE.id());
        String office = users.member("timeline-office", DubanGroups.SUPERVISION_OFFICE);
        String leader = users.member("timeline-leader", DubanGroups.LEADERS);
        String code = Orders.freshCode("TL");
        String instance = dispatcher.dispatch(Orders.ecologyLeads(code));

        complete(
                instance,
                PlanTaskProcess.CLAIM_TASK,
                lead,
                Map.of("claimDecision", "sign", "responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        complete(
                instance,
                PlanTaskProcess.CONTRIBUTE,
                support,
                Map.of("contributionDecision", "contribute", "contribution", "已安排详查经费200万元"));
        jobs.executeAll(instance);
        complete(
                instance,
                PlanTaskProcess.REPORT_RESULT,
                lead,
                Map.of("resultDescription", "已完成全州土壤详查", "evidence", "详查报告.pdf"));
        complete(
                instance,
                PlanTaskProcess.VERIFY_RESULT,
                office,
                Map.of(
                        "inspectionDecision",
                        "rectify",
                        "inspectionOpinion",
                        "缺少点位监测数据",
                        "rectificationDeadline",
                        "2030-06-30"));
        complete(
                instance,
                PlanTaskProcess.REPORT_RESULT,
                lead,
                Map.of("resultDescription", "已补充点位监测数据", "evidence", "监测数据.xlsx"));
        complete(instance, PlanTaskProcess.VERIFY_RESULT, office, Map.of("inspectionDecision", "pass"));
        complete(
                instance,
                PlanTaskProcess.APPROVE_CLOSURE,
                leader,
                Map.of("closureDecision", "return", "closureOpinion", "成效数据不完整"));

        JsonNode dossier =
                Http.as(rest, office).get("/api/dashboard/tasks/" + code).json();
        List<String> lines = new ArrayList<>();
        dossier.path("timeline")
                .forEach(entry -> lines.add(entry.path("title").asText() + "|"
                        + entry.path("detail").asText()));

        assertThat(lines.stream().filter(line -> line.contains("已安排详查经费200万元")))
                .as(lines.toString())
                .hasSize(1);
        assertThat(lines.stream().filter(line -> line.startsWith("配合办理|")))
                .as("no bare duplicate")
                .isEmpty();
        assertThat(lines)
                .as(lines.toString())
                .anyMatch(line -> line.contains("办理情况：已完成全州土壤详查") && line.contains("详查报告.pdf"))
                .anyMatch(line -> line.contains("办理情况：已补充点位监测数据"))
                .anyMatch(
                        line -> line.contains("核验结论：限期整改") && line.contains("缺少点位监测数据") && line.contains("2030-06-30"))
                .anyMatch(line -> line.contains("核验结论：核验通过"))
                .anyMatch(line -> line.contains("退回理由：成效数据不完整"))
                .anyMatch(line -> line.contains("责任人：张伟"));
    }

    @Test
    void aTaskClosedLateKeepsTheWorkingDaysItWasOverdue() {
        String lead = users.member("timeline-lead", Orders.ECOLOGY.id());
        String office = users.member("timeline-office", DubanGroups.SUPERVISION_OFFICE);
        String leader = users.member("timeline-leader", DubanGroups.LEADERS);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate deadline = today.minusMonths(2);
        String code = Orders.freshCode("TLLATE");
        String instance = dispatcher.dispatch(new TaskDispatchOrder(
                "TEST-PLAN",
                "测试计划",
                code,
                null,
                "迟交的任务",
                "迟交的任务内容。",
                List.of(Orders.ECOLOGY),
                List.of(),
                List.of(),
                deadline,
                ReportCycle.QUARTERLY));
        complete(
                instance,
                PlanTaskProcess.CLAIM_TASK,
                lead,
                Map.of("claimDecision", "sign", "responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        complete(
                instance,
                PlanTaskProcess.REPORT_RESULT,
                lead,
                Map.of("resultDescription", "迟交的结果", "evidence", "报告.pdf"));
        complete(instance, PlanTaskProcess.VERIFY_RESULT, office, Map.of("inspectionDecision", "pass"));
        complete(instance, PlanTaskProcess.APPROVE_CLOSURE, leader, Map.of("closureDecision", "approve"));

        JsonNode dossier =
                Http.as(rest, office).get("/api/dashboard/tasks/" + code).json();
        assertThat(dossier.path("stateName").asText()).isEqualTo("已销号");
        assertThat(dossier.path("workingDaysOverdue").asInt())
                .isEqualTo(calendar.workingDaysBetween(deadline, today))
                .isPositive();
    }

    private void complete(String instance, String step, String user, Map<String, Object> values) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey(step)
                .singleResult();
        assertThat(task).as(step).isNotNull();
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), values);
        jobs.executeAll(instance);
    }
}
