package cn.duban.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A leader's instruction reaches the lead unit as a task of its own, which it acknowledges through the form; the
 * instruction and the acknowledgement stand in the task's timeline and in the ledger.
 */
@DubanTest
class LeaderInstructionIT {

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TestUsers users;

    @Autowired
    TestRestTemplate rest;

    @Test
    void theLeadUnitAcknowledgesTheInstructionWhichStandsInTheTimelineAndTheLedger() throws Exception {
        String code = Orders.freshCode("INSTR");
        dispatcher.dispatch(Orders.order(code, List.of(Orders.ECOLOGY), List.of(Orders.FINANCE)));
        Http leader = Http.as(rest, users.member("instr-leader", DubanGroups.LEADERS));
        Http lead = Http.as(rest, users.member("instr-lead", Orders.ECOLOGY.id()));
        Http support = Http.as(rest, users.member("instr-support", Orders.FINANCE.id()));
        Http office = Http.as(rest, users.member("instr-office", DubanGroups.SUPERVISION_OFFICE));
        // The office keeps the staff's names; the ledger names people by them, not by their user ids.
        assertThat(office.putJson("/api/staff/instr-leader", Map.of("name", "李卫东", "position", "副州长"))
                        .status())
                .isEqualTo(200);
        assertThat(office.putJson("/api/staff/instr-lead", Map.of("name", "王建国", "position", "土壤生态环境科科长"))
                        .status())
                .isEqualTo(200);

        Http.Response given = leader.postJson(
                "/api/plan-tasks/" + code + "/instructions", Map.of("text", "此项任务事关群众切身利益，请牵头单位本月内拿出详查方案。"));
        assertThat(given.status()).as(given.body()).isEqualTo(201);
        assertThat(given.json().path("acknowledged").asBoolean()).isFalse();

        JsonNode tasks = lead.get(
                        "/engine-rest/task?processDefinitionKey=leader-instruction&processInstanceBusinessKey=" + code)
                .json();
        assertThat(tasks).hasSize(1);
        JsonNode task = tasks.get(0);
        assertThat(task.path("name").asText()).isEqualTo("签收领导批示：开展土壤污染状况详查");
        assertThat(support.get("/engine-rest/task?processDefinitionKey=leader-instruction&processInstanceBusinessKey="
                                + code)
                        .json())
                .as("a support unit is not asked")
                .isEmpty();
        assertThat(lead.get("/engine-rest/task/" + task.path("id").asText() + "/deployed-form")
                        .body())
                .contains("批示内容", "落实意见");
        assertThat(lead.get("/api/inbox").json().path("messages").toString())
                .as("the lead unit is told")
                .contains("签收领导批示：开展土壤污染状况详查");

        String id = task.path("id").asText();
        assertThat(lead.postJson("/engine-rest/task/" + id + "/claim", Map.of("userId", "instr-lead"))
                        .status())
                .isEqualTo(204);
        Http.Response empty = lead.postJson(
                "/engine-rest/task/" + id + "/submit-form", Http.variables(Map.of("acknowledgement", "  ")));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("落实意见");
        Http.Response done = lead.postJson(
                "/engine-rest/task/" + id + "/submit-form",
                Http.variables(Map.of("acknowledgement", "已收悉，本月25日前报送详查方案。")));
        assertThat(done.status()).as(done.body()).isEqualTo(204);

        JsonNode listed =
                office.get("/api/plan-tasks/" + code + "/instructions").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("acknowledgedBy").asText()).isEqualTo("instr-lead");
        assertThat(listed.get(0).path("acknowledgement").asText()).isEqualTo("已收悉，本月25日前报送详查方案。");

        List<String> steps = new ArrayList<>();
        office.get("/api/dashboard/tasks/" + code)
                .json()
                .path("timeline")
                .forEach(step -> steps.add(
                        step.path("title").asText() + "｜" + step.path("detail").asText()));
        assertThat(steps).contains("领导批示｜此项任务事关群众切身利益，请牵头单位本月内拿出详查方案。", "牵头单位签收领导批示｜已收悉，本月25日前报送详查方案。");

        ResponseEntity<byte[]> ledger = rest.withBasicAuth("instr-office", TestUsers.PASSWORD)
                .exchange("/api/dashboard/ledger.xlsx?plan=TEST-PLAN", HttpMethod.GET, null, byte[].class);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger.getBody()))) {
            Sheet sheet = workbook.getSheet("领导批示");
            boolean found = false;
            for (Row row : sheet) {
                if (row.getRowNum() > 1 && code.equals(row.getCell(0).getStringCellValue())) {
                    found = true;
                    assertThat(row.getCell(3).getStringCellValue()).startsWith("此项任务事关群众切身利益");
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo("李卫东");
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo("王建国（州生态环境局）");
                    assertThat(row.getCell(6).getStringCellValue()).isEqualTo("已收悉，本月25日前报送详查方案。");
                }
            }
            assertThat(found).as("the instruction is in the ledger").isTrue();
        }
    }

    @Test
    void onlyLeadersInstructAndAnEmptyInstructionIsRefusedInChinese() {
        String code = Orders.freshCode("INSTR");
        dispatcher.dispatch(Orders.order(code, List.of(Orders.ECOLOGY), List.of()));
        Http leader = Http.as(rest, users.member("instr-leader", DubanGroups.LEADERS));
        assertThat(Http.as(rest, users.member("instr-office", DubanGroups.SUPERVISION_OFFICE))
                        .postJson("/api/plan-tasks/" + code + "/instructions", Map.of("text", "请落实"))
                        .status())
                .isEqualTo(403);
        assertThat(Http.as(rest, users.member("instr-lead", Orders.ECOLOGY.id()))
                        .postJson("/api/plan-tasks/" + code + "/instructions", Map.of("text", "请落实"))
                        .status())
                .isEqualTo(403);
        Http.Response empty = leader.postJson("/api/plan-tasks/" + code + "/instructions", Map.of("text", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("请填写批示内容");
        assertThat(leader.postJson("/api/plan-tasks/NO-SUCH/instructions", Map.of("text", "请落实"))
                        .status())
                .isEqualTo(404);
    }
}
