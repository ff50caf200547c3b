package cn.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.jointmeeting.JointMeetingRecord;
import cn.duban.jointmeeting.JointMeetings;
import cn.duban.majorproject.MajorProjectEntry;
import cn.duban.majorproject.MajorProjects;
import cn.duban.plan.intake.PlanIntake;
import cn.duban.support.DubanTest;
import cn.duban.support.TestUsers;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * The supervision office draws the 2025 work plan from the 14th Five-Year plan on its page in headless Chromium, then
 * follows the plan with its child, the major projects and the joint-meeting decisions on the dashboard. Screenshots
 * go to target/browser-screenshots.
 */
@DubanTest
class AnnualPlanBrowserIT {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PlanIntake intake;

    @Autowired
    MajorProjects projects;

    @Autowired
    JointMeetings meetings;

    @Autowired
    TestUsers users;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theOfficeDraftsTheAnnualPlanFromTheFiveYearPlanAndFollowsItOnTheDashboard() throws Exception {
        users.member("browser-admin", DubanGroups.CAMUNDA_ADMIN);
        String office = users.member("annual-browser-office", DubanGroups.SUPERVISION_OFFICE);
        String parent = "WEBFYP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String text = new ClassPathResource("plans/changji-14th-fyp-soil-groundwater-rural.txt")
                .getContentAsString(StandardCharsets.UTF_8);
        intake.publishUnreviewed(text, "changji-14th-fyp.txt", parent, "昌吉州土壤、地下水和农村生态环境保护“十四五”规划", "test");

        browser = new Browser("http://localhost:" + port);
        Page page = browser.logInAsPeopleDo(office, TestUsers.PASSWORD);
        page.locator("li.duban-link a[href='/duban/annual-plan.html']").click();
        page.waitForURL("**/duban/annual-plan.html");
        String child = parent + "-2025";
        try {
            page.locator("#parent").selectOption(parent);
            page.locator("#year").fill("2025");
            page.getByText("列出该年度未完成的任务").click();
            // All 47 tasks are still open in 2025, the last year of the plan.
            page.waitForCondition(() -> page.locator("#candidates tbody tr").count() == 47);
            assertThat(page.locator("#code").inputValue()).isEqualTo(child);
            assertThat(page.locator("#title").inputValue()).isEqualTo("昌吉州土壤、地下水和农村生态环境保护“十四五”规划2025年度工作计划");
            Locator first = page.locator("#candidates tr[data-code='" + parent + "-01']");
            first.locator("input[type=checkbox]").check();
            first.locator("input.target").fill("完成全州重点地块土壤污染状况调查30个");
            first.locator("input.deadline").fill("2025-10-31");
            Locator second = page.locator("#candidates tr[data-code='" + parent + "-02']");
            second.locator("input[type=checkbox]").check();
            second.locator("input.target").fill("新增受污染耕地安全利用面积1万亩");
            assertThat(page.locator("#picked").innerText()).isEqualTo("已选 2 项");
            Browser.screenshot(page, "12-annual-plan-draft");

            page.locator("#publish").click();
            page.locator("#status").getByText("已发布并交办").waitFor();
            // The parent with its new annual plan, progress rolled up: 47 + 2 tasks, none closed.
            page.locator("#plans tr[data-code='" + child + "']").waitFor();
        } catch (RuntimeException failure) {
            Browser.screenshot(page, "annual-plan-failed");
            throw failure;
        }
        assertThat(page.locator("#status").innerText()).contains(child, "共 2 项任务");
        assertThat(page.locator("#tree-title").innerText()).contains("共 49 项任务", "已销号 0 项");
        assertThat(page.locator("#plans tr[data-code='" + child + "']").innerText())
                .contains("2025年度工作计划", "年度计划", "2");
        assertThat(page.locator("#parts tr[data-code='" + parent + "-01']").innerText())
                .contains(parent + "-01-2025", "2025年10月31日");
        assertThat(page.locator("#parts tr[data-code='" + parent + "-02']").innerText())
                .contains(parent + "-02-2025", "2025年12月31日");
        Browser.screenshot(page, "13-annual-plan-published");

        // The dashboard shows the five-year plan with its child.
        page.navigate("http://localhost:" + port + "/duban/dashboard.html");
        page.locator("#plan").selectOption(parent);
        page.locator(".tabs button[data-tab='tree']").click();
        page.locator("#plan-tree tr[data-code='" + child + "']").waitFor();
        assertThat(page.locator("#plan-tree tbody").innerText()).contains("合计（含下级计划）\t49\t0");
        Browser.screenshot(page, "14-dashboard-plan-tree");
    }

    @Test
    void theDashboardShowsMajorProjectsAndJointMeetingDecisionsAndTheLedgerCarriesTheProjects() throws Exception {
        users.member("browser-admin", DubanGroups.CAMUNDA_ADMIN);
        String office = users.member("projects-browser-office", DubanGroups.SUPERVISION_OFFICE);
        String code = "ZDGC-WEB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        projects.add(
                List.of(new MajorProjectEntry(
                        code,
                        "阜康市受污染耕地安全利用示范工程",
                        "州农业农村局",
                        "阜康市",
                        new BigDecimal("1200"),
                        "2025-03-01",
                        "2027-10-31",
                        List.of(new MajorProjectEntry.Milestone("完成示范区土壤检测", "2025-06-30")),
                        List.of())),
                office,
                null);
        projects.report(code, "示范区土壤检测完成，开始实施安全利用措施", new BigDecimal("300"), 1, office, List.of(), true);
        String meeting = meetings.record(
                        new JointMeetingRecord(
                                "土壤污染防治联席会议第三次会议",
                                "2026-11-20",
                                List.of("州生态环境局", "州农业农村局"),
                                "会议研究了受污染耕地安全利用推进中的问题。",
                                List.of(new JointMeetingRecord.Decision(
                                        "督促阜康市加快受污染耕地安全利用",
                                        "州农业农村局牵头，督促阜康市于年底前完成安全利用措施。",
                                        List.of("州农业农村局"),
                                        List.of("州生态环境局"),
                                        "2027-06-30"))),
                        office)
                .code();

        if (browser == null) {
            browser = new Browser("http://localhost:" + port);
        }
        Page page = browser.logInAsPeopleDo(office, TestUsers.PASSWORD);
        page.navigate("http://localhost:" + port + "/duban/dashboard.html");
        page.locator(".tabs button[data-tab='projects']").click();
        Locator project = page.locator("#projects tr[data-code='" + code + "']");
        project.waitFor();
        assertThat(project.innerText())
                .contains("阜康市受污染耕地安全利用示范工程", "州农业农村局", "1,200", "300", "25.0%", "完成1/1", "示范区土壤检测完成");
        Browser.screenshot(page, "15-dashboard-major-projects");

        page.locator(".tabs button[data-tab='meetings']").click();
        Locator decision = page.locator("#meetings tr[data-code='" + meeting + "-01']");
        decision.waitFor();
        assertThat(decision.innerText()).contains("土壤污染防治联席会议第三次会议", "督促阜康市加快受污染耕地安全利用", "州农业农村局", "2027年6月30日", "正常");
        Browser.screenshot(page, "16-dashboard-joint-meetings");

        Download download = page.waitForDownload(() -> page.locator("#ledger").click());
        try (InputStream in = Files.newInputStream(download.path());
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("重大工程");
            DataFormatter format = new DataFormatter();
            Row row = null;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                if (code.equals(format.formatCellValue(sheet.getRow(r).getCell(0)))) {
                    row = sheet.getRow(r);
                }
            }
            assertThat(row).as("the project's row in the ledger").isNotNull();
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(1200.0);
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(300.0);
            assertThat(format.formatCellValue(row.getCell(6))).isEqualTo("25.0%");
        }
    }
}
