package cn.duban.plantask;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.DubanGroups;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.supervision.SupervisionState;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * After signing, the lead unit sees which support and implementing units have done their part, with their texts,
 * and which not yet; a support unit sees where the task stands and its own part; 已办 says where a task stands now;
 * a result reported late keeps its working days overdue.
 */
@DubanTest
class LeadUnitProgressIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    SupervisionRecord record;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    Jobs jobs;

    @Test
    void theLeadUnitSeesWhoHasContributedAndWhoNotYetWithTheirTexts() {
        String lead = users.member("progress-eco", Orders.ECOLOGY.id());
        String finance = users.member("progress-finance", Orders.FINANCE.id());
        String code = Orders.freshCode("PROG");
        String instanceId = dispatcher.dispatch(Orders.order(
                code,
                List.of(Orders.ECOLOGY),
                List.of(Orders.FINANCE, Orders.AGRICULTURE),
                List.of(Orders.QITAI_COUNTY)));
        Http.as(rest, users.member("progress-office", DubanGroups.SUPERVISION_OFFICE))
                .putJson("/api/staff/" + finance, Map.of("name", "赵敏", "position", "经建科科长"));
        complete(
                instanceId,
                PlanTaskProcess.CLAIM_TASK,
                lead,
                Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        Task contribution = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskCandidateGroup(Orders.FINANCE.id())
                .singleResult();
        taskService.claim(contribution.getId(), finance);
        taskService.complete(
                contribution.getId(),
                Map.of(
                        "contributionDecision",
                        "contribute",
                        "contribution",
                        "已安排详查经费120万元",
                        "contributionEvidence",
                        "州财政局拨款文件"));

        JsonNode progress =
                Http.as(rest, lead).get("/api/plan-tasks/" + code + "/progress").json();

        assertThat(progress.path("partsHidden").asBoolean()).isFalse();
        JsonNode supports = progress.path("supportUnits");
        assertThat(supports).hasSize(2);
        assertThat(supports.get(0).path("unitName").asText()).isEqualTo("州财政局");
        assertThat(supports.get(0).path("status").asText()).isEqualTo("已报送");
        assertThat(supports.get(0).path("content").asText()).isEqualTo("已安排详查经费120万元");
        assertThat(supports.get(0).path("evidence").asText()).isEqualTo("州财政局拨款文件");
        assertThat(supports.get(0).path("reportedBy").asText()).isEqualTo("赵敏（州财政局）");
        assertThat(supports.get(1).path("unitName").asText()).isEqualTo("州农业农村局");
        assertThat(supports.get(1).path("status").asText()).isEqualTo("尚未报送");
        JsonNode implementers = progress.path("implementingUnits");
        assertThat(implementers).hasSize(1);
        assertThat(implementers.get(0).path("unitName").asText()).isEqualTo("奇台县人民政府");
        assertThat(implementers.get(0).path("status").asText()).isEqualTo("尚未报送");
        assertThat(progress.path("openSteps").toString()).contains("配合", "待签收");

        JsonNode own = Http.as(rest, finance)
                .get("/api/plan-tasks/" + code + "/progress")
                .json();
        assertThat(own.path("partsHidden").asBoolean()).isTrue();
        assertThat(own.path("supportUnits")).hasSize(1);
        assertThat(own.path("implementingUnits")).isEmpty();
        assertThat(Http.as(rest, users.member("progress-other", Orders.CHANGJI_CITY.id()))
                        .get("/api/plan-tasks/" + code + "/progress")
                        .status())
                .isEqualTo(403);

        JsonNode done = Http.as(rest, lead).get("/api/my/done-tasks").json();
        JsonNode signed = null;
        for (JsonNode task : done) {
            if (code.equals(task.path("taskCode").asText())) {
                signed = task;
            }
        }
        assertThat(signed).as("已办 names the plan task it belongs to").isNotNull();
        assertThat(signed.path("now").asText())
                .startsWith(SupervisionState.ON_TRACK.chineseName() + "：")
                .contains("配合");
    }

    @Test
    void aResultReportedLateKeepsItsWorkingDaysOverdue() {
        String lead = users.member("progress-eco", Orders.ECOLOGY.id());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate deadline = today.minusMonths(1);
        String code = Orders.freshCode("LATE");
        String instanceId = dispatcher.dispatch(new TaskDispatchOrder(
                "TEST-PLAN",
                "测试计划",
                code,
                null,
                "逾期报送的详查任务",
                "开展全州土壤污染状况详查。",
                List.of(Orders.ECOLOGY),
                List.of(),
                List.of(),
                deadline,
                ReportCycle.QUARTERLY));
        int late = calendar.workingDaysBetween(deadline, today);
        assertThat(record.find(code).orElseThrow().workingDaysOverdue()).isEqualTo(late);

        complete(
                instanceId,
                PlanTaskProcess.CLAIM_TASK,
                lead,
                Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        complete(
                instanceId,
                PlanTaskProcess.REPORT_RESULT,
                lead,
                Map.of("resultDescription", "已完成详查并形成报告", "evidence", "详查报告"));

        assertThat(record.find(code).orElseThrow().state()).isEqualTo(SupervisionState.SUBMITTED);
        assertThat(record.find(code).orElseThrow().workingDaysOverdue())
                .as("reported late: the days stay with the task")
                .isEqualTo(late);
    }

    private void complete(String instanceId, String step, String user, Map<String, Object> values) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(step)
                .singleResult();
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
        taskService.complete(task.getId(), values);
        jobs.executeAll(instanceId);
    }
}
