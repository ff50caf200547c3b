package cn.duban.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.DubanGroups;
import cn.duban.identity.Unit;
import cn.duban.supervision.Urging;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A plan lived through 2024 on the engine's clock, with answers worked out by hand: A (州生态环境局, due 29 Feb) urged
 * 20 Feb and closed 25 Feb; B (州生态环境局, due 31 Mar) urged twice 5 Mar, closed late 20 Apr; C (州财政局, due 30 Jun)
 * found falsified 10 May (整改 by 30 Jun, and a 问责 case), closed late 5 Jul; D (州财政局, due 31 Dec) dispatched
 * 15 Apr and still open. A, B and C were dispatched 10 Jan.
 */
@DubanTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final List<String> FIGURES = List.of(
            "dispatched", "closed", "closedOnTime", "overdueAtEnd", "urges", "rectifications", "accountabilityCases");

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    Urging urging;

    @Autowired
    Jobs jobs;

    @Autowired
    TestUsers users;

    @Autowired
    TestRestTemplate rest;

    private final String plan = "STAT-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> instances = new LinkedHashMap<>();
    private String ecologyUser;
    private String financeUser;
    private Http office;

    @BeforeAll
    void liveThrough2024() {
        ecologyUser = users.member("stat-ecology", Orders.ECOLOGY.id());
        financeUser = users.member("stat-finance", Orders.FINANCE.id());
        office = Http.as(rest, users.member("stat-office", DubanGroups.SUPERVISION_OFFICE));

        at(2024, 1, 10);
        dispatch("A", Orders.ECOLOGY, LocalDate.of(2024, 2, 29), ecologyUser);
        dispatch("B", Orders.ECOLOGY, LocalDate.of(2024, 3, 31), ecologyUser);
        dispatch("C", Orders.FINANCE, LocalDate.of(2024, 6, 30), financeUser);
        urging.urge(code("A"), "请加快进度", "stat-office", at(2024, 2, 20));
        at(2024, 2, 25);
        reportPassAndClose("A");
        urging.urge(code("B"), "请尽快报送", "stat-office", at(2024, 3, 5));
        urging.urge(code("B"), "再次催办", "stat-office", at(2024, 3, 5));
        at(2024, 4, 15);
        dispatch("D", Orders.FINANCE, LocalDate.of(2024, 12, 31), financeUser);
        at(2024, 4, 20);
        reportPassAndClose("B");
        at(2024, 5, 10);
        complete("C", "报送办理结果", Map.of("resultDescription", "已完成", "evidence", "c.pdf"));
        complete(
                "C",
                "督查核验",
                Map.of(
                        "inspectionDecision",
                        "falsified",
                        "inspectionOpinion",
                        "台账数据与现场不符",
                        "rectificationDeadline",
                        "2024-06-30"));
        at(2024, 7, 5);
        reportPassAndClose("C");
        ClockUtil.reset();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void eachPeriodCountsWhatHappenedInIt() {
        JsonNode q1 = stats("quarter", "2024-Q1");
        assertThat(q1.path("period").path("label").asText()).isEqualTo("2024年第一季度");
        assertThat(figures(q1.path("totals"))).containsExactly(3, 1, 1, 1, 3, 0, 0);
        assertThat(figures(unit(q1, "ecology-environment"))).containsExactly(2, 1, 1, 1, 3, 0, 0);
        assertThat(figures(unit(q1, "finance"))).containsExactly(1, 0, 0, 0, 0, 0, 0);
        assertThat(q1.path("byPlan")).hasSize(1);
        assertThat(q1.path("byPlan").get(0).path("name").asText()).isEqualTo("统计测试计划");

        assertThat(figures(stats("quarter", "2024-Q2").path("totals"))).containsExactly(1, 1, 0, 1, 0, 1, 1);
        assertThat(figures(stats("quarter", "2024-Q3").path("totals"))).containsExactly(0, 1, 0, 0, 0, 0, 0);
        assertThat(figures(stats("month", "2024-02").path("totals"))).containsExactly(0, 1, 1, 0, 1, 0, 0);
        assertThat(figures(stats("year", "2024").path("totals"))).containsExactly(4, 3, 1, 1, 3, 1, 1);
        assertThat(stats("year", "2024").path("totals").path("onTimeRate").asInt())
                .isEqualTo(33);

        JsonNode trend = q1.path("trend");
        assertThat(trend).hasSize(12);
        assertThat(trend.get(0).path("key").asText()).isEqualTo("2021-Q2");
        assertThat(trend.get(11).path("key").asText()).isEqualTo("2024-Q1");
        assertThat(figures(trend.get(11).path("counts"))).containsExactly(3, 1, 1, 1, 3, 0, 0);
        assertThat(figures(trend.get(10).path("counts"))).containsExactly(0, 0, 0, 0, 0, 0, 0);
        JsonNode q3Trend = stats("quarter", "2024-Q3").path("trend");
        assertThat(figures(q3Trend.get(10).path("counts")))
                .as("Q2 seen from Q3")
                .containsExactly(1, 1, 0, 1, 0, 1, 1);
    }

    @Test
    void tasksAndUnitsGetTheLightsOfTheDecisionTables() {
        JsonNode year = stats("year", "2024");
        Map<String, String> lights = new LinkedHashMap<>();
        year.path("tasks")
                .forEach(t -> lights.put(
                        t.path("taskCode").asText(),
                        t.path("lightName").asText() + "：" + t.path("reason").asText()));
        assertThat(lights)
                .containsEntry(code("A"), "绿灯：按期办结")
                .containsEntry(code("B"), "黄灯：逾期后办结")
                .containsEntry(code("C"), "黄灯：逾期后办结")
                .containsEntry(code("D"), "绿灯：正常推进");
        assertThat(unit(year, "finance").path("lightName").asText()).isEqualTo("绿灯");
    }

    @Test
    void theOfficeChangesTheRulesByDeployingANewTableWhichTheNextPageUses() throws Exception {
        String original = rest.withBasicAuth("stat-office", TestUsers.PASSWORD)
                .getForObject("/api/traffic-light-rules/traffic-light", String.class);
        assertThat(original).contains("<decision id=\"traffic-light\"", "逾期后办结");
        String stricter = original.replace(
                        "<outputEntry id=\"Rule_ClosedLate_Light\"><text>\"YELLOW\"</text>",
                        "<outputEntry id=\"Rule_ClosedLate_Light\"><text>\"RED\"</text>")
                .replace(
                        "<outputEntry id=\"Rule_ClosedLate_LightName\"><text>\"黄灯\"</text>",
                        "<outputEntry id=\"Rule_ClosedLate_LightName\"><text>\"红灯\"</text>");
        assertThat(stricter).isNotEqualTo(original);
        try {
            assertThat(putXml(office, stricter).status()).isEqualTo(200);
            Map<String, String> lights = new LinkedHashMap<>();
            stats("year", "2024")
                    .path("tasks")
                    .forEach(t -> lights.put(
                            t.path("taskCode").asText(), t.path("lightName").asText()));
            assertThat(lights).containsEntry(code("B"), "红灯").containsEntry(code("A"), "绿灯");
        } finally {
            assertThat(putXml(office, original).status()).isEqualTo(200);
        }
        assertThat(putXml(office, "<definitions/>").body()).contains("决策表无法解析");
        assertThat(putXml(office, original.replace("name=\"light\"", "name=\"colour\""))
                        .body())
                .contains("决策表应对正常推进的任务给出输出 light");
        assertThat(putXml(Http.as(rest, users.member("stat-leader", DubanGroups.LEADERS)), original)
                        .status())
                .as("leaders read the rules, the office sets them")
                .isEqualTo(403);
    }

    private Http.Response putXml(Http user, String xml) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_XML);
        headers.add("X-Requested-With", "StatisticsIT");
        ResponseEntity<String> response = rest.withBasicAuth(
                        user == office ? "stat-office" : "stat-leader", TestUsers.PASSWORD)
                .exchange(
                        "/api/traffic-light-rules/traffic-light",
                        HttpMethod.PUT,
                        new org.springframework.http.HttpEntity<>(xml, headers),
                        String.class);
        return new Http.Response(response.getStatusCode().value(), response.getBody());
    }

    @Test
    void theQuarterExportsAsAWorkbookWithTheSameFigures() throws Exception {
        ResponseEntity<byte[]> response = rest.withBasicAuth("stat-office", TestUsers.PASSWORD)
                .exchange(
                        "/api/statistics.xlsx?period=quarter&key=2024-Q1&plan=" + plan,
                        HttpMethod.GET,
                        null,
                        byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("督办统计-2024-Q1.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet summary = workbook.getSheet("汇总");
            assertThat(summary.getRow(0).getCell(1).getStringCellValue()).isEqualTo("2024年第一季度");
            List<String> labels = new ArrayList<>();
            List<Integer> values = new ArrayList<>();
            for (int r = 3; r <= 9; r++) {
                Row row = summary.getRow(r);
                labels.add(row.getCell(0).getStringCellValue());
                values.add((int) row.getCell(1).getNumericCellValue());
            }
            assertThat(labels).containsExactly("下达任务", "销号", "按期销号", "期末逾期未办结", "催办次数", "整改次数", "问责案件");
            assertThat(values).containsExactly(3, 1, 1, 1, 3, 0, 0);
            Sheet units = workbook.getSheet("按单位");
            assertThat(units.getRow(1).getCell(0).getStringCellValue()).isIn("州生态环境局", "州财政局");
            assertThat(workbook.getSheet("趋势").getLastRowNum()).isEqualTo(12);
            assertThat(workbook.getSheet("任务红黄绿灯").getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void aPeriodThatCannotBeReadIsRefusedInChinese() {
        Http.Response bad = office.get("/api/statistics?period=quarter&key=2024-Q5");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("统计期间“2024-Q5”无法识别，应如 2026-Q4");
        assertThat(office.get("/api/statistics?period=week").body()).contains("统计周期应为 month（月）、quarter（季度）或 year（年）");
        assertThat(office.get("/api/statistics?period=month").status())
                .as("the current month")
                .isEqualTo(200);
    }

    private JsonNode stats(String period, String key) {
        Http.Response response = office.get("/api/statistics?period=" + period + "&key=" + key + "&plan=" + plan);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode unit(JsonNode report, String unitId) {
        for (JsonNode line : report.path("byUnit")) {
            if (line.path("key").asText().equals(unitId)) {
                return line.path("counts").isMissingNode() ? line : line;
            }
        }
        throw new AssertionError("no line for " + unitId + " in " + report.path("byUnit"));
    }

    private static List<Integer> figures(JsonNode counts) {
        JsonNode node = counts.has("counts") ? counts.path("counts") : counts;
        return FIGURES.stream().map(name -> node.path(name).asInt(-1)).toList();
    }

    private String code(String letter) {
        return plan + "-" + letter;
    }

    private static java.time.Instant at(int year, int month, int day) {
        java.time.Instant instant =
                LocalDateTime.of(year, month, day, 10, 0).atZone(BEIJING).toInstant();
        ClockUtil.setCurrentTime(Date.from(instant));
        return instant;
    }

    private void dispatch(String letter, Unit lead, LocalDate deadline, String user) {
        String instance = dispatcher.dispatch(new TaskDispatchOrder(
                plan,
                "统计测试计划",
                code(letter),
                "一、测试",
                "统计测试任务" + letter,
                "统计测试任务" + letter + "的内容。",
                List.of(lead),
                List.of(),
                List.of(),
                deadline,
                ReportCycle.QUARTERLY));
        instances.put(letter, instance);
        Task claim = task(letter, "签收任务");
        taskService.claim(claim.getId(), user);
        taskService.complete(claim.getId(), Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        jobs.executeAll(instance);
    }

    private void reportPassAndClose(String letter) {
        complete(letter, "报送办理结果", Map.of("resultDescription", "已完成", "evidence", "a.pdf"));
        complete(letter, "督查核验", Map.of("inspectionDecision", "pass"));
        complete(letter, "销号审批", Map.of("closureDecision", "approve"));
    }

    private void complete(String letter, String step, Map<String, Object> variables) {
        taskService.complete(task(letter, step).getId(), variables);
    }

    private Task task(String letter, String namePrefix) {
        return taskService
                .createTaskQuery()
                .processInstanceId(instances.get(letter))
                .taskNameLike(namePrefix + "%")
                .singleResult();
    }
}
