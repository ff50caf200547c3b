package cn.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.majorproject.MajorProjects;
import cn.duban.plan.PlanImporter;
import cn.duban.support.DubanTest;
import cn.duban.support.TestUsers;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervision office works its own pages in headless Chromium: enters a major project (the server's Chinese
 * problems shown next to the field first), imports a table of projects (a bad row keeps nothing, a good table
 * everything), and records a joint meeting whose two decisions become supervised tasks it can open. Screenshots go to
 * target/browser-screenshots.
 */
@DubanTest
class OfficeEntryBrowserIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PlanImporter importer;

    @Autowired
    MajorProjects projects;

    @Autowired
    TestUsers users;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private Page logInAsOffice(String office) {
        if (browser == null) {
            browser = new Browser("http://localhost:" + port);
        }
        try {
            return browser.logInAsPeopleDo(office, TestUsers.PASSWORD);
        } catch (com.microsoft.playwright.TimeoutError coldStart) {
            // The first Tasklist of a freshly started server on a loaded machine may not render within the minute;
            // the second one, its scripts served once, does.
            return browser.logInAsPeopleDo(office, TestUsers.PASSWORD);
        }
    }

    @Test
    void theOfficeEntersAProjectAndImportsATableAllOrNothing() throws Exception {
        users.member("browser-admin", DubanGroups.CAMUNDA_ADMIN);
        String office = users.member("entry-browser-office", DubanGroups.SUPERVISION_OFFICE);
        String plan = "WEBPRJ-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        importer.importPlan(("""
                code: %1$s
                title: 农村生活污水治理三年行动方案
                deadline: 2028-12-31
                tasks:
                  - code: %1$s-01
                    title: 推进农村生活污水治理
                    text: 实施农村生活污水治理工程，治理率达到40%%以上。
                    leadUnits: 州水利局
                """).formatted(plan).getBytes(StandardCharsets.UTF_8), office);
        String code = plan + "-P1";

        Page page = logInAsOffice(office);
        page.locator("li.duban-link a[href='/duban/projects.html']").click();
        page.waitForURL("**/duban/projects.html");
        try {
            page.locator("#show-entry").click();
            page.locator("#p-code").fill(code);
            page.locator("#p-name").fill("呼图壁县农村生活污水治理工程");
            page.locator("#p-owner").selectOption("州水利局");
            page.locator("#p-investment").fill("1200");
            page.locator("#p-start").fill("2026-03-01");
            page.locator("#p-end").fill("2028-10-31");
            page.locator("#milestones .m-name").fill("完成管网铺设");
            page.locator("#milestones .m-due").fill("2027-06-30");
            page.locator("#task-plan").selectOption(plan);
            page.locator("#tasks input[value='" + plan + "-01']").check();
            // No location: the server refuses, its problem shows at the top and next to the field.
            page.locator("#save-entry").click();
            page.locator("#entry-error").getByText("缺少建设地点").waitFor();
            assertThat(page.locator(".field-error[data-for='location']").innerText())
                    .isEqualTo("缺少建设地点");
            assertThat(page.locator("#p-location").getAttribute("class")).contains("invalid");
            assertThat(projects.find(code)).isEmpty();
            Browser.screenshot(page, "30-major-project-problem");

            page.locator("#p-location").fill("呼图壁县");
            page.locator("#save-entry").click();
            Locator row = page.locator("#projects tr[data-code='" + code + "']");
            row.waitFor();
            assertThat(row.innerText())
                    .contains("呼图壁县农村生活污水治理工程", "州水利局", "呼图壁县", "1,200", "完成0/1", "完成管网铺设", plan + "-01");
            assertThat(row.locator("a[href='task.html?code=" + plan + "-01']").count())
                    .isEqualTo(1);
            assertThat(page.locator("#entry").isHidden()).isTrue();

            // The office reports progress on the owner unit's behalf: money spent and the milestone reached.
            row.locator("button.report").click();
            page.locator("#g-content").fill("管网铺设完成，开始建设污水处理站");
            page.locator("#g-spent").fill("300");
            page.locator("#g-milestone").selectOption("1");
            page.locator("#send-progress").click();
            page.waitForCondition(() -> row.innerText().contains("管网铺设完成"));
            assertThat(row.innerText()).contains("300", "25.0%", "完成1/1");

            // A table with a bad row (unknown owner unit): nothing is kept, the server's Chinese problem is shown.
            String good = plan + "-P2";
            String bad = plan + "-P3";
            page.locator("#show-import").click();
            page.locator("#import-file")
                    .setInputFiles(new FilePayload(
                            "重大工程.xlsx",
                            XLSX,
                            table(
                                    List.of(
                                            good,
                                            "玛纳斯县农村污水处理站",
                                            "州水利局",
                                            "玛纳斯县",
                                            "800",
                                            "2026-04-01",
                                            "2027-12-31",
                                            plan + "-01"),
                                    List.of(bad, "奇台县乡镇污水管网", "州不存在局", "奇台县", "500", "2026-05-01", "2027-11-30", ""))));
            page.locator("#send-import").click();
            page.locator("#import-error").getByText("第3行的业主单位“州不存在局”不在单位目录中").waitFor();
            assertThat(page.locator("#import-error").innerText()).contains("整张表未导入");
            assertThat(projects.find(good)).isEmpty();
            assertThat(page.locator("#projects tr[data-code='" + good + "']").count())
                    .isZero();
            Browser.screenshot(page, "31-major-project-import-refused");

            page.locator("#import-file")
                    .setInputFiles(new FilePayload(
                            "重大工程.xlsx",
                            XLSX,
                            table(
                                    List.of(
                                            good,
                                            "玛纳斯县农村污水处理站",
                                            "州水利局",
                                            "玛纳斯县",
                                            "800",
                                            "2026-04-01",
                                            "2027-12-31",
                                            plan + "-01"),
                                    List.of(bad, "奇台县乡镇污水管网", "州水利局", "奇台县", "500", "2026-05-01", "2027-11-30", ""))));
            page.locator("#send-import").click();
            page.locator("#status").getByText("导入 2 个重大工程").waitFor();
            page.locator("#projects tr[data-code='" + bad + "']").waitFor();
            assertThat(page.locator("#projects tr[data-code='" + good + "']").innerText())
                    .contains("玛纳斯县农村污水处理站", "800", plan + "-01");
            Browser.screenshot(page, "32-major-projects");
        } catch (RuntimeException | AssertionError failure) {
            Browser.screenshot(page, "major-projects-failed");
            throw failure;
        }
    }

    @Test
    void theOfficeRecordsAMeetingWhoseDecisionsBecomeSupervisedTasks() {
        users.member("browser-admin", DubanGroups.CAMUNDA_ADMIN);
        String office = users.member("meeting-browser-office", DubanGroups.SUPERVISION_OFFICE);
        String title = "农村人居环境整治联席会议" + UUID.randomUUID().toString().substring(0, 4);

        Page page = logInAsOffice(office);
        page.locator("li.duban-link a[href='/duban/meetings.html']").click();
        page.waitForURL("**/duban/meetings.html");
        try {
            page.locator("#show-record").click();
            page.locator("#m-title").fill(title);
            page.locator("#m-place").fill("州政府第三会议室");
            page.locator("#m-chair").fill("王副州长");
            page.locator("#participants input[value='州生态环境局']").check();
            page.locator("#participants input[value='州农业农村局']").check();
            page.locator("#m-minutes").fill("会议听取了农村人居环境整治进展情况汇报，研究了存在的问题。");
            Locator first = page.locator("#decisions fieldset.decision").nth(0);
            first.locator(".d-title").fill("加快农村生活垃圾收运体系建设");
            first.locator(".d-lead").selectOption("州农业农村局");
            first.locator(".d-supports input[value='州生态环境局']").check();
            first.locator(".d-deadline").fill("2027-06-30");
            page.locator("#add-decision").click();
            Locator second = page.locator("#decisions fieldset.decision").nth(1);
            second.locator(".d-title").fill("开展农村黑臭水体排查");
            second.locator(".d-text").fill("州生态环境局牵头，于明年一季度前完成全州农村黑臭水体排查。");
            second.locator(".d-lead").selectOption("州生态环境局");
            // No deadline yet: the meeting is refused as a whole, in Chinese.
            page.locator("#save-record").click();
            page.locator("#record-error").getByText("请填写议定事项2的完成时限").waitFor();
            second.locator(".d-deadline").fill("2027-03-31");
            page.locator("#save-record").click();
            page.locator("#status").getByText("2 项议定事项已交办").waitFor();
            Locator meeting = page.locator("article.meeting", new Page.LocatorOptions().setHasText(title));
            meeting.waitFor();
            assertThat(meeting.innerText()).contains("州生态环境局、州农业农村局");
            assertThat(meeting.locator("tbody tr").count()).isEqualTo(2);
            Locator firstTask = meeting.locator("tbody tr").nth(0);
            assertThat(firstTask.innerText()).contains("加快农村生活垃圾收运体系建设", "州农业农村局", "州生态环境局", "2027年6月30日", "正常");
            assertThat(meeting.locator("tbody tr").nth(1).innerText()).contains("开展农村黑臭水体排查", "州生态环境局", "2027年3月31日");
            meeting.locator("details summary").click();
            assertThat(meeting.locator(".minutes").innerText()).contains("会议地点：州政府第三会议室", "主持人：王副州长");
            Browser.screenshot(page, "33-joint-meeting-recorded");

            String taskCode = firstTask.getAttribute("data-code");
            firstTask.locator("a").click();
            page.waitForURL(url -> url.endsWith("/duban/task.html?code=" + taskCode));
            page.locator("#title").getByText("加快农村生活垃圾收运体系建设").waitFor();
            Browser.screenshot(page, "34-joint-meeting-task");

            // On a phone both pages, forms open, fit the screen's width (wide tables scroll inside themselves).
            page.setViewportSize(390, 844);
            for (String pageWithForm : List.of("meetings.html#show-record", "projects.html#show-entry")) {
                String[] pageAndButton = pageWithForm.split("#");
                page.navigate("http://localhost:" + port + "/duban/" + pageAndButton[0]);
                page.locator("#" + pageAndButton[1]).click();
                assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                        .as(pageAndButton[0] + " on a phone")
                        .isLessThanOrEqualTo(390);
            }
            Browser.screenshot(page, "35-major-project-entry-phone");
        } catch (RuntimeException | AssertionError failure) {
            Browser.screenshot(page, "joint-meeting-failed");
            throw failure;
        }
    }

    @SafeVarargs
    private static byte[] table(List<String>... rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("重大工程");
            Row header = sheet.createRow(0);
            List<String> columns = List.of("编号", "项目名称", "业主单位", "建设地点", "计划投资（万元）", "开工日期", "完工日期", "关联任务");
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].size(); c++) {
                    row.createCell(c).setCellValue(rows[r].get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
