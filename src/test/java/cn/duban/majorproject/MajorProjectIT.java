package cn.duban.majorproject;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.plan.PlanImporter;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Major projects: entered and imported by the office, reported by their owner unit, on the dashboard and its ledger. */
@DubanTest
class MajorProjectIT {

    private static final String OFFICE = "project-office";
    private static final String OWNER = "project-water";
    private static final String OTHER = "project-finance";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    PlanImporter importer;

    @Test
    void theOfficeEntersAndImportsProjectsAndTheOwnerReportsProgress() throws Exception {
        users.member(OFFICE, DubanGroups.SUPERVISION_OFFICE);
        users.member(OWNER, "water-resources");
        users.member(OTHER, "finance");
        String plan = "PRJ-" + UUID.randomUUID().toString().substring(0, 6);
        importer.importPlan(("""
                code: %1$s
                title: 工程测试计划
                deadline: 2030-12-31
                tasks:
                  - code: %1$s-01
                    title: 农村污水治理
                    text: 实施农村生活污水治理工程。
                    leadUnits: 州水利局
                """).formatted(plan).getBytes(StandardCharsets.UTF_8), OFFICE);
        String code = plan + "-P1";

        Http.Response added = Http.as(rest, OFFICE)
                .postJson(
                        "/api/major-projects",
                        Map.of(
                                "code",
                                code,
                                "name",
                                "呼图壁县农村生活污水治理工程",
                                "ownerUnit",
                                "州水利局",
                                "location",
                                "呼图壁县",
                                "investmentPlanned",
                                1200,
                                "startOn",
                                "2026-03-01",
                                "endOn",
                                "2030年10月31日",
                                "milestones",
                                List.of(
                                        Map.of("name", "完成设计", "dueOn", "2026-06-30"),
                                        Map.of("name", "主体完工", "dueOn", "2030-06-30")),
                                "taskCodes",
                                List.of(plan + "-01")));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("ownerUnitName").asText()).isEqualTo("州水利局");
        // Today (December 2026) the design milestone is past due and not reached.
        assertThat(added.json().path("milestonesOverdue").asInt()).isEqualTo(1);

        Http.Response bad = Http.as(rest, OFFICE)
                .postJson(
                        "/api/major-projects",
                        Map.of(
                                "code",
                                code,
                                "name",
                                "重复",
                                "ownerUnit",
                                "州火星局",
                                "location",
                                "某地",
                                "investmentPlanned",
                                -5,
                                "startOn",
                                "2026-05-01",
                                "endOn",
                                "2026-01-01",
                                "taskCodes",
                                List.of("NO-SUCH")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("detail").asText())
                .isEqualTo("重大工程未保存：项目1的编号“" + code + "”已被使用；"
                        + "项目1的业主单位“州火星局”不在单位目录中；项目1的计划投资须为不小于0的万元数；项目1的完工日期早于开工日期；"
                        + "项目1关联的任务“NO-SUCH”不存在");

        // The owner reports; another unit may not; the spent amount never goes down.
        assertThat(Http.as(rest, OTHER)
                        .postJson(
                                "/api/major-projects/" + code + "/progress",
                                Map.of("content", "x", "investmentSpent", 1))
                        .status())
                .isEqualTo(403);
        Http.Response reported = Http.as(rest, OWNER)
                .postJson(
                        "/api/major-projects/" + code + "/progress",
                        Map.of("content", "完成初步设计并通过评审", "investmentSpent", 300, "milestoneDone", 1));
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        assertThat(reported.json().path("spentPercent").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(reported.json().path("milestonesOverdue").asInt()).isZero();
        Http.Response backwards = Http.as(rest, OWNER)
                .postJson("/api/major-projects/" + code + "/progress", Map.of("content", "更正", "investmentSpent", 100));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().path("detail").asText()).isEqualTo("进展未报送：截至目前完成投资（100万元）不能少于上次报送的300万元");

        // A table: all rows or none.
        Http.Response badTable = upload(table(List.of(
                List.of(plan + "-P2", "奇台县地下水监测井建设", "州生态环境局", "奇台县", "800", "2026-04-01", "2027-12-31", ""),
                List.of(plan + "-P3", "无业主工程", "州火星局", "木垒县", "100", "2026-04-01", "2027-12-31", ""))));
        assertThat(badTable.status()).isEqualTo(400);
        assertThat(badTable.json().path("detail").asText()).isEqualTo("重大工程未保存：第3行的业主单位“州火星局”不在单位目录中");
        Http.Response goodTable = upload(table(List.of(List.of(
                plan + "-P2", "奇台县地下水监测井建设", "州生态环境局", "奇台县", "800", "2026-04-01", "2027-12-31", plan + "-01"))));
        assertThat(goodTable.status()).as(goodTable.body()).isEqualTo(201);

        JsonNode dashboard =
                Http.as(rest, OFFICE).get("/api/dashboard/major-projects").json();
        assertThat(dashboard.findValuesAsText("code"))
                .contains(code, plan + "-P2")
                .doesNotContain(plan + "-P3");
        assertThat(Http.as(rest, OWNER).get("/api/dashboard/major-projects").status())
                .isEqualTo(403);
        // A unit lists the projects it owns (to report their progress), not the others'.
        assertThat(Http.as(rest, OWNER).get("/api/my/major-projects").json().findValuesAsText("code"))
                .contains(code)
                .doesNotContain(plan + "-P2");
        assertThat(Http.as(rest, OTHER).get("/api/my/major-projects").json().findValuesAsText("code"))
                .doesNotContain(code, plan + "-P2");
        assertThat(Http.as(rest, OFFICE).get("/api/my/major-projects").json().findValuesAsText("code"))
                .contains(code, plan + "-P2");

        ResponseEntity<byte[]> ledger = rest.withBasicAuth(OFFICE, TestUsers.PASSWORD)
                .exchange("/api/dashboard/major-projects.xlsx", HttpMethod.GET, null, byte[].class);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger.getBody()))) {
            Sheet sheet = workbook.getSheet("重大工程台账");
            boolean found = false;
            for (Row row : sheet) {
                if (row.getCell(0).getStringCellValue().equals(code)) {
                    assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(300.0);
                    assertThat(row.getCell(6).getStringCellValue()).isEqualTo("25.0%");
                    assertThat(row.getCell(12).getStringCellValue()).isEqualTo("完成初步设计并通过评审");
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    private Http.Response upload(byte[] xlsx) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(xlsx) {
            @Override
            public String getFilename() {
                return "projects.xlsx";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.add("X-Requested-With", "MajorProjectIT");
        ResponseEntity<String> response = rest.withBasicAuth(OFFICE, TestUsers.PASSWORD)
                .exchange(
                        "/api/major-projects/import", HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
        return new Http.Response(response.getStatusCode().value(), response.getBody());
    }

    private static byte[] table(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("重大工程");
            Row head = sheet.createRow(0);
            for (int c = 0; c < ProjectTable.IMPORT_COLUMNS.size(); c++) {
                head.createCell(c).setCellValue(ProjectTable.IMPORT_COLUMNS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
