package cn.duban;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * One plan task from import to closure, entirely over HTTP as the people would do it: the supervision office imports,
 * the lead unit signs and reports, the supervision office passes the inspection, a leader approves the closure.
 */
@DubanTest
class PlanTaskJourneyIT {

    private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    Jobs jobs;

    @Test
    void aPlanTaskTravelsFromImportToClosureAndHistoryShowsWhoDidEachStep() {
        Http office = Http.as(rest, users.member("journey-office", DubanGroups.SUPERVISION_OFFICE));
        Http lead = Http.as(rest, users.member("journey-ecology", Orders.ECOLOGY.id()));
        Http leader = Http.as(rest, users.member("journey-leader", DubanGroups.LEADERS));
        String planCode = Orders.freshCode("JOURNEY");
        String taskCode = planCode + "-01";

        Http.Response imported = office.postYaml("/api/plans", """
                code: %s
                title: 昌吉州土壤污染防治测试计划
                issuer: 昌吉州人民政府
                issuedOn: 2026-03-01
                tasks:
                  - code: %s
                    section: 三、重点工作（一）
                    title: 土壤状况详查
                    text: 制定昌吉州土壤状况详查方案，开展全州土壤污染状况详查。
                    leadUnits: 州环保局
                    supportUnits: 州财政局、国土局
                    deadline: 2027-12-31
                """.formatted(planCode, taskCode));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        String instanceId =
                imported.json().path("tasks").get(0).path("processInstanceId").asText();

        // 签收: the lead unit finds the task among its unit's tasks, with its Chinese form, and signs for it.
        JsonNode claim = single(lead.get(
                "/engine-rest/task?processInstanceBusinessKey=" + taskCode + "&candidateGroup=" + Orders.ECOLOGY.id()));
        assertThat(claim.path("name").asText()).isEqualTo("签收任务：土壤状况详查");
        assertThat(OffsetDateTime.parse(claim.path("due").asText(), CAMUNDA_DATE)
                        .toInstant())
                .as("due at the end of the deadline day, Beijing time")
                .isEqualTo(OffsetDateTime.parse("2027-12-31T23:59:59+08:00").toInstant());
        assertThat(lead.get("/engine-rest/task/" + id(claim) + "/deployed-form").body())
                .contains("责任人", "联系电话");
        assertThat(lead.postJson("/engine-rest/task/" + id(claim) + "/claim", Map.of("userId", "journey-ecology"))
                        .status())
                .isEqualTo(204);
        Http.Response refused = lead.postJson(
                "/engine-rest/task/" + id(claim) + "/complete", Http.variables(Map.of("contactPhone", "0994-2345678")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("请填写“责任人”");
        complete(lead, claim, Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));

        // The support units each contribute; the lead unit consolidates what they wrote.
        for (String supportUnit : new String[] {"finance", "natural-resources"}) {
            Http support = Http.as(rest, users.member("journey-" + supportUnit, supportUnit));
            JsonNode contribution = single(support.get(
                    "/engine-rest/task?processInstanceBusinessKey=" + taskCode + "&candidateGroup=" + supportUnit));
            assertThat(contribution.path("name").asText()).isEqualTo("配合办理：土壤状况详查");
            support.postJson(
                    "/engine-rest/task/" + id(contribution) + "/claim", Map.of("userId", "journey-" + supportUnit));
            complete(
                    support,
                    contribution,
                    Map.of("contributionDecision", "contribute", "contribution", supportUnit + "已完成配合工作"));
        }
        jobs.executeAll(instanceId);

        // The same officer reports the result.
        JsonNode report = single(
                lead.get("/engine-rest/task?processInstanceBusinessKey=" + taskCode + "&assignee=journey-ecology"));
        assertThat(report.path("name").asText()).isEqualTo("报送办理结果：土壤状况详查");
        assertThat(lead.get("/engine-rest/task/" + id(report) + "/variables/contributionsText")
                        .json()
                        .path("value")
                        .asText())
                .contains("州财政局", "finance已完成配合工作", "州自然资源局");
        complete(lead, report, Map.of("resultDescription", "已完成全州土壤污染状况详查，形成详查报告。", "evidence", "昌吉州土壤污染状况详查报告.pdf"));

        // 督查核验 by the supervision office.
        JsonNode verify = single(office.get("/engine-rest/task?processInstanceBusinessKey=" + taskCode
                + "&candidateGroup=" + DubanGroups.SUPERVISION_OFFICE));
        assertThat(lead.get("/engine-rest/task?processInstanceBusinessKey=" + taskCode)
                        .json())
                .as("the lead unit does not see the inspection")
                .isEmpty();
        office.postJson("/engine-rest/task/" + id(verify) + "/claim", Map.of("userId", "journey-office"));
        complete(office, verify, Map.of("inspectionDecision", "pass"));

        // 销号 by a leader.
        JsonNode approve = single(leader.get(
                "/engine-rest/task?processInstanceBusinessKey=" + taskCode + "&candidateGroup=" + DubanGroups.LEADERS));
        leader.postJson("/engine-rest/task/" + id(approve) + "/claim", Map.of("userId", "journey-leader"));
        complete(leader, approve, Map.of("closureDecision", "approve"));

        // The history is the audit trail.
        JsonNode instance = office.get("/engine-rest/history/process-instance/" + instanceId)
                .json();
        assertThat(instance.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(instance.path("businessKey").asText()).isEqualTo(taskCode);
        assertThat(office.get("/engine-rest/history/activity-instance?processInstanceId=" + instanceId
                                + "&activityId=EndEvent_TaskClosed")
                        .json())
                .as("closed at 已销号")
                .hasSize(1);

        JsonNode steps = office.get(
                        "/engine-rest/history/task?processInstanceId=" + instanceId + "&sortBy=startTime&sortOrder=asc")
                .json();
        List<String> whoDidWhat = new ArrayList<>();
        steps.forEach(step -> whoDidWhat.add(
                step.path("name").asText() + ":" + step.path("assignee").asText()));
        assertThat(whoDidWhat)
                .containsExactly(
                        "签收任务：土壤状况详查:journey-ecology",
                        "配合办理：土壤状况详查:journey-finance",
                        "配合办理：土壤状况详查:journey-natural-resources",
                        "报送办理结果：土壤状况详查:journey-ecology",
                        "督查核验：土壤状况详查:journey-office",
                        "销号审批：土壤状况详查:journey-leader");
        steps.forEach(step -> assertThat(step.path("endTime").isNull()).isFalse());

        JsonNode operations = office.get("/engine-rest/history/user-operation?processInstanceId=" + instanceId
                        + "&operationType=Complete&sortBy=timestamp&sortOrder=asc")
                .json();
        Map<String, String> completedBy = new LinkedHashMap<>();
        operations.forEach(entry -> completedBy.putIfAbsent(
                entry.path("taskId").asText(), entry.path("userId").asText()));
        assertThat(completedBy.values())
                .as("the operation log names who completed each step")
                .containsExactly(
                        "journey-ecology",
                        "journey-finance",
                        "journey-natural-resources",
                        "journey-ecology",
                        "journey-office",
                        "journey-leader");
    }

    private static void complete(Http user, JsonNode task, Map<String, Object> values) {
        Http.Response response = user.postJson("/engine-rest/task/" + id(task) + "/complete", Http.variables(values));
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private static JsonNode single(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json()).as(response.body()).hasSize(1);
        return response.json().get(0);
    }

    private static String id(JsonNode task) {
        return task.path("id").asText();
    }
}
