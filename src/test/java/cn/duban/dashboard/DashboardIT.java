package cn.duban.dashboard;

import static cn.duban.dashboard.DashboardScenario.LEADER_USER;
import static cn.duban.dashboard.DashboardScenario.OFFICE_USER;
import static cn.duban.dashboard.DashboardScenario.UNIT_USER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every figure of the dashboard and the ledger, pinned against the known set of {@link DashboardScenario}. */
@DubanTest
class DashboardIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    DashboardScenario scenario;

    @Autowired
    ReadModelAudit audit;

    @Autowired
    DashboardCounts counts;

    @Autowired
    JdbcClient jdbc;

    private String plan;

    @BeforeEach
    void buildTheKnownSet() {
        plan = scenario.build(rest);
    }

    @Test
    void theOverviewCountsThePlansTasksByState() {
        JsonNode overview = office().get("/api/dashboard/overview?plan=" + plan).json();

        assertThat(overview.path("total").asLong()).isEqualTo(8);
        assertThat(counts(overview.path("byState")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ON_TRACK",
                        1L,
                        "DUE_SOON",
                        1L,
                        "OVERDUE",
                        2L,
                        "RECTIFYING",
                        1L,
                        "SUBMITTED",
                        1L,
                        "CLOSED",
                        2L));
        assertThat(counts(overview.path("overdueByLevel")))
                .containsEntry("REMINDER", 1L)
                .containsEntry("WARNING", 1L)
                .containsEntry("CIRCULATED_CRITICISM", 0L);
        assertThat(overview.path("plans")).singleElement().satisfies(row -> {
            assertThat(row.path("planCode").asText()).isEqualTo(plan);
            assertThat(row.path("planTitle").asText()).isEqualTo("看板测试计划");
            assertThat(row.path("total").asLong()).isEqualTo(8);
        });
    }

    @Test
    void foldingTheCountDeltasChangesNoFigure() {
        String before = office().get("/api/dashboard/overview?plan=" + plan).body();
        counts.fold();
        assertThat(jdbc.sql("select count(*) from duban.task_state_delta")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(office().get("/api/dashboard/overview?plan=" + plan).body()).isEqualTo(before);
        assertThat(audit.audit(plan)).isEmpty();
    }

    @Test
    void theOverdueListShowsOwnerLatenessInWorkingDaysLevelAndUrgesMostOverdueFirst() {
        JsonNode page = office().get("/api/dashboard/overdue?plan=" + plan).json();

        assertThat(page.path("total").asLong()).isEqualTo(2);
        JsonNode first = page.path("items").get(0);
        assertThat(first.path("taskCode").asText()).isEqualTo(scenario.code("T3"));
        assertThat(first.path("taskTitle").asText()).isEqualTo("任务T3");
        assertThat(first.path("leadUnits").get(0).path("name").asText()).isEqualTo("州农业农村局");
        assertThat(first.path("deadline").asText()).isEqualTo("2030-12-30");
        assertThat(first.path("workingDaysOverdue").asInt()).isEqualTo(12);
        assertThat(first.path("levelName").asText()).isEqualTo("预警");
        assertThat(first.path("timesUrged").asInt()).isEqualTo(1);
        JsonNode second = page.path("items").get(1);
        assertThat(second.path("taskCode").asText()).isEqualTo(scenario.code("T4"));
        assertThat(second.path("workingDaysOverdue").asInt()).isEqualTo(2);
        assertThat(second.path("levelName").asText()).isEqualTo("提醒");
        assertThat(second.path("timesUrged").asInt())
                .as("urged from the dashboard after the check")
                .isEqualTo(1);
    }

    @Test
    void theOverdueListFiltersByUnitAndLevelAndSorts() {
        assertThat(codes("/api/dashboard/overdue?plan=" + plan + "&unit=agriculture-rural"))
                .containsExactly(scenario.code("T3"));
        assertThat(codes("/api/dashboard/overdue?plan=" + plan + "&level=REMINDER"))
                .containsExactly(scenario.code("T4"));
        assertThat(codes("/api/dashboard/overdue?plan=" + plan + "&sort=deadline&order=desc"))
                .containsExactly(scenario.code("T4"), scenario.code("T3"));
        assertThat(codes("/api/dashboard/overdue?plan=" + plan + "&sort=overdue&order=asc&size=1&page=1"))
                .containsExactly(scenario.code("T3"));
    }

    @Test
    void badFiltersAreRefusedInChinese() {
        Http.Response unknownUnit = office().get("/api/dashboard/overdue?unit=no-such-unit");
        assertThat(unknownUnit.status()).isEqualTo(400);
        assertThat(unknownUnit.json().path("detail").asText()).isEqualTo("没有编号为“no-such-unit”的单位");
        assertThat(office().get("/api/dashboard/overdue?sort=colour")
                        .json()
                        .path("detail")
                        .asText())
                .startsWith("无法按“colour”排序");
        assertThat(office().get("/api/dashboard/overdue?level=HIGH").status()).isEqualTo(400);
        assertThat(office().get("/api/dashboard/overdue?size=5000").status()).isEqualTo(400);
        assertThat(office().get("/api/dashboard/tasks/NO-SUCH-TASK").status()).isEqualTo(404);
    }

    @Test
    void eachLeadUnitIsScoredOnTheTasksItLeads() {
        Map<String, JsonNode> scores = new HashMap<>();
        office().get("/api/dashboard/units?plan=" + plan)
                .json()
                .forEach(score -> scores.put(score.path("unitId").asText(), score));

        assertThat(scores).containsOnlyKeys("ecology-environment", "agriculture-rural", "finance");
        JsonNode ecology = scores.get("ecology-environment");
        assertThat(ecology.path("tasksLed").asLong()).isEqualTo(4);
        assertThat(ecology.path("closed").asLong()).isEqualTo(1);
        assertThat(ecology.path("onTimeRate").asDouble())
                .as("T5 closed on time; the rest not yet due")
                .isEqualTo(1.0);
        assertThat(ecology.path("overdueNow").asLong()).isZero();
        assertThat(ecology.path("rectifications").asLong()).isEqualTo(1);
        JsonNode agriculture = scores.get("agriculture-rural");
        assertThat(agriculture.path("tasksLed").asLong()).isEqualTo(2);
        assertThat(agriculture.path("closedOnTime").asLong()).isZero();
        assertThat(agriculture.path("lateOpen").asLong()).isEqualTo(1);
        assertThat(agriculture.path("onTimeRate").asDouble())
                .as("T6 closed late, T3 overdue")
                .isEqualTo(0.0);
        assertThat(agriculture.path("urgesReceived").asLong()).isEqualTo(1);
        JsonNode finance = scores.get("finance");
        assertThat(finance.path("overdueNow").asLong()).isEqualTo(1);
        assertThat(finance.path("urgesReceived").asLong()).isEqualTo(1);
        assertThat(finance.path("onTimeRate").asDouble()).isEqualTo(0.0);
    }

    @Test
    void theLedgerHasOneRowPerTaskWithTheOfficesColumnsAndTheUnitScores() throws Exception {
        ResponseEntity<byte[]> download = rest.withBasicAuth(OFFICE_USER, cn.duban.support.TestUsers.PASSWORD)
                .getForEntity("/api/dashboard/ledger.xlsx?plan=" + plan, byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentDisposition().getFilename()).startsWith("督办台账-");

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.getBody()))) {
            Sheet tasks = workbook.getSheet("督办台账");
            assertThat(cells(tasks.getRow(1))).containsExactlyElementsOf(LedgerWorkbook.TASK_COLUMNS);
            Map<String, List<String>> rows = new HashMap<>();
            for (int index = 2; index <= tasks.getLastRowNum(); index++) {
                List<String> row = cells(tasks.getRow(index));
                rows.put(row.get(2), row);
            }
            assertThat(rows).hasSize(8);
            assertThat(rows.get(scenario.code("T3")))
                    .containsSubsequence(
                            "看板测试计划", scenario.code("T3"), "任务T3", "州农业农村局", "2030-12-30", "逾期", "12", "预警", "1");
            assertThat(rows.get(scenario.code("T5"))).containsSubsequence("已销号", "0", "正常", "0", "2031-01-15", "按时");
            int state = column("状态");
            assertThat(rows.get(scenario.code("T6")).subList(state, state + 6))
                    .as("reported 7 working days late (7 to 15 January), which closure keeps")
                    .containsExactly("已销号", "7", "提醒", "0", "", "");
            assertThat(rows.get(scenario.code("T6")).get(column("销号日期"))).isEqualTo("2031-01-15");
            assertThat(rows.get(scenario.code("T6")).get(column("是否按时完成"))).isEqualTo("逾期");
            assertThat(rows.get(scenario.code("T6")).get(column("整改次数"))).isEqualTo("0");
            assertThat(rows.get(scenario.code("T7")).get(state)).isEqualTo("整改中");
            assertThat(rows.get(scenario.code("T7")).get(column("整改次数"))).isEqualTo("1");
            // What the units wrote: the task's text, who answers for it and how to reach them, what they reported.
            List<String> reported = rows.get(scenario.code("T6"));
            assertThat(reported.get(column("任务内容"))).isNotBlank();
            assertThat(reported.get(column("责任人"))).isEqualTo("张伟");
            assertThat(reported.get(column("联系电话"))).isEqualTo("0994-2345678");
            assertThat(reported.get(column("办理情况"))).isEqualTo("已完成");
            assertThat(rows.get(scenario.code("T7")).get(column("备注"))).contains("缺少验收报告");

            Sheet units = workbook.getSheet("单位绩效");
            assertThat(cells(units.getRow(1))).containsExactlyElementsOf(LedgerWorkbook.UNIT_COLUMNS);
            List<List<String>> scores = new ArrayList<>();
            for (int index = 2; index <= units.getLastRowNum(); index++) {
                scores.add(cells(units.getRow(index)));
            }
            assertThat(scores)
                    .contains(
                            List.of("州生态环境局", "4", "1", "1", "0", "100.0%", "0", "0", "1"),
                            List.of("州农业农村局", "2", "1", "0", "1", "0.0%", "1", "1", "0"));
        }
    }

    @Test
    void theLedgerTakesTheListsFilters() throws Exception {
        ResponseEntity<byte[]> download = rest.withBasicAuth(OFFICE_USER, cn.duban.support.TestUsers.PASSWORD)
                .getForEntity("/api/dashboard/ledger.xlsx?plan=" + plan + "&state=OVERDUE&unit=finance", byte[].class);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.getBody()))) {
            Sheet tasks = workbook.getSheet("督办台账");
            assertThat(tasks.getLastRowNum()).as("title, header and T4 alone").isEqualTo(2);
            assertThat(cells(tasks.getRow(2)).get(2)).isEqualTo(scenario.code("T4"));
            assertThat(cells(tasks.getRow(0)).get(0)).contains("牵头单位 州财政局", "状态 逾期");
        }
    }

    @Test
    void aTasksPageShowsItsTimelineWithWhoAndWhen() {
        JsonNode task =
                office().get("/api/dashboard/tasks/" + scenario.code("T7")).json();

        assertThat(task.path("stateName").asText()).isEqualTo("整改中");
        assertThat(task.path("rectifications").asInt()).isEqualTo(1);
        List<String> steps = new ArrayList<>();
        task.path("timeline")
                .forEach(step -> steps.add(step.path("title").asText() + "|"
                        + step.path("actorName").asText("")));
        assertThat(steps).startsWith("任务下达|").contains("签收任务|dash-ecology测试（州生态环境局）", "督查核验|", "限期整改|");
        assertThat(task.path("timeline").findValuesAsText("detail")).anyMatch(detail -> detail.contains("缺少验收报告"));

        JsonNode urged =
                office().get("/api/dashboard/tasks/" + scenario.code("T3")).json();
        assertThat(urged.path("urges"))
                .singleElement()
                .satisfies(urge -> assertThat(urge.path("reason").asText()).isEqualTo("催办：请于本周内报送"));
        assertThat(urged.path("escalations"))
                .singleElement()
                .satisfies(step -> assertThat(step.path("level").asText()).isEqualTo("WARNING"));
    }

    @Test
    void leadersReadTheDashboardButOnlyTheOfficeUrgesAndUnitsSeeNothing() {
        assertThat(Http.as(rest, LEADER_USER).get("/api/dashboard/overview").status())
                .isEqualTo(200);
        Http.Response leaderUrge = Http.as(rest, LEADER_USER)
                .postJson("/api/plan-tasks/" + scenario.code("T3") + "/urges", Map.of("message", "催一下"));
        assertThat(leaderUrge.status()).isEqualTo(403);
        assertThat(office().get("/api/dashboard/tasks/" + scenario.code("T3"))
                        .json()
                        .path("timesUrged")
                        .asInt())
                .isEqualTo(1);

        Http.Response unit = Http.as(rest, UNIT_USER).get("/api/dashboard/overdue");
        assertThat(unit.status()).isEqualTo(403);
        assertThat(unit.json().path("detail").asText()).startsWith("无权");
        assertThat(Http.as(rest, UNIT_USER).get("/api/dashboard/ledger.xlsx").status())
                .isEqualTo(403);
        assertThat(Http.anonymous(rest).get("/api/dashboard/overview").status()).isEqualTo(401);
    }

    @Test
    void theApiIsDescribedInOpenApiAndBrowsable() {
        JsonNode description = office().get("/v3/api-docs").json();
        assertThat(description.path("info").path("title").asText()).isEqualTo("督办系统 API");
        assertThat(description.path("paths").has("/api/dashboard/overdue")).isTrue();
        assertThat(description.path("paths").has("/api/dashboard/ledger.xlsx")).isTrue();
        assertThat(Http.anonymous(rest).get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(rest.getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void theReadModelAgreesWithTheEngineAndTheAuditWouldSeeItIfNot() {
        assertThat(audit.audit(plan)).isEmpty();

        String code = scenario.code("T1");
        jdbc.sql("update duban.task_supervision set state = 'CLOSED' where task_code = ?")
                .param(code)
                .update();
        try {
            assertThat(audit.audit(plan)).singleElement().asString().startsWith(code + "：流程未结束");
        } finally {
            jdbc.sql("update duban.task_supervision set state = 'ON_TRACK' where task_code = ?")
                    .param(code)
                    .update();
        }
    }

    private List<String> codes(String path) {
        return office().get(path).json().path("items").findValuesAsText("taskCode");
    }

    private Http office() {
        return Http.as(rest, OFFICE_USER);
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new HashMap<>();
        node.fields()
                .forEachRemaining(
                        entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        return counts;
    }

    private static int column(String name) {
        return LedgerWorkbook.TASK_COLUMNS.indexOf(name);
    }

    private static List<String> cells(Row row) {
        DataFormatter format = new DataFormatter(java.util.Locale.CHINA);
        List<String> cells = new ArrayList<>();
        for (int column = 0; column < row.getLastCellNum(); column++) {
            Cell cell = row.getCell(column);
            if (cell == null) {
                cells.add("");
            } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
            } else {
                cells.add(format.formatCellValue(cell));
            }
        }
        return cells;
    }
}
