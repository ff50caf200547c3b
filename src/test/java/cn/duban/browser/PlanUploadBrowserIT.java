package cn.duban.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.plan.intake.PlanFiles;
import cn.duban.plantask.PlanTaskProcess;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervision office imports plans from the browser: 计划导入 in Tasklist's header opens the upload page; a Word
 * plan, an Excel task breakdown and a PDF each reach the review page with their tasks; the Word plan, submitted from
 * there and approved by a leader, is published with its tasks dispatched. A unit the catalog lacks is shown as
 * unknown and mapped to a catalog unit in every task at once. A scanned PDF is refused in Chinese.
 */
@DubanTest
class PlanUploadBrowserIT {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theOfficeUploadsAWordAnExcelAndAPdfPlanAndPublishesTheWordPlan() throws IOException {
        users.member("browser-admin", DubanGroups.CAMUNDA_ADMIN);
        browser = new Browser("http://localhost:" + port);
        String office = users.member("upload-office", DubanGroups.SUPERVISION_OFFICE);
        Page page = browser.logIn(office, TestUsers.PASSWORD);

        page.locator("li.duban-link a", new Page.LocatorOptions().setHasText("计划导入"))
                .click();
        page.waitForURL("**/duban/upload.html");

        String wordCode = Orders.freshCode("UPDOCX");
        review(page, file("秋冬季攻坚方案.docx", PlanFiles.docx(PlanFiles.AIR_PLAN)), wordCode);
        assertThat(page.locator("#tasks tr")).hasCount(4);
        assertThat(page.locator("#tasks tr")
                        .first()
                        .locator("[data-field=title]")
                        .inputValue())
                .isEqualTo("完成城市建成区燃煤锅炉淘汰");
        assertThat(page.locator("#tasks tr")
                        .nth(1)
                        .locator("[data-field=leadUnits]")
                        .inputValue())
                .isEqualTo("州发改委");
        Browser.screenshot(page, "upload-docx-review");
        Browser.button(page, "提交领导审批").click();
        page.locator("#status", new Page.LocatorOptions().setHasText("已提交领导审批")).waitFor();
        String draftId = page.url().replaceAll(".*draft=", "");

        Task approval = taskService.createTaskQuery().processInstanceId(draftId).singleResult();
        assertThat(approval.getTaskDefinitionKey()).isEqualTo("UserTask_ApprovePublication");
        taskService.complete(approval.getId(), Map.of("publicationDecision", "approve"));
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey(PlanTaskProcess.KEY)
                        .processInstanceBusinessKeyLike(wordCode + "-%")
                        .count())
                .isEqualTo(4);

        page.navigate("http://localhost:" + port + "/duban/upload.html");
        review(page, file("任务分解表.xlsx", PlanFiles.breakdownXlsx()), Orders.freshCode("UPXLSX"));
        assertThat(page.locator("#tasks tr")).hasCount(4);
        assertThat(page.locator("#tasks tr")
                        .nth(2)
                        .locator("[data-field=deadline]")
                        .inputValue())
                .isEqualTo("2025-10-31");
        Browser.screenshot(page, "upload-xlsx-review");

        page.navigate("http://localhost:" + port + "/duban/upload.html");
        review(page, file("秋冬季攻坚方案.pdf", PlanFiles.pdf(PlanFiles.AIR_PLAN)), Orders.freshCode("UPPDF"));
        assertThat(page.locator("#tasks tr")).hasCount(4);
        Browser.screenshot(page, "upload-pdf-review");

        page.navigate("http://localhost:" + port + "/duban/upload.html");
        review(
                page,
                file("通知.txt", """
                昌吉州2026年秸秆综合利用工作安排
                1.开展秸秆还田试点。（州农业农村局牵头，州农机推广站配合）
                2.建设秸秆收储站点。（州农机推广站负责）
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Orders.freshCode("UPUNKNOWN"));
        assertThat(page.locator("#notices .error")).containsText("单位库中找不到：州农机推广站");
        assertThat(page.locator("textarea.unknown")).hasCount(2);
        page.locator(".unknown-unit[data-unit=州农机推广站] select").selectOption("州农业农村局");
        page.locator("#notices", new Page.LocatorOptions().setHasText("已将“州农机推广站”对应为“州农业农村局”"))
                .waitFor();
        assertThat(page.locator("textarea.unknown")).hasCount(0);
        assertThat(page.locator("#tasks tr")
                        .nth(1)
                        .locator("[data-field=responsibleUnits]")
                        .inputValue())
                .isEqualTo("州农业农村局");
        Browser.screenshot(page, "upload-unknown-unit-mapped");

        page.navigate("http://localhost:" + port + "/duban/upload.html");
        page.setInputFiles("#file", file("扫描件.pdf", PlanFiles.scannedPdf()));
        Browser.button(page, "上传并识别").click();
        page.locator("#notices .error", new Page.LocatorOptions().setHasText("没有文字层"))
                .waitFor();
        assertThat(page.url()).endsWith("/duban/upload.html");
        Browser.screenshot(page, "upload-scan-refused");
    }

    private static void review(Page page, Path file, String code) {
        page.setInputFiles("#file", file);
        page.fill("#code", code);
        Browser.button(page, "上传并识别").click();
        page.waitForURL("**/duban/review.html?draft=*");
        page.locator("#draft").waitFor();
        assertThat(page.locator("input[name=planCode]").inputValue()).isEqualTo(code);
    }

    private static Path file(String name, byte[] content) throws IOException {
        Path folder = Files.createTempDirectory("duban-upload");
        return Files.write(folder.resolve(name), content);
    }
}
