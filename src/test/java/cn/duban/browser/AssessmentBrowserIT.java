package cn.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The performance office runs an assessment year on its page in headless Chromium: it opens 2035 for one plan,
 * closes it early, reads the ranking and downloads it. Screenshots go to target/browser-screenshots.
 */
@DubanTest
class AssessmentBrowserIT {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TestUsers users;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void thePerformanceOfficeRunsAnAssessmentYearAndExportsTheRanking() throws Exception {
        // An administrator exists, so the webapps show their login and not the first-administrator form.
        users.member("browser-admin", DubanGroups.CAMUNDA_ADMIN);
        String office = users.member("browser-performance", "performance-office");
        String plan = Orders.freshCode("WEBASSESS");
        dispatcher.dispatch(new TaskDispatchOrder(
                plan,
                "考核浏览器测试计划",
                plan + "-01",
                null,
                "年度目标任务",
                "完成年度目标任务。",
                List.of(Orders.ECOLOGY),
                List.of(),
                List.of(),
                LocalDate.of(2035, 3, 31),
                ReportCycle.QUARTERLY));

        browser = new Browser("http://localhost:" + port);
        Page page = browser.logIn(office, TestUsers.PASSWORD);
        page.navigate("http://localhost:" + port + "/duban/assessment.html");
        try {
            page.locator("#year").fill("2035");
            page.locator("#plans").fill(plan);
            page.getByText("开启", new Page.GetByTextOptions().setExact(true)).click();
            Locator year = page.locator("#years tr[data-year='2035']");
            year.waitFor();
            assertThat(year.innerText()).contains("考核中", plan);
            year.getByText("结束年度并评分").click();
            page.locator("#status").getByText("2035年度已评分。").waitFor();
            page.waitForCondition(
                    () -> page.locator("#ranking tbody").innerText().contains("州生态环境局"));
        } catch (RuntimeException failure) {
            Browser.screenshot(page, "assessment-failed");
            throw failure;
        }
        // Due in March 2035, not yet closed: 60 + 40 × 0/1 = 60 (closed early, no accountability yet).
        assertThat(page.locator("#ranking tbody").innerText())
                .contains("州直部门及单位", "州生态环境局", "60.00", "按时完成0/1项（0.0%）× 40：+0.00分");
        Browser.screenshot(page, "11-assessment-ranking");

        Download download = page.waitForDownload(() -> page.locator("#export").click());
        assertThat(download.suggestedFilename()).isEqualTo("2035年度考核排名.xlsx");
        try (InputStream in = Files.newInputStream(download.path());
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(new DataFormatter()
                            .formatCellValue(
                                    workbook.getSheet("州直部门及单位").getRow(2).getCell(1)))
                    .isEqualTo("州生态环境局");
        }
    }
}
