package cn.duban.jointmeeting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The office records a joint meeting; each decision becomes a supervised task with its lead unit to sign. */
@DubanTest
class JointMeetingIT {

    private static final String OFFICE = "meeting-office";
    private static final String UNIT = "meeting-ecology";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void users() {
        users.member(OFFICE, DubanGroups.SUPERVISION_OFFICE);
        users.member(UNIT, "ecology-environment");
    }

    @Test
    void eachDecisionIsDispatchedLikeAPlanTaskAndSupervised() {
        Http.Response recorded = Http.as(rest, OFFICE)
                .postJson(
                        "/api/joint-meetings",
                        Map.of(
                                "title",
                                "土壤污染防治联席会议第一次会议",
                                "heldOn",
                                "2026年3月12日",
                                "participants",
                                List.of("州生态环境局", "州自然资源局", "昌吉市人民政府"),
                                "minutes",
                                "会议听取了各成员单位工作进展汇报，研究了疑似污染地块联合监管问题。",
                                "decisions",
                                List.of(
                                        Map.of(
                                                "title",
                                                "建立疑似污染地块联合监管清单",
                                                "text",
                                                "由生态环境局牵头，自然资源局配合，建立疑似污染地块联合监管清单。",
                                                "leadUnits",
                                                List.of("州环保局"),
                                                "supportUnits",
                                                List.of("国土局"),
                                                "deadline",
                                                "2030-06-30"),
                                        Map.of(
                                                "title",
                                                "昌吉市完成重点地块排查",
                                                "leadUnits",
                                                List.of("昌吉市人民政府"),
                                                "deadline",
                                                "2030-09-30"))));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonNode meeting = recorded.json();
        String code = meeting.path("code").asText();
        assertThat(code).startsWith("LXHY-20260312-");
        assertThat(meeting.path("decisions")).hasSize(2);
        JsonNode first = meeting.path("decisions").get(0);
        assertThat(first.path("taskCode").asText()).isEqualTo(code + "-01");
        // Former names resolve to today's units.
        assertThat(first.path("leadUnits").get(0).asText()).isEqualTo("州生态环境局");
        assertThat(first.path("supportUnits").get(0).asText()).isEqualTo("州自然资源局");
        assertThat(first.path("state").asText()).isEqualTo("ON_TRACK");

        // Dispatched: the lead unit signs for it in Tasklist, and the record supervises it.
        Task claim = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(code + "-01")
                .singleResult();
        assertThat(claim.getTaskDefinitionKey()).isEqualTo("UserTask_ClaimTask");
        assertThat(taskService.getIdentityLinksForTask(claim.getId()))
                .extracting(IdentityLink::getGroupId)
                .contains("ecology-environment");
        assertThat(jdbc.sql("select plan_code || ' ' || deadline from duban.task_supervision where task_code = ?")
                        .param(code + "-02")
                        .query(String.class)
                        .single())
                .isEqualTo(code + " 2030-09-30");

        assertThat(Http.as(rest, OFFICE)
                        .get("/api/joint-meetings/" + code)
                        .json()
                        .path("minutes")
                        .asText())
                .startsWith("会议听取了");
        assertThat(Http.as(rest, OFFICE).get("/api/joint-meetings").json().findValuesAsText("code"))
                .contains(code);
    }

    @Test
    void aMeetingWithBadDecisionsIsRefusedInChineseAndNothingIsDispatched() {
        long before = jdbc.sql("select count(*) from duban.joint_meeting")
                .query(Long.class)
                .single();
        Http.Response refused = Http.as(rest, OFFICE)
                .postJson(
                        "/api/joint-meetings",
                        Map.of(
                                "title",
                                "联席会议",
                                "heldOn",
                                "2026-03-12",
                                "participants",
                                List.of("州生态环境局"),
                                "minutes",
                                "纪要。",
                                "decisions",
                                List.of(Map.of(
                                        "title", "事项", "leadUnits", List.of("州火星局"), "deadline", "2026-01-01"))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText())
                .isEqualTo("会议未记录：议定事项1的牵头单位：未知单位“州火星局”，"
                        + "请使用单位名称、简称或原名称（如“州生态环境局”）；议定事项1的完成时限“2026-01-01”早于会议日期“2026-03-12”");
        Http.Response empty = Http.as(rest, OFFICE).postJson("/api/joint-meetings", Map.of("heldOn", "明天"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("detail").asText())
                .isEqualTo("会议未记录：请填写会议名称；会议日期“明天”无法识别，"
                        + "应写成“2026-06-30”或“2026年6月30日”；请填写参会单位或人员；请填写会议纪要；请至少填写一项会议议定事项");
        assertThat(jdbc.sql("select count(*) from duban.joint_meeting")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);

        assertThat(Http.as(rest, UNIT).postJson("/api/joint-meetings", Map.of()).status())
                .isEqualTo(403);
        assertThat(Http.as(rest, UNIT).get("/api/joint-meetings").status()).isEqualTo(403);
        assertThat(Http.as(rest, OFFICE).get("/api/joint-meetings/LXHY-NONE").status())
                .isEqualTo(404);
    }
}
