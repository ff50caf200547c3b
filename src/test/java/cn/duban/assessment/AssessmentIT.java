package cn.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The performance office runs the assessment year 2031 of {@link AssessmentScenario} over HTTP: the scores, ranks and
 * reasons worked out by hand from the scenario, the year-end step's accountability cases, the export, publication to
 * the leaders, and what each unit may see.
 *
 * <p>Weights (the defaults): base 60, on time 40 × rate, 0.5 per overdue working day, 2 per urge, 3 per
 * rectification, 5 per accountability case, 1 per missed progress report.
 * <pre>
 * 州生态环境局  2/2 on time                                   60 + 40                          = 100.00  rank 1
 * 州农业农村局  0/1 on time, 6 working days late, 1 urge       60 + 0 − 3 − 2                   =  55.00  rank 2
 * 州财政局      0/2 on time, F1 66 days late, 2 urges,
 *               1 rectification, 1 missed progress report     60 + 0 − 33 − 4 − 3 − 1          =  19.00  rank 3
 * 昌吉市, 奇台县 0/1 on time (F1), 66 days late                60 + 0 − 33                      =  27.00  both rank 1
 * </pre>
 */
@DubanTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssessmentIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    AssessmentScenario scenario;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HistoryService historyService;

    private String plan;

    @BeforeEach
    void buildTheKnownYear() {
        plan = scenario.build(rest);
    }

    @Test
    @Order(1)
    void theOfficeOpensTheYearAndPreviewsTheRankingFromTheRecord() {
        Http.Response opened = office().postJson(
                        "/api/assessments", Map.of("year", AssessmentScenario.YEAR, "planCodes", List.of(plan)));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().path("state").asText()).isEqualTo("OPEN");
        assertThat(opened.json().path("weights").path("overdueDay").decimalValue())
                .isEqualByComparingTo("0.5");

        Http.Response again = office().postJson("/api/assessments", Map.of("year", AssessmentScenario.YEAR));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).isEqualTo("2031年度考核已开启，不能重复开启");

        // While open, units have no score yet and leaders no ranking.
        assertThat(Http.as(rest, AssessmentScenario.FINANCE_USER)
                        .get("/api/assessments/2031/my-score")
                        .status())
                .isEqualTo(409);
        assertThat(Http.as(rest, AssessmentScenario.LEADER_USER)
                        .get("/api/assessments/2031/ranking")
                        .status())
                .isEqualTo(403);
        // Publishing before the year is scored is refused.
        Http.Response early = office().postJson("/api/assessments/2031/publication", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("detail").asText()).isEqualTo("2031年度考核尚未结束评分，不能发布排名");
    }

    @Test
    @Order(2)
    void badInputIsRefusedInChinese() {
        Http.Response oldYear = office().postJson("/api/assessments", Map.of("year", 1999));
        assertThat(oldYear.status()).isEqualTo(400);
        assertThat(oldYear.json().path("detail").asText()).isEqualTo("考核年度须在2000至2100之间（收到1999）");

        Http.Response noYear = office().postJson("/api/assessments", Map.of("planCodes", List.of(plan)));
        assertThat(noYear.status()).isEqualTo(400);
        assertThat(noYear.json().path("detail").asText()).isEqualTo("请填写考核年度（year）");

        Http.Response unknownPlan =
                office().postJson("/api/assessments", Map.of("year", 2098, "planCodes", List.of("NO-SUCH-PLAN")));
        assertThat(unknownPlan.status()).isEqualTo(400);
        assertThat(unknownPlan.json().path("detail").asText()).isEqualTo("未找到计划“NO-SUCH-PLAN”，请检查计划编号");

        Http.Response negative = office().putJson("/api/assessments/2031/weights", Map.of("urge", -1));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().path("detail").asText()).isEqualTo("权重“每次催办扣分”须在0至100之间（收到-1）");

        assertThat(office().get("/api/assessments/2097").status()).isEqualTo(404);

        // A unit other than the performance office runs nothing.
        Http.Response byUnit = Http.as(rest, AssessmentScenario.FINANCE_USER)
                .putJson("/api/assessments/2031/weights", Map.of("urge", 0));
        assertThat(byUnit.status()).isEqualTo(403);
        assertThat(Http.as(rest, AssessmentScenario.FINANCE_USER)
                        .get("/api/assessments/2031/ranking")
                        .status())
                .isEqualTo(403);
        assertThat(office().get("/api/assessments/2031")
                        .json()
                        .path("weights")
                        .path("urge")
                        .decimalValue())
                .isEqualByComparingTo("2");
    }

    @Test
    @Order(3)
    void theYearEndScoresEveryUnitAndOpensAccountabilityForTargetsNotMet() {
        AssessmentScenario.at(LocalDate.of(2032, 1, 5));
        Http.Response closed;
        try {
            closed = office().postJson("/api/assessments/2031/closure", Map.of());
        } finally {
            ClockUtil.reset();
        }
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().path("state").asText()).isEqualTo("SCORED");

        JsonNode ranking = office().get("/api/assessments/2031/ranking").json();
        Map<String, String> scores = new LinkedHashMap<>();
        ranking.forEach(unit -> scores.put(
                unit.path("unitId").asText(),
                unit.path("rank").asInt() + ":"
                        + unit.path("score").decimalValue().setScale(2).toPlainString()));
        assertThat(scores)
                .containsExactly(
                        Map.entry("ecology-environment", "1:100.00"),
                        Map.entry("agriculture-rural", "2:55.00"),
                        Map.entry("finance", "3:19.00"),
                        Map.entry("changji-city", "1:27.00"),
                        Map.entry("qitai-county", "1:27.00"));

        JsonNode finance = unit(ranking, "finance");
        assertThat(finance.path("groupName").asText()).isEqualTo("州直部门及单位");
        assertThat(finance.path("facts").path("tasksDue").asInt()).isEqualTo(2);
        assertThat(finance.path("facts").path("overdueWorkingDays").asInt()).isEqualTo(66);
        assertThat(finance.path("facts").path("urges").asInt()).isEqualTo(2);
        assertThat(finance.path("facts").path("rectifications").asInt()).isEqualTo(1);
        assertThat(finance.path("facts").path("missedProgressReports").asInt()).isEqualTo(1);
        assertThat(texts(finance.path("reasons")))
                .containsExactly(
                        "基础分：60分",
                        "按时完成0/2项（0.0%）× 40：+0.00分",
                        "逾期66个工作日 × 0.5：-33.00分",
                        "被催办2次 × 2：-4.00分",
                        "限期整改1次 × 3：-3.00分",
                        "逾期未报进展1次 × 1：-1.00分");
        assertThat(texts(unit(ranking, "agriculture-rural").path("reasons")))
                .containsExactly("基础分：60分", "按时完成0/1项（0.0%）× 40：+0.00分", "逾期6个工作日 × 0.5：-3.00分", "被催办1次 × 2：-2.00分");
        assertThat(unit(ranking, "qitai-county").path("groupName").asText()).isEqualTo("县市园区");

        // The year-end step: accountability for the two tasks not closed, F1 and F2, and for nothing else.
        JsonNode year = office().get("/api/assessments/2031").json();
        List<String> cases = new ArrayList<>();
        year.path("accountabilityOpened")
                .forEach(c -> cases.add(c.path("taskCode").asText()));
        assertThat(cases).containsExactly(scenario.code("F1"), scenario.code("F2"));
        assertThat(jdbc.sql("select count(*) from duban.accountability_case where task_code like ?")
                        .param(plan + "-%")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql(
                                "select trigger || ' ' || trigger_reason from duban.accountability_case where task_code = ?")
                        .param(scenario.code("F1"))
                        .query(String.class)
                        .single())
                .isEqualTo("ANNUAL_TARGET 年度考核：2031年度目标任务未完成（完成时限2031-09-30，至年度考核结束仍未销号）");
        assertThat(historyService
                        .createHistoricActivityInstanceQuery()
                        .activityId("ServiceTask_OpenAccountabilityForMissedTargets")
                        .finished()
                        .count())
                .isPositive();

        // Closed once: the weights can no longer change.
        Http.Response late = office().putJson("/api/assessments/2031/weights", Map.of("urge", 0));
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    @Order(4)
    void unitsSeeTheirOwnScoreAndReasonsOnly() {
        JsonNode own = Http.as(rest, AssessmentScenario.FINANCE_USER)
                .get("/api/assessments/2031/my-score")
                .json();
        assertThat(own).singleElement().satisfies(unit -> {
            assertThat(unit.path("unitId").asText()).isEqualTo("finance");
            assertThat(unit.path("score").decimalValue()).isEqualByComparingTo("19.00");
            assertThat(texts(unit.path("reasons"))).contains("逾期未报进展1次 × 1：-1.00分");
        });
        assertThat(Http.as(rest, AssessmentScenario.ECOLOGY_USER)
                        .get("/api/assessments/2031/my-score")
                        .json())
                .singleElement()
                .satisfies(unit -> assertThat(unit.path("unitId").asText()).isEqualTo("ecology-environment"));
        assertThat(Http.as(rest, AssessmentScenario.OTHER_UNIT_USER)
                        .get("/api/assessments/2031/my-score")
                        .json())
                .isEmpty();
        // A unit cannot change the record: no write reaches the scores.
        assertThat(Http.as(rest, AssessmentScenario.FINANCE_USER)
                        .postJson("/api/assessments/2031/publication", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(Http.as(rest, AssessmentScenario.FINANCE_USER)
                        .postJson("/api/assessments", Map.of("year", 2096))
                        .status())
                .isEqualTo(403);
    }

    @Test
    @Order(5)
    void theOfficeExportsTheRankingAndPublishesItToTheLeaders() throws Exception {
        ResponseEntity<byte[]> xlsx = rest.withBasicAuth(
                        AssessmentScenario.PERFORMANCE_USER, cn.duban.support.TestUsers.PASSWORD)
                .exchange("/api/assessments/2031/ranking.xlsx", HttpMethod.GET, null, byte[].class);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo("2031年度考核排名.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet departments = workbook.getSheet("州直部门及单位");
            assertThat(rows(departments)).containsExactly("1 州生态环境局 100.0", "2 州农业农村局 55.0", "3 州财政局 19.0");
            assertThat(rows(workbook.getSheet("县市园区"))).containsExactly("1 昌吉市人民政府 27.0", "1 奇台县人民政府 27.0");
        }

        Http.Response published = office().postJson("/api/assessments/2031/publication", Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(published.json().path("publishedBy").asText()).isEqualTo(AssessmentScenario.PERFORMANCE_USER);
        assertThat(Http.as(rest, AssessmentScenario.LEADER_USER)
                        .get("/api/assessments/2031/ranking")
                        .json())
                .hasSize(5);
        assertThat(jdbc.sql("select count(*) from duban.notification where recipient = ? and event_key = ?")
                        .params(AssessmentScenario.LEADER_USER, "assessment-published:2031")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(office().postJson("/api/assessments/2031/publication", Map.of())
                        .status())
                .isEqualTo(409);
    }

    private static List<String> rows(Sheet sheet) {
        List<String> rows = new ArrayList<>();
        for (int i = 2; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            rows.add((int) row.getCell(0).getNumericCellValue() + " "
                    + row.getCell(1).getStringCellValue() + " " + row.getCell(2).getNumericCellValue());
        }
        return rows;
    }

    private static JsonNode unit(JsonNode ranking, String unitId) {
        for (JsonNode unit : ranking) {
            if (unit.path("unitId").asText().equals(unitId)) {
                return unit;
            }
        }
        throw new AssertionError("no " + unitId + " in " + ranking);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }

    private Http office() {
        return Http.as(rest, AssessmentScenario.PERFORMANCE_USER);
    }
}
