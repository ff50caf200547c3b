package cn.duban.plan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.identity.DubanGroups;
import cn.duban.plantask.PlanTaskProcess;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import cn.duban.support.TableCounts;
import cn.duban.support.TestUsers;
import cn.duban.taskform.SubmissionRejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/** A plan's own text: upload, parse, review, approval, and dispatch of every task, all or nothing. */
@DubanTest
class PlanIntakeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TableCounts tables;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void people() {
        users.member("intake-office", DubanGroups.SUPERVISION_OFFICE);
        users.member("intake-leader", DubanGroups.LEADERS);
    }

    @Test
    void the2017PlansTextBecomesElevenDispatchedTasksAfterReviewAndApproval() throws IOException {
        String code = Orders.freshCode("TXT2017");
        JsonNode draft = upload("changji-2017-soil-work-plan.txt", seed("changji-2017-soil-work-plan.txt"), code);
        assertThat(draft.path("taskCount").asInt()).isEqualTo(11);
        assertThat(draft.path("unknownUnits").isNull()).as(draft.toString()).isTrue();
        String instanceId = draft.path("processInstanceId").asText();

        Task review = onlyTask(instanceId);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("UserTask_ReviewDraft");
        assertThat(taskService.getVariable(review.getId(), "planCode")).isEqualTo(code);
        taskService.complete(review.getId());

        Task approval = onlyTask(instanceId);
        assertThat(approval.getTaskDefinitionKey()).isEqualTo("UserTask_ApprovePublication");
        assertThat((String) taskService.getVariable(approval.getId(), "draftSummary"))
                .contains(code + "-01", "土壤状况详查");
        taskService.complete(approval.getId(), Map.of("publicationDecision", "approve"));

        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .count())
                .isZero();
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey(PlanTaskProcess.KEY)
                        .processInstanceBusinessKeyLike(code + "-%")
                        .count())
                .isEqualTo(11);
        Map<String, Object> plan = jdbc.sql(
                        "select kind, period_start, length(source_text) as length from duban.plan where code = ?")
                .param(code)
                .query()
                .singleRow();
        assertThat(plan).containsEntry("kind", "ANNUAL").containsEntry("period_start", 2017);
        assertThat(plan.get("length"))
                .as("the plan's own text is kept")
                .isEqualTo(seed("changji-2017-soil-work-plan.txt").length());
    }

    @Test
    void theReviewerCorrectsAnUnknownUnitBeforeTheDraftGoesOn() throws IOException {
        String code = Orders.freshCode("TXTFIX");
        String text = seed("changji-2017-soil-work-plan.txt").replace("州宣传部", "州文明办");
        JsonNode draft = upload("plan.txt", text, code);
        assertThat(draft.path("unknownUnits").asText()).contains("州文明办");
        Task review = onlyTask(draft.path("processInstanceId").asText());

        assertThatThrownBy(() -> taskService.complete(review.getId()))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("未知单位“州文明办”");

        ArrayNode rows = (ArrayNode) JSON.readTree(
                taskService.getVariable(review.getId(), "draftTasks").toString());
        ((ObjectNode) rows.get(10)).put("leadUnits", "州委宣传部");
        taskService.complete(
                review.getId(),
                Map.of("draftTasks", SpinValues.jsonValue(rows.toString()).create()));
        assertThat(onlyTask(draft.path("processInstanceId").asText()).getTaskDefinitionKey())
                .isEqualTo("UserTask_ApprovePublication");
    }

    @Test
    void aLeaderCanSendTheDraftBackWithAReason() throws IOException {
        JsonNode draft = upload("plan.txt", seed("changji-2017-soil-work-plan.txt"), Orders.freshCode("TXTBACK"));
        String instanceId = draft.path("processInstanceId").asText();
        taskService.complete(onlyTask(instanceId).getId());

        Task approval = onlyTask(instanceId);
        assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("publicationDecision", "return")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("退回原因");
        taskService.complete(
                approval.getId(), Map.of("publicationDecision", "return", "publicationOpinion", "第9项牵头单位应为州纪委监委"));

        Task review = onlyTask(instanceId);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("UserTask_ReviewDraft");
        assertThat(taskService.getVariable(review.getId(), "returnReason")).isEqualTo("第9项牵头单位应为州纪委监委");
    }

    @Test
    void theFourteenthFiveYearPlanNeedsOnlyItsTitleBeforeItsFortySevenTasksAreDispatched() throws IOException {
        String code = Orders.freshCode("TXT14");
        JsonNode draft = upload(
                "changji-14th-fyp-soil-groundwater-rural.txt",
                seed("changji-14th-fyp-soil-groundwater-rural.txt"),
                code);
        assertThat(draft.path("taskCount").asInt()).isEqualTo(47);
        assertThat(draft.path("unknownUnits").isNull()).as(draft.toString()).isTrue();
        assertThat(draft.path("warnings").asText()).contains("未找到计划名称");
        String instanceId = draft.path("processInstanceId").asText();
        Task review = onlyTask(instanceId);

        assertThatThrownBy(() -> taskService.complete(review.getId()))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("缺少计划名称");
        taskService.complete(review.getId(), Map.of("planTitle", "昌吉州土壤、地下水和农村生态环境保护“十四五”规划"));
        taskService.complete(onlyTask(instanceId).getId(), Map.of("publicationDecision", "approve"));

        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey(PlanTaskProcess.KEY)
                        .processInstanceBusinessKeyLike(code + "-%")
                        .count())
                .isEqualTo(47);
        assertThat(jdbc.sql(
                                "select count(*) from duban.plan_indicator i join duban.plan p on p.id = i.plan_id where p.code = ?")
                        .param(code)
                        .query(Long.class)
                        .single())
                .isEqualTo(8);
        assertThat(jdbc.sql("""
                        select count(distinct r.unit_id) from duban.plan_task_unit r join duban.plan_task t on t.id = r.task_id
                        where t.code = ? and r.role = 'IMPLEMENTING'""").param(code + "-47").query(Long.class).single())
                .as("the blanket rule: every county, city and park carries out the last task")
                .isEqualTo(10);
        String longText = (String) runtimeService.getVariable(
                runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey(PlanTaskProcess.KEY)
                        .processInstanceBusinessKey(code + "-01")
                        .singleResult()
                        .getId(),
                "taskText");
        assertThat(longText).isNotBlank();
    }

    @Test
    void aWordDocumentIsReadLikeItsText() throws IOException {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            for (String line : seed("changji-2017-soil-work-plan.txt").split("\n")) {
                document.createParagraph().createRun().setText(line);
            }
            document.write(docx);
        }
        ResponseEntity<String> response = post("plan.docx", docx.toByteArray(), Orders.freshCode("DOCX"));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        assertThat(JSON.readTree(response.getBody()).path("taskCount").asInt()).isEqualTo(11);
    }

    @Test
    void anExcelBreakdownAndAPdfBecomeDraftsLikeAText() throws IOException {
        ResponseEntity<String> excel = post("分解表.xlsx", PlanFiles.breakdownXlsx(), Orders.freshCode("XLSX"));
        assertThat(excel.getStatusCode().value()).as(excel.getBody()).isEqualTo(201);
        assertThat(JSON.readTree(excel.getBody()).path("taskCount").asInt()).isEqualTo(4);
        ResponseEntity<String> pdf = post("方案.pdf", PlanFiles.pdf(PlanFiles.AIR_PLAN), Orders.freshCode("PDF"));
        assertThat(pdf.getStatusCode().value()).as(pdf.getBody()).isEqualTo(201);
        assertThat(JSON.readTree(pdf.getBody()).path("taskCount").asInt()).isEqualTo(4);
        assertThat(JSON.readTree(pdf.getBody()).path("unknownUnits").isNull())
                .as(pdf.getBody())
                .isTrue();
    }

    @Test
    void coLeadsKeepTheirOrderAndEachMilestoneIsStoredWithItsDate() throws IOException {
        String code = Orders.freshCode("MILE");
        JsonNode draft = upload("plan.txt", """
                昌吉州农村生活污水治理行动方案（2026—2028年）
                1.开展农村生活污水治理。到2026年底，完成30个行政村生活污水治理；到2028年，农村生活污水治理率达到45%以上。（州生态环境局、州农业农村局负责）
                2.建立运维管护机制。（州住建局牵头，州财政局配合）
                """, code);
        String instanceId = draft.path("processInstanceId").asText();
        taskService.complete(onlyTask(instanceId).getId());
        taskService.complete(onlyTask(instanceId).getId(), Map.of("publicationDecision", "approve"));

        assertThat(jdbc.sql("""
                        select u.name from duban.plan_task_unit r join duban.unit u on u.id = r.unit_id
                          join duban.plan_task t on t.id = r.task_id
                         where t.code = ? and r.role in ('LEAD', 'RESPONSIBLE') order by r.position""").param(code + "-01").query(String.class).list()).containsExactly("州生态环境局", "州农业农村局");
        assertThat(jdbc.sql("""
                        select m.due::text || ' ' || m.text from duban.plan_task_milestone m
                          join duban.plan_task t on t.id = m.task_id where t.code = ? order by m.position""").param(code + "-01").query(String.class).list())
                .containsExactly("2026-12-31 到2026年底，完成30个行政村生活污水治理", "2028-12-31 到2028年，农村生活污水治理率达到45%以上");
        assertThat(jdbc.sql("select deadline::text from duban.plan_task where code = ?")
                        .param(code + "-01")
                        .query(String.class)
                        .single())
                .isEqualTo("2028-12-31");
    }

    @Test
    void whatIsNoPlanIsRefusedInChineseAndNothingIsWritten() {
        Map<String, Long> before = tables.snapshot();
        assertRefused("empty.txt", new byte[0], "计划文本为空");
        assertRefused("weather.txt", "今天天气很好，我们去公园散步。".getBytes(StandardCharsets.UTF_8), "未在文本中找到任何任务");
        assertRefused("broken.docx", "PK not really a zip".getBytes(StandardCharsets.UTF_8), "无法读取该Word文件");
        assertRefused("image.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}, "不是文本文件");
        assertRefused("old.doc", new byte[] {1, 2, 3}, ".doc");
        assertRefused("scan.pdf", PlanFiles.scannedPdf(), "没有文字层");
        assertRefused("old.xls", new byte[] {1, 2, 3}, ".xlsx");
        assertThat(tables.snapshot()).isEqualTo(before);
    }

    @Test
    void onlyTheSupervisionOfficeUploads() {
        users.member("intake-ecology", Orders.ECOLOGY.id());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        headers.add("X-Requested-With", "curl");
        ResponseEntity<String> response = rest.withBasicAuth("intake-ecology", TestUsers.PASSWORD)
                .postForEntity("/api/plan-drafts", new HttpEntity<>("（一）测试（牵头单位：州环保局）。", headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(403);
    }

    private void assertRefused(String fileName, byte[] content, String message) {
        ResponseEntity<String> response = post(fileName, content, null);
        assertThat(response.getStatusCode().value())
                .as(fileName + ": " + response.getBody())
                .isEqualTo(400);
        assertThat(response.getBody()).as(fileName).contains(message);
    }

    private JsonNode upload(String fileName, String text, String code) throws IOException {
        ResponseEntity<String> response = post(fileName, text.getBytes(StandardCharsets.UTF_8), code);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return JSON.readTree(response.getBody());
    }

    private ResponseEntity<String> post(String fileName, byte[] content, String code) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        if (code != null) {
            form.add("code", code);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.add("X-Requested-With", "curl");
        return rest.withBasicAuth("intake-office", TestUsers.PASSWORD)
                .postForEntity("/api/plan-drafts", new HttpEntity<>(form, headers), String.class);
    }

    private Task onlyTask(String instanceId) {
        return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    }

    private static String seed(String name) throws IOException {
        return new ClassPathResource("plans/" + name).getContentAsString(StandardCharsets.UTF_8);
    }
}
