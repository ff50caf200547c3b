package cn.duban.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Evidence files over Duban's API as the people use them: what may be attached (and the Chinese refusal of what may
 * not), who reads and downloads them, who may delete them and until when.
 */
@DubanTest
class EvidenceIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    EvidenceTask tasks;

    @Autowired
    JdbcClient jdbc;

    String lead;
    String leadColleague;
    String support;
    String other;
    String office;
    String leader;

    @BeforeEach
    void people() {
        lead = users.member("ev-lead", EvidenceTask.LEAD_UNIT);
        leadColleague = users.member("ev-lead-2", EvidenceTask.LEAD_UNIT);
        support = users.member("ev-support", EvidenceTask.SUPPORT_UNIT);
        other = users.member("ev-other", "finance");
        office = users.member("ev-office", DubanGroups.SUPERVISION_OFFICE);
        leader = users.member("ev-leader", DubanGroups.LEADERS);
    }

    @Test
    void whatIsNotEvidenceIsRefusedInChineseAndNothingIsKept() {
        String code = tasks.dispatch();
        tasks.sign(code, lead);
        tasks.contribute(code, support);
        String report = tasks.open(code, "UserTask_ReportResult");

        assertRefused(tasks.upload(lead, report, "setup.exe", new byte[] {'M', 'Z', 0, 0}), 415, "不支持“.exe”类型的文件");
        assertRefused(
                tasks.upload(lead, report, "详查报告.pdf", "这不是PDF".getBytes(StandardCharsets.UTF_8)), 415, "的内容不是PDF文件");
        assertRefused(tasks.upload(lead, report, "现场照片.pdf", EvidenceSamples.png()), 415, "按内容判断是PNG图片");
        assertRefused(tasks.upload(lead, report, "数据表.xlsx", EvidenceSamples.docx()), 415, "按内容判断是Word文档");
        assertRefused(tasks.upload(lead, report, "空文件.pdf", new byte[0]), 400, "是空的");
        byte[] tooLarge = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(EvidenceSamples.pdf(), 0, tooLarge, 0, 5);
        assertRefused(tasks.upload(lead, report, "扫描件.pdf", tooLarge), 413, "超过了每个文件20 MB的上限");
        assertThat(count(code)).as("nothing kept of a refused file").isZero();

        assertThat(tasks.upload(lead, report, "详查报告.pdf", EvidenceSamples.pdf()).status())
                .isEqualTo(201);
        assertThat(tasks.upload(lead, report, "现场照片.png", EvidenceSamples.png()).status())
                .isEqualTo(201);
        assertThat(tasks.upload(lead, report, "工作总结.docx", EvidenceSamples.docx())
                        .status())
                .isEqualTo(201);
        assertThat(tasks.upload(lead, report, "旧版总结.doc", EvidenceSamples.ole()).status())
                .isEqualTo(201);
        assertThat(tasks.upload(lead, report, "金山文档.wps", EvidenceSamples.ole()).status())
                .isEqualTo(201);
        assertThat(count(code)).isEqualTo(5);
    }

    @Test
    void theTasksUnitsTheOfficeAndLeadersReadTheFilesAndNextStepsShowThem() {
        String code = tasks.dispatch();
        tasks.sign(code, lead);
        String contribution = tasks.open(code, "UserTask_Contribute");
        assertThat(tasks.upload(support, contribution, "农用地分布图.png", EvidenceSamples.png())
                        .status())
                .isEqualTo(201);
        tasks.contribute(code, support);
        String report = tasks.open(code, "UserTask_ReportResult");
        byte[] pdf = EvidenceSamples.pdf();
        JsonNode uploaded = tasks.upload(lead, report, "详查报告.pdf", pdf).json();
        assertThat(uploaded.path("unitName").asText()).isEqualTo("州生态环境局");
        assertThat(uploaded.path("stepName").asText()).isEqualTo("报送办理结果");
        String href = uploaded.path("href").asText();
        tasks.report(code);

        // The office verifies seeing the lead unit's and the support unit's files, and may add its own.
        String verify = tasks.open(code, "UserTask_VerifyResult");
        JsonNode panel =
                Http.as(rest, office).get("/api/tasks/" + verify + "/evidence").json();
        assertThat(panel.path("canAdd").asBoolean()).isTrue();
        assertThat(names(panel.path("files"))).containsExactly("农用地分布图.png", "详查报告.pdf");
        assertThat(tasks.upload(office, verify, "核验记录.pdf", EvidenceSamples.pdf())
                        .status())
                .isEqualTo(201);

        for (String reader : List.of(lead, leadColleague, support, office, leader)) {
            Http.Response listed = Http.as(rest, reader).get("/api/plan-tasks/" + code + "/evidence");
            assertThat(listed.status()).as(reader).isEqualTo(200);
            assertThat(names(listed.json())).as(reader).contains("农用地分布图.png", "详查报告.pdf", "核验记录.pdf");
            ResponseEntity<byte[]> download = tasks.download(reader, href);
            assertThat(download.getStatusCode().value()).as(reader).isEqualTo(200);
            assertThat(download.getBody()).as(reader).isEqualTo(pdf);
            assertThat(download.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
            assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                    .contains("attachment", "filename*=UTF-8''%E8%AF%A6%E6%9F%A5%E6%8A%A5%E5%91%8A.pdf");
        }
        // The lead unit's own panel on the (done) report step shows the files but takes no more.
        JsonNode leadPanel =
                Http.as(rest, lead).get("/api/tasks/" + report + "/evidence").json();
        assertThat(leadPanel.path("canAdd").asBoolean()).isFalse();
        assertThat(leadPanel.path("files")).hasSize(3);
        // A unit that has no part in the task reads nothing.
        assertThat(Http.as(rest, other)
                        .get("/api/plan-tasks/" + code + "/evidence")
                        .status())
                .isEqualTo(403);
        assertThat(tasks.download(other, href).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void onlyTheUploadingUnitDeletesItsOwnFilesAndOnlyWhileItsStepIsOpen() {
        String code = tasks.dispatch();
        tasks.sign(code, lead);
        tasks.contribute(code, support);
        String report = tasks.open(code, "UserTask_ReportResult");
        String wrong = tasks.upload(lead, report, "错误版本.pdf", EvidenceSamples.pdf())
                .json()
                .path("href")
                .asText();
        String kept = tasks.upload(lead, report, "详查报告.pdf", EvidenceSamples.pdf())
                .json()
                .path("href")
                .asText();
        // Nobody else adds to the lead unit's step or deletes its files.
        assertRefused(tasks.upload(support, report, "配合材料.pdf", EvidenceSamples.pdf()), 403, "只有承办这一步的单位");
        assertRefused(tasks.upload(office, report, "督查意见.pdf", EvidenceSamples.pdf()), 403, "只有承办这一步的单位");
        assertRefused(Http.as(rest, support).delete(wrong), 403, "只有上传单位可以删除");
        assertRefused(Http.as(rest, office).delete(wrong), 403, "只有上传单位可以删除");
        // The report is the signer's: a colleague of the same unit may read but not change it.
        assertRefused(tasks.upload(leadColleague, report, "补充.pdf", EvidenceSamples.pdf()), 403, "签收办理");

        assertThat(Http.as(rest, lead).delete(wrong).status()).isEqualTo(204);
        assertThat(tasks.download(lead, wrong).getStatusCode().value()).isEqualTo(404);
        assertThat(count(code)).isEqualTo(1);

        tasks.report(code);
        assertRefused(Http.as(rest, lead).delete(kept), 409, "不能删除");
        assertRefused(tasks.upload(lead, report, "迟到的材料.pdf", EvidenceSamples.pdf()), 409, "已经提交");
        assertThat(tasks.download(office, kept).getStatusCode().value()).isEqualTo(200);
        assertThat(count(code)).isEqualTo(1);
        // Closure takes no files (it shows them).
        String verify = tasks.open(code, "UserTask_VerifyResult");
        assertRefused(tasks.upload(office, "no-such-task", "x.pdf", EvidenceSamples.pdf()), 404, "没有这个督办任务步骤");
        assertThat(verify).isNotNull();
    }

    @Test
    void theLedgerCountsEachTasksFiles() {
        String code = tasks.dispatch();
        tasks.sign(code, lead);
        tasks.contribute(code, support);
        String report = tasks.open(code, "UserTask_ReportResult");
        tasks.upload(lead, report, "详查报告.pdf", EvidenceSamples.pdf());
        tasks.upload(lead, report, "现场照片.png", EvidenceSamples.png());
        ResponseEntity<byte[]> ledger = tasks.download(office, "/api/dashboard/ledger.xlsx");
        assertThat(ledger.getStatusCode().value()).isEqualTo(200);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(ledger.getBody()))) {
            var sheet = workbook.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(1).forEach(cell -> header.add(cell.getStringCellValue()));
            int codeColumn = header.indexOf("任务编号");
            int countColumn = header.indexOf("佐证材料数");
            List<String> found = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (code.equals(row.getCell(codeColumn).getStringCellValue())) {
                    found.add(String.valueOf((int) row.getCell(countColumn).getNumericCellValue()));
                }
            }
            assertThat(found).containsExactly("2");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int count(String code) {
        return jdbc.sql("select count(*) from duban.evidence_file where task_code = ?")
                .param(code)
                .query(Integer.class)
                .single();
    }

    private static List<String> names(JsonNode files) {
        List<String> names = new ArrayList<>();
        files.forEach(file -> names.add(file.path("fileName").asText()));
        return names;
    }

    static void assertRefused(Http.Response response, int status, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode problem = response.json();
        assertThat(problem.path("detail").asText()).contains(reason);
        assertThat(response.body()).doesNotContain("Exception", "cn.duban", "java.");
    }
}
